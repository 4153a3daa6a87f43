using System.Text.Json;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Engine;

/// <summary>
/// The kernel command of the repository's <c>.vscode/settings.json</c>, with its placeholders filled as the Polyglot
/// extension fills them: <c>{dotnet_path}</c> with the dotnet on PATH, <c>{working_dir}</c> with the opened
/// notebook's folder.
/// </summary>
public sealed record KernelSettings(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    public static KernelSettings ForNotebookFolder(string notebookFolder)
    {
        var path = Path.Combine(TestPaths.RepoRoot, ".vscode", "settings.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var args = json.RootElement.GetProperty("dotnet-interactive.kernelTransportArgs").EnumerateArray()
            .Select(a => Fill(a.GetString()!, notebookFolder)).ToList();
        var workingDirectory = json.RootElement.TryGetProperty("dotnet-interactive.kernelTransportWorkingDirectory", out var wd)
            ? Fill(wd.GetString()!, notebookFolder)
            : Path.GetTempPath(); // the extension's default is its own storage folder, never the workspace
        return new KernelSettings(args[0], args.Skip(1).ToList(), workingDirectory);
    }

    private static string Fill(string template, string workingDir) =>
        template.Replace("{dotnet_path}", "dotnet", StringComparison.Ordinal)
            .Replace("{working_dir}", workingDir, StringComparison.Ordinal)
            .Replace("{global_storage_path}", Path.GetTempPath(), StringComparison.Ordinal);

    public StdioKernel Start(IReadOnlyDictionary<string, string>? environment = null) =>
        StdioKernel.Start(FileName, Arguments, WorkingDirectory, environment);
}

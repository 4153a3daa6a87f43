using ModelTree.Workbook.Engine;

namespace ModelTree.Workbook.Commands;

/// <summary><c>kernel</c>: the workbook's notebook kernel on stdio, for VS Code's Polyglot extension.</summary>
internal static class KernelCommand
{
    public static Command Create(Terminal terminal)
    {
        var workingDir = new Option<string?>("--working-dir")
        {
            HelpName = "dir",
            Description = "The folder cells run in (relative paths in #r and Data Source resolve against it): the notebook's folder. Default: the current directory.",
        };
        var vscode = new Option<bool>("--vscode")
        {
            Description = "Also connect the kernels the VS Code extension provides (vscode for input prompts, javascript for the web view).",
        };
        var command = new Command("kernel",
            "Serve the workbook kernel over the .NET Interactive stdio protocol (one JSON envelope per line: commands on stdin, " +
            "events on stdout) until stdin closes. This is what .vscode/settings.json starts for the Polyglot extension: the real " +
            "C# kernel with #r \"nuget:\", Plotly.NET charts (FSharp.Core 10.1) and #!connect duckdb.")
        {
            workingDir,
            vscode,
        };
        command.SetAction((parse, cancellationToken) =>
            StdioServer.RunAsync(parse.GetValue(workingDir), parse.GetValue(vscode), cancellationToken));
        return command;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// The folder one run writes into, checked before anything runs: it must be writable, must not be one of the
/// repository's source folders, and must be either new, empty, or the folder of an earlier run (whose files, listed
/// in its <c>run.json</c>, this run replaces and says so). A lock file keeps two runs from writing into it at once.
/// </summary>
internal sealed class OutputFolder : IDisposable
{
    /// <summary>The manifest a run leaves in its folder: when it ran, on what, and every file it wrote.</summary>
    public const string ManifestFile = "run.json";

    private const string LockFile = ".run.lock";

    private readonly FileStream lockStream;

    private OutputFolder(string path, FileStream lockStream, Previous? previous)
    {
        Path = path;
        this.lockStream = lockStream;
        PreviousRun = previous;
    }

    /// <summary>The folder (full path).</summary>
    public string Path { get; }

    /// <summary>The earlier run whose outputs this run replaces, if the folder held one.</summary>
    public Previous? PreviousRun { get; }

    /// <summary>An earlier run found in the folder: when it ran, what it ran, the files it wrote (relative paths).</summary>
    public sealed record Previous(string Finished, IReadOnlyList<string> Notebooks, IReadOnlyList<string> Files);

    /// <summary>
    /// Checks <paramref name="path"/> and takes it for this run. <paramref name="repoRoot"/> names the source folders
    /// it may not be. Throws <see cref="ModelTreeException"/> naming the folder and what to do.
    /// </summary>
    public static OutputFolder Take(string path, string? repoRoot)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ModelTreeException("--out is empty: give the folder the run should write into (default: out/).");
        }
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new ModelTreeException($"--out {path} is a file ({full}); give a folder (it is created if missing).");
        }
        if (repoRoot is not null)
        {
            RefuseSourceFolder(path, full, System.IO.Path.GetFullPath(repoRoot));
        }
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelTreeException($"cannot create the output folder {full}: {e.Message} Choose a folder you can write to.");
        }

        FileStream lockStream;
        try
        {
            lockStream = new FileStream(System.IO.Path.Combine(full, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None,
                1, FileOptions.DeleteOnClose);
        }
        catch (UnauthorizedAccessException)
        {
            throw new ModelTreeException($"the output folder {full} is not writable. Choose a folder you can write to, with --out.");
        }
        catch (IOException)
        {
            throw new ModelTreeException($"another run is writing into {full} right now. Wait for it to finish, or give this run its own --out folder.");
        }

        try
        {
            return new OutputFolder(full, lockStream, ReadPrevious(full));
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    private static void RefuseSourceFolder(string given, string full, string root)
    {
        bool Inside(string folder) =>
            full.Equals(folder, StringComparison.Ordinal) || full.StartsWith(folder + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (full.Equals(root, StringComparison.Ordinal))
        {
            throw new ModelTreeException($"--out {given} is the repository itself: the run would write over notebooks/. Use out/ (the default) or another folder.");
        }
        foreach (var source in new[] { "notebooks", "lib", "tests", System.IO.Path.Combine("data", "sample"), System.IO.Path.Combine("data", "real"), ".git" })
        {
            if (Inside(System.IO.Path.Combine(root, source)))
            {
                throw new ModelTreeException($"--out {given} is inside the repository's {source}/ folder, which holds sources. Use out/ (the default) or another folder.");
            }
        }
    }

    private static Previous? ReadPrevious(string folder)
    {
        var manifest = System.IO.Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifest))
        {
            if (File.Exists(System.IO.Path.Combine(folder, WorkbookRunner.ReportFile)) && Directory.Exists(System.IO.Path.Combine(folder, "notebooks")))
            {
                // A run from before manifests existed: its report and executed notebooks are what it wrote.
                var files = Directory.GetFiles(System.IO.Path.Combine(folder, "notebooks"), "*.ipynb")
                    .Select(f => "notebooks/" + System.IO.Path.GetFileName(f)).Append(WorkbookRunner.ReportFile).ToList();
                return new Previous("at an unknown time", [], files);
            }
            // Folders of earlier runs of some notebooks (out/03-verify/) may sit inside the whole workbook's folder.
            var other = Directory.EnumerateFileSystemEntries(folder)
                .Where(e => !(Directory.Exists(e) && File.Exists(System.IO.Path.Combine(e, ManifestFile))))
                .Select(System.IO.Path.GetFileName).FirstOrDefault(n => n != LockFile);
            if (other is not null)
            {
                throw new ModelTreeException(
                    $"the output folder {folder} is not empty ('{other}'...) and holds no earlier run ({ManifestFile}); the run will not mix its " +
                    "files with others. Give a new or empty folder with --out.");
            }
            return null;
        }
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(manifest))!;
            return new Previous(
                (string?)json["finished"] ?? "?",
                (json["notebooks"] as JsonArray ?? []).Select(n => (string?)n ?? "").ToList(),
                (json["files"] as JsonArray ?? []).Select(n => (string?)n ?? "").Where(n => n.Length > 0).ToList());
        }
        catch (JsonException e)
        {
            throw new ModelTreeException($"{manifest} is not a run manifest ({e.Message}); move it away or give another --out folder.");
        }
    }

    /// <summary>Removes the files the earlier run wrote (and only those), before this run writes its own.</summary>
    public void ClearPreviousRun()
    {
        if (PreviousRun is null)
        {
            return;
        }
        foreach (var relative in PreviousRun.Files)
        {
            var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative));
            if (file.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(file))
            {
                File.Delete(file);
            }
        }
        File.Delete(System.IO.Path.Combine(Path, ManifestFile));
    }

    /// <summary>Every file now in the folder written at or after <paramref name="since"/> (relative paths, sorted).</summary>
    public IReadOnlyList<string> FilesWrittenSince(DateTime since) =>
        Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Where(f => System.IO.Path.GetFileName(f) is not LockFile and not ManifestFile && File.GetLastWriteTimeUtc(f) >= since.AddSeconds(-1)
                && !InOtherRun(f))
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();

    // A file inside a sub-folder that holds a run of its own belongs to that run.
    private bool InOtherRun(string file)
    {
        for (var dir = System.IO.Path.GetDirectoryName(file); dir is not null && dir.Length > Path.Length; dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (File.Exists(System.IO.Path.Combine(dir, ManifestFile)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Writes <c>run.json</c>: the run's times, data, notebooks and files.</summary>
    public void WriteManifest(DateTime started, string? data, IReadOnlyList<string> notebooks, IReadOnlyList<string> files, bool complete)
    {
        var json = new JsonObject
        {
            ["started"] = started.ToString("o", CultureInfo.InvariantCulture),
            ["finished"] = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            ["data"] = data,
            ["complete"] = complete,
            ["notebooks"] = new JsonArray(notebooks.Select(n => (JsonNode?)n).ToArray()),
            ["files"] = new JsonArray(files.Select(f => (JsonNode?)f).ToArray()),
        };
        File.WriteAllText(System.IO.Path.Combine(Path, ManifestFile), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    public void Dispose() => lockStream.Dispose();
}

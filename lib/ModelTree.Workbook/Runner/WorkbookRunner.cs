namespace ModelTree.Workbook.Runner;

/// <summary>
/// Runs a list of notebooks one after another, each with fresh kernels, writes each executed notebook
/// to <c>&lt;out&gt;/notebooks/&lt;name&gt;.ipynb</c> as soon as it finishes (a failed one too, with its
/// error), and then the report <c>&lt;out&gt;/report.html</c>. A failing notebook does not stop the others.
/// </summary>
public static class WorkbookRunner
{
    /// <summary>The report's file name inside the output folder.</summary>
    public const string ReportFile = "report.html";

    /// <summary>
    /// The notebooks to run: every <c>*.ipynb</c> in <paramref name="notebooksDir"/> in name order, or
    /// those named in <paramref name="names"/> (a path, or a name in that folder with or without .ipynb).
    /// </summary>
    public static IReadOnlyList<string> Select(string notebooksDir, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            if (!Directory.Exists(notebooksDir))
            {
                throw new ModelTreeException($"The notebooks folder '{notebooksDir}' does not exist.");
            }
            var all = Directory.GetFiles(notebooksDir, "*.ipynb").Order(StringComparer.Ordinal).ToList();
            return all.Count > 0 ? all : throw new ModelTreeException($"There are no .ipynb notebooks in '{notebooksDir}'.");
        }
        return names.Select(name => Resolve(notebooksDir, name)).ToList();
    }

    private static string Resolve(string notebooksDir, string name)
    {
        var candidates = new[]
        {
            name,
            Path.Combine(notebooksDir, name),
            Path.Combine(notebooksDir, name + ".ipynb"),
        };
        var found = candidates.FirstOrDefault(c => File.Exists(c) && c.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return Path.GetFullPath(found);
        }
        var available = Directory.Exists(notebooksDir)
            ? string.Join(", ", Directory.GetFiles(notebooksDir, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
            : "none";
        throw new ModelTreeException($"No notebook '{name}': give a path to an .ipynb file or a name in '{notebooksDir}' (available: {available}).");
    }

    /// <summary>Runs <paramref name="notebooks"/> and writes their outputs and the report under <paramref name="outputDir"/>.</summary>
    public static async Task<WorkbookRun> RunAsync(IReadOnlyList<string> notebooks, string outputDir, RunOptions? options = null,
        Action<NotebookRun>? finished = null, CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        var output = Path.GetFullPath(outputDir);
        Directory.CreateDirectory(output);
        var runs = new List<NotebookRun>();
        var files = new List<string>();
        foreach (var path in notebooks)
        {
            var run = await NotebookRunner.RunAsync(path, options, cancellationToken);
            runs.Add(run);
            files.Add(NotebookWriter.Write(run, Path.Combine(output, "notebooks", run.Notebook.Name)));
            finished?.Invoke(run);
        }
        var report = WorkbookReport.Write(runs, Path.Combine(output, ReportFile), options.DataPath is null ? null : Path.GetFullPath(options.DataPath));
        return new WorkbookRun(runs, files, report);
    }
}

namespace ModelTree.Workbook.Runner;

/// <summary>
/// Runs a list of notebooks one after another, each in a new kernel, into one output folder: each executed
/// notebook goes to <c>&lt;out&gt;/notebooks/&lt;name&gt;.ipynb</c> as soon as it finishes (a failed one too, with its
/// error), then the report <c>&lt;out&gt;/report.html</c> and the manifest <c>&lt;out&gt;/run.json</c>. A failing
/// notebook does not stop the others; Ctrl-C, or a cell that ends the process, stops the run, and what finished is
/// still written.
/// </summary>
internal static class WorkbookRunner
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
        var found = candidates.FirstOrDefault(c => c.Length > 0 && File.Exists(c) && c.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            return Path.GetFullPath(found);
        }
        var available = Directory.Exists(notebooksDir)
            ? string.Join(", ", Directory.GetFiles(notebooksDir, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
            : "none";
        throw new ModelTreeException($"No notebook '{name}': give a path to an .ipynb file or a name in '{notebooksDir}' (available: {available}).");
    }

    /// <summary>Runs <paramref name="notebooks"/> into a new (or empty) folder; see the other overload.</summary>
    public static async Task<WorkbookRun> RunAsync(IReadOnlyList<string> notebooks, string outputDir, RunOptions? options = null,
        Action<NotebookRun>? finished = null, CancellationToken cancellationToken = default)
    {
        using var folder = OutputFolder.Take(outputDir, repoRoot: null);
        return await RunAsync(notebooks, folder, options, finished, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="notebooks"/> and writes their outputs, the report and the manifest into
    /// <paramref name="folder"/>, replacing the files of the run that was there before.
    /// </summary>
    public static async Task<WorkbookRun> RunAsync(IReadOnlyList<string> notebooks, OutputFolder folder, RunOptions? options = null,
        Action<NotebookRun>? finished = null, CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        var started = DateTime.UtcNow;
        folder.ClearPreviousRun();
        var runs = new List<NotebookRun>();
        var files = new List<string>();
        var stoppedBy = (string?)null;
        var stderr = Console.Error; // while a cell runs, the kernel captures the console

        // A cell that calls Environment.Exit ends this process from inside the kernel: write what finished first.
        void OnExit(object? sender, EventArgs e)
        {
            if (NotebookRunner.Current is { } current)
            {
                var why = $"the cell called Environment.Exit({Environment.ExitCode}), which ends the whole run; the cells and notebooks after it did not run";
                var stopped = current.Stop(why);
                runs.Add(stopped);
                files.Add(NotebookWriter.Write(stopped, Path.Combine(folder.Path, "notebooks", stopped.Notebook.Name)));
                Finish(folder, options, started, notebooks, runs, files, why);
                stderr.WriteLine($"error: {stopped.Failure}");
                stderr.Flush();
                Environment.ExitCode = Environment.ExitCode == 0 ? 1 : Environment.ExitCode;
            }
        }
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        try
        {
            foreach (var path in notebooks)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    stoppedBy = "cancelled (Ctrl-C)";
                    break;
                }
                var run = await NotebookRunner.RunAsync(path, options, cancellationToken);
                runs.Add(run);
                files.Add(NotebookWriter.Write(run, Path.Combine(folder.Path, "notebooks", run.Notebook.Name)));
                finished?.Invoke(run);
                ReleaseMemory();
                if (run.Failure?.Kind == FailureKind.Cancelled)
                {
                    stoppedBy = "cancelled (Ctrl-C)";
                    break;
                }
            }
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= OnExit;
        }
        var report = Finish(folder, options, started, notebooks, runs, files, stoppedBy);
        return new WorkbookRun(runs, files, report) { StoppedBy = stoppedBy, Replaced = folder.PreviousRun };
    }

    /// <summary>
    /// A finished notebook's kernel, frames and query results are garbage, but the heap they filled stays committed
    /// unless the collector is asked to give it back; then the next notebook would start on top of it, and a run's peak
    /// would be the sum of what earlier notebooks left rather than its largest notebook. One aggressive, compacting
    /// collection between notebooks (a fraction of a second) returns it; the finalizers it queues may free native
    /// handles, so a second collection takes what they let go.
    /// </summary>
    private static void ReleaseMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static string Finish(OutputFolder folder, RunOptions options, DateTime started, IReadOnlyList<string> planned,
        List<NotebookRun> runs, List<string> files, string? stoppedBy)
    {
        var report = WorkbookReport.Write(runs, Path.Combine(folder.Path, ReportFile), options.DataPath is null ? null : Path.GetFullPath(options.DataPath),
            new ReportScope(planned.Count, options.WorkbookSize, stoppedBy));
        folder.WriteManifest(started, options.DataPath, runs.Select(r => r.Notebook.Name).ToList(), folder.FilesWrittenSince(started),
            complete: stoppedBy is null && runs.Count == planned.Count);
        return report;
    }
}

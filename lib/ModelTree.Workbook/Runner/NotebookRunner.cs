using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using ModelTree.Workbook.Engine;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// Runs a notebook top to bottom in the workbook kernel, in this process, exactly as the VS Code extension
/// drives it: each code cell is one <see cref="SubmitCode"/> addressed to the cell's kernel, and the events the
/// kernel publishes become the cell's outputs. The first failing cell stops the notebook.
/// </summary>
internal static class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>
    /// The notebook running now with the cells finished so far, or null: what a run can still write out if a cell
    /// ends the process (<see cref="Environment.Exit"/>).
    /// </summary>
    internal static InProgress? Current { get; private set; }

    /// <summary>A notebook part-way through: the cells run so far, and the cell running.</summary>
    internal sealed record InProgress(NotebookDocument Notebook, List<CellRun> Finished, Stopwatch Elapsed)
    {
        public NotebookCell? Running { get; set; }

        /// <summary>The notebook as far as it got, the running cell stopped with <paramref name="why"/>.</summary>
        public NotebookRun Stop(string why)
        {
            var runs = new List<CellRun>();
            CellFailure? failure = null;
            foreach (var cell in Notebook.Cells)
            {
                var done = Finished.FirstOrDefault(r => r.Cell.Number == cell.Number);
                if (done is not null)
                {
                    runs.Add(done);
                }
                else if (cell == Running)
                {
                    failure = new CellFailure(Notebook.Name, cell.Number, cell.FirstLine, why);
                    runs.Add(new CellRun(cell, [new ErrorOutput("Exit", why, [why])], Finished.Count(r => r.Executed) + 1, TimeSpan.Zero));
                }
                else
                {
                    runs.Add(new CellRun(cell, [], null, TimeSpan.Zero));
                }
            }
            return new NotebookRun(Notebook, runs, failure, Elapsed.Elapsed);
        }
    }

    /// <summary>Reads and runs the notebook at <paramref name="notebookPath"/>.</summary>
    public static Task<NotebookRun> RunAsync(string notebookPath, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(NotebookDocument.Load(notebookPath), options, cancellationToken);

    /// <summary>
    /// Runs <paramref name="notebook"/> in a new kernel. While it runs, the current directory is the notebook's
    /// folder (as VS Code starts the kernel there) and MODELTREE_DATA / MODELTREE_OUT are set from
    /// <paramref name="options"/>; both are restored afterwards. Notebooks run one at a time per process
    /// (the console, the formatters and the environment are process-wide).
    /// </summary>
    public static async Task<NotebookRun> RunAsync(NotebookDocument notebook, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        await OneAtATime.WaitAsync(cancellationToken);
        var savedDirectory = Environment.CurrentDirectory;
        var savedData = Environment.GetEnvironmentVariable(WorkbookPaths.DataVariable);
        var savedOut = Environment.GetEnvironmentVariable(WorkbookPaths.OutputVariable);
        CompositeKernel? kernel = null;
        var stuck = false;
        try
        {
            if (options.DataPath is not null)
            {
                Environment.SetEnvironmentVariable(WorkbookPaths.DataVariable, Path.GetFullPath(options.DataPath));
            }
            if (options.OutputDir is not null)
            {
                Environment.SetEnvironmentVariable(WorkbookPaths.OutputVariable, Path.GetFullPath(options.OutputDir));
            }
            Environment.CurrentDirectory = notebook.Folder;
            DuckDbKernel.MaxRows = options.SqlMaxRows;
            kernel = WorkbookKernel.Create();
            var run = await RunCellsAsync(notebook, kernel, options, cancellationToken);
            stuck = run.Failure?.Kind is FailureKind.TimedOut or FailureKind.Cancelled;
            return run;
        }
        finally
        {
            if (kernel is not null)
            {
                if (stuck)
                {
                    // A runaway cell may never let go: do not wait for it.
                    var abandoned = kernel;
                    _ = Task.Run(() =>
                    {
                        KernelVariables.DisposeAll(abandoned);
                        abandoned.Dispose();
                    });
                }
                else
                {
                    KernelVariables.DisposeAll(kernel);
                    kernel.Dispose();
                }
            }
            Environment.CurrentDirectory = savedDirectory;
            Environment.SetEnvironmentVariable(WorkbookPaths.DataVariable, savedData);
            Environment.SetEnvironmentVariable(WorkbookPaths.OutputVariable, savedOut);
            OneAtATime.Release();
        }
    }

    private static async Task<NotebookRun> RunCellsAsync(NotebookDocument notebook, CompositeKernel kernel, RunOptions options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var runs = new List<CellRun>();
        var progress = new InProgress(notebook, runs, total);
        Current = progress;
        CellFailure? failure = null;
        var executionCount = 0;
        var events = new List<KernelEvent>();
        using var subscription = kernel.KernelEvents.Subscribe(e =>
        {
            lock (events)
            {
                events.Add(e);
            }
        });

        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind != CellKind.Code || failure is not null)
            {
                runs.Add(new CellRun(cell, [], null, TimeSpan.Zero));
                continue;
            }
            options.Progress?.Report(new CellProgress(notebook, cell, Finished: false));
            progress.Running = cell;
            lock (events)
            {
                events.Clear();
            }
            var started = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            var submission = new SubmitCode(cell.Source, cell.Kernel);
            var outcome = await SubmitAsync(kernel, submission, options.CellTimeout, cancellationToken);
            List<KernelEvent> seen;
            lock (events)
            {
                seen = [.. events];
            }
            var outputs = CellOutputs.From(submission, seen);
            failure = outcome switch
            {
                Outcome.Succeeded => null,
                Outcome.Failed => Failed(notebook, cell, kernel, seen.OfType<CommandFailed>().Last(f => f.Command == submission)),
                Outcome.TimedOut => new CellFailure(notebook.Name, cell.Number, cell.FirstLine,
                    $"timed out after {options.CellTimeout.TotalSeconds:0} s (raise it with --cell-timeout <seconds>)", FailureKind.TimedOut),
                _ => new CellFailure(notebook.Name, cell.Number, cell.FirstLine, "cancelled (Ctrl-C); later cells did not run", FailureKind.Cancelled),
            };
            if (failure is not null && outcome != Outcome.Failed)
            {
                outputs.Add(new ErrorOutput(failure.Kind.ToString(), failure.Message, [failure.Message]));
            }
            runs.Add(new CellRun(cell, outputs, ++executionCount, watch.Elapsed) { Started = started, Ended = DateTimeOffset.UtcNow });
            options.Progress?.Report(new CellProgress(notebook, cell, Finished: true, Failed: failure is not null));
        }
        Current = null;
        return new NotebookRun(notebook, runs, failure, total.Elapsed);
    }

    private enum Outcome
    {
        Succeeded,
        Failed,
        TimedOut,
        Cancelled,
    }

    private static async Task<Outcome> SubmitAsync(CompositeKernel kernel, SubmitCode submission, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var send = kernel.SendAsync(submission, CancellationToken.None);
        var stop = new TaskCompletionSource();
        using var cancelled = cancellationToken.Register(() => stop.TrySetResult());
        var finished = await Task.WhenAny(send, Task.Delay(timeout, CancellationToken.None), stop.Task);
        if (finished == send)
        {
            var result = await send;
            return result.Events.OfType<CommandFailed>().Any(f => f.Command == submission) ? Outcome.Failed : Outcome.Succeeded;
        }
        _ = kernel.SendAsync(new Cancel()); // asks the running code to stop; code that never checks keeps running
        return finished == stop.Task ? Outcome.Cancelled : Outcome.TimedOut;
    }

    private static CellFailure Failed(NotebookDocument notebook, NotebookCell cell, CompositeKernel kernel, CommandFailed failed)
    {
        var (_, _, message) = CellErrors.Describe(failed);
        if (kernel.FindKernelByName(cell.Kernel) is null)
        {
            message = $"the cell's kernel '{cell.Kernel}' does not exist (yet): connect it in an earlier cell with " +
                $"#!connect duckdb --kernel-name {cell.Kernel} --connection-string \"Data Source=<path>\". The kernel said: {message}";
        }
        else if (message.Contains("CS0006", StringComparison.Ordinal) && message.Contains("ModelTree.dll", StringComparison.Ordinal) && !InWorkbook(notebook))
        {
            message = $"this notebook is in {notebook.Folder}, outside the workbook's notebooks/ folder: it loads the workbook's library " +
                "(../lib/ModelTree) and data (../data) by paths relative to that folder. Run it from the repository's notebooks/ folder " +
                $"(copy it there), or copy the whole repository. The kernel said: {message}";
        }
        return new CellFailure(notebook.Name, cell.Number, cell.FirstLine, OneLine(message));
    }

    private static bool InWorkbook(NotebookDocument notebook)
    {
        try
        {
            return string.Equals(notebook.Folder, Path.Combine(WorkbookPaths.RepoRoot, "notebooks"), StringComparison.Ordinal);
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static string OneLine(string message) =>
        string.Join("; ", message.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(6));
}

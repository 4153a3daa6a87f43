using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using ModelTree.Display;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// Runs a Polyglot notebook top to bottom, headless: C# cells on one Roslyn script state, SQL cells on
/// the DuckDB connections its <c>#!connect</c> lines open, markdown passed through. The first failing
/// cell gets the error as its output and stops the notebook.
/// </summary>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Reads and runs the notebook at <paramref name="notebookPath"/>.</summary>
    public static Task<NotebookRun> RunAsync(string notebookPath, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(NotebookDocument.Load(notebookPath), options, cancellationToken);

    /// <summary>
    /// Runs <paramref name="notebook"/> with a fresh C# state and fresh SQL kernels. While it runs, the
    /// current directory is the notebook's folder and MODELTREE_DATA / MODELTREE_OUT are set from
    /// <paramref name="options"/>; both are restored afterwards. Notebooks run one at a time per process
    /// (the console and the environment are process-wide).
    /// </summary>
    public static async Task<NotebookRun> RunAsync(NotebookDocument notebook, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        await OneAtATime.WaitAsync(cancellationToken);
        var savedDirectory = Environment.CurrentDirectory;
        var savedData = Environment.GetEnvironmentVariable(WorkbookPaths.DataVariable);
        var savedOut = Environment.GetEnvironmentVariable(WorkbookPaths.OutputVariable);
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
            Formatters.Register();
            using var session = new NotebookSession(notebook, options);
            return await RunCellsAsync(notebook, session, options, cancellationToken);
        }
        finally
        {
            Environment.CurrentDirectory = savedDirectory;
            Environment.SetEnvironmentVariable(WorkbookPaths.DataVariable, savedData);
            Environment.SetEnvironmentVariable(WorkbookPaths.OutputVariable, savedOut);
            OneAtATime.Release();
        }
    }

    private static async Task<NotebookRun> RunCellsAsync(NotebookDocument notebook, NotebookSession session, RunOptions options, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var runs = new List<CellRun>();
        CellFailure? failure = null;
        var executionCount = 0;
        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind != CellKind.Code || failure is not null)
            {
                runs.Add(new CellRun(cell, [], null, TimeSpan.Zero));
                continue;
            }
            options.Progress?.Report(new CellProgress(notebook, cell, Finished: false));
            var watch = Stopwatch.StartNew();
            var outputs = new CellOutputs();
            try
            {
                await session.RunCellAsync(cell, outputs, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var (error, message) = Describe(e);
                outputs.Add(error);
                failure = new CellFailure(notebook.Name, cell.Number, cell.FirstLine, message);
            }
            runs.Add(new CellRun(cell, outputs.ToList(), ++executionCount, watch.Elapsed));
            options.Progress?.Report(new CellProgress(notebook, cell, Finished: true, Failed: failure is not null));
        }
        return new NotebookRun(notebook, runs, failure, total.Elapsed);
    }

    /// <summary>The error output for a cell and the one-line message for the run's report.</summary>
    internal static (ErrorOutput Output, string Message) Describe(Exception exception)
    {
        var e = Unwrap(exception);
        switch (e)
        {
            case CompilationErrorException compile:
                var errors = compile.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                var lines = errors.Select(d =>
                {
                    var position = d.Location.GetLineSpan().StartLinePosition;
                    return $"({position.Line + 1},{position.Character + 1}): error {d.Id}: {d.GetMessage()}";
                }).ToList();
                var message = string.Join("\n", lines);
                return (new ErrorOutput("Error", message, lines),
                    "compile error " + string.Join("; ", errors.Select(d =>
                        $"at line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}: {d.GetMessage()}")));
            case ModelTreeException:
                return (new ErrorOutput(e.GetType().Name, e.Message, [e.Message]), e.Message);
            default:
                var line = CellLine(e);
                var where = line is null ? "" : $" (at line {line})";
                return (new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, e.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList()),
                    $"{e.GetType().Name}{where}: {e.Message}");
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    break;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    e = aggregate.InnerExceptions[0];
                    break;
                default:
                    return e;
            }
        }
    }

    /// <summary>The line inside the cell where a thrown exception left the cell's own code, if known.</summary>
    private static int? CellLine(Exception e)
    {
        var frames = new StackTrace(e, fNeedFileInfo: true).GetFrames();
        var frame = frames.FirstOrDefault(f => f.GetMethod()?.DeclaringType?.FullName?.StartsWith("Submission#", StringComparison.Ordinal) == true
            && f.GetFileLineNumber() > 0);
        return frame?.GetFileLineNumber();
    }
}

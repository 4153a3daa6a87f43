using System.Diagnostics;
using System.Globalization;
using ModelTree.Workbook.Runner;

namespace ModelTree.Workbook.Commands;

/// <summary><c>run</c>: executes the workbook's notebooks headless in the workbook kernel and writes the executed notebooks and a report.</summary>
internal static class RunCommand
{
    public static Command Create(Terminal terminal)
    {
        var notebooks = new Argument<string[]>("notebooks")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Notebooks to run: a name in notebooks/ (with or without .ipynb) or a path. Default: every notebooks/*.ipynb in name order.",
        };
        var data = new Option<string?>("--data")
        {
            HelpName = "path",
            Description = $"Dataset every notebook opens: a hub-stats parquet, a .jsonl of Hub API records, or a folder of them; sets {WorkbookPaths.DataVariable}. Default: the committed sample.",
        };
        var output = new Option<string?>("--out")
        {
            HelpName = "dir",
            Description = "Output folder: new, empty, or an earlier run's (whose files this run replaces). Default: out/ for the whole workbook, " +
                "out/<notebook>/ when notebooks are named. Never a source folder of the repository.",
        };
        var timeout = WholeNumber.Option("--cell-timeout", "Seconds one cell may run before its notebook is stopped.",
            (int)RunOptions.DefaultCellTimeout.TotalSeconds, minimum: 1);
        var command = new Command("run",
            "Run notebooks top to bottom in the workbook kernel (the one VS Code uses), cell by cell as the Polyglot extension does. " +
            "Each notebook gets a new kernel and runs with its own folder as working directory. Writes <out>/notebooks/<name>.ipynb " +
            "with the outputs, <out>/report.html (one page, readable offline), the notebooks' exports, and <out>/run.json listing " +
            "every file written. A failing cell (compile error, exception, unknown directive, time-out) stops its notebook; the run " +
            "goes on with the next and exits 1. Ctrl-C stops the run and still writes what finished.")
        {
            notebooks,
            data,
            output,
            timeout,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(terminal,
            parse.GetValue(notebooks) ?? [], parse.GetValue(data), parse.GetValue(output), parse.GetValue(timeout), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Terminal terminal, string[] names, string? data, string? output, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var console = terminal.Out;
        var notebooksDir = Path.Combine(WorkbookPaths.RepoRoot, "notebooks");
        var dataPath = DataPath(data);
        var selected = WorkbookRunner.Select(notebooksDir, names);
        var workbookSize = Directory.Exists(notebooksDir) ? Directory.GetFiles(notebooksDir, "*.ipynb").Length : selected.Count;
        var outputDir = output ?? DefaultOutput(selected, names.Length == 0);
        using var folder = OutputFolder.Take(outputDir, WorkbookPaths.RepoRoot);
        WorkbookDatabase.EnsureFree();

        var plain = Console.IsOutputRedirected || !console.Profile.Capabilities.Interactive;
        var total = Stopwatch.StartNew();
        var options = new RunOptions
        {
            DataPath = dataPath,
            OutputDir = folder.Path,
            CellTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            WorkbookSize = workbookSize,
        };
        if (folder.PreviousRun is { } previous)
        {
            console.MarkupLineInterpolated($"replacing the outputs of the run finished {previous.Finished} ({previous.Notebooks.Count} notebooks, {previous.Files.Count} files) in {folder.Path}");
        }
        console.MarkupLineInterpolated($"running {selected.Count} notebook(s) on {dataPath ?? "the committed sample"} into {folder.Path}");

        WorkbookRun result;
        if (plain)
        {
            result = await WorkbookRunner.RunAsync(selected, folder, options with { Progress = new PlainProgress(console, total) },
                run => Finished(console, run, total), cancellationToken);
        }
        else
        {
            result = await console.Status().Spinner(Spinner.Known.Dots).StartAsync("starting the kernel", async context =>
                await WorkbookRunner.RunAsync(selected, folder, options with { Progress = new StatusProgress(context, total) },
                    run => Finished(console, run, total), cancellationToken));
        }

        Summary(terminal, result, total.Elapsed);
        return result.StoppedBy is not null ? 130 : result.Passed ? 0 : 1;
    }

    private static string? DataPath(string? data)
    {
        if (data is null)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(data))
        {
            throw new ModelTreeException("--data is empty: give a parquet file, a .jsonl of Hub API records or a folder of them (or leave --data out for the sample).");
        }
        var full = Path.GetFullPath(data);
        return File.Exists(full) || Directory.Exists(full)
            ? full
            : throw new ModelTreeException($"--data '{data}' does not exist ({full}). Give a parquet file, a .jsonl of Hub API records or a folder of them.");
    }

    // The whole workbook goes to out/; a few named notebooks to out/<first>[+n]/, so they never mix with or replace the whole run.
    private static string DefaultOutput(IReadOnlyList<string> selected, bool all)
    {
        if (all)
        {
            return WorkbookPaths.OutputDir;
        }
        var first = Path.GetFileNameWithoutExtension(selected[0]);
        var name = selected.Count == 1 ? first : $"{first}+{selected.Count - 1}";
        return Path.Combine(WorkbookPaths.OutputDir, name);
    }

    private static void Finished(IAnsiConsole console, NotebookRun run, Stopwatch total)
    {
        var at = total.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        if (run.Failure is { } failure)
        {
            console.MarkupLineInterpolated($"[red]✗ {run.Notebook.Name}[/] at {at} s: cell {failure.CellNumber} ({failure.FirstLine}): {failure.Message}");
        }
        else
        {
            console.MarkupLineInterpolated($"[green]✓ {run.Notebook.Name}[/] ({run.ExecutedCells} cells, {run.Elapsed.TotalSeconds:0.0} s; {at} s so far)");
        }
    }

    private static void Summary(Terminal terminal, WorkbookRun result, TimeSpan elapsed)
    {
        var console = terminal.Out;
        var table = new Table().AddColumns("notebook", "cells", "status", "seconds");
        foreach (var run in result.Notebooks)
        {
            var status = run.Failure is { } f ? $"[red]{Markup.Escape($"{Word(f.Kind)} at cell {f.CellNumber}")}[/]" : "[green]passed[/]";
            table.AddRow(Markup.Escape(run.Notebook.Name), $"{run.ExecutedCells}/{run.Notebook.Cells.Count(c => c.Kind == CellKind.Code)}",
                status, run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        }
        table.AddRow("total", "", "", elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLineInterpolated($"wrote {result.NotebookFiles.Count} notebook(s) to {Path.GetDirectoryName(result.ReportPath)}/notebooks/ and the report {result.ReportPath}");
        if (result.StoppedBy is { } why)
        {
            terminal.Error.MarkupLineInterpolated($"[yellow]stopped:[/] {why}; what finished is written");
        }
        foreach (var failure in result.Notebooks.Select(n => n.Failure).OfType<CellFailure>())
        {
            terminal.Error.MarkupLineInterpolated($"[red]error:[/] {failure}");
        }
    }

    private static string Word(FailureKind kind) => kind switch
    {
        FailureKind.TimedOut => "timed out",
        FailureKind.Cancelled => "cancelled",
        _ => "failed",
    };

    /// <summary>One line per cell, for logs and CI.</summary>
    private sealed class PlainProgress(IAnsiConsole console, Stopwatch total) : IProgress<CellProgress>
    {
        public void Report(CellProgress value)
        {
            if (!value.Finished)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{total.Elapsed.TotalSeconds,6:0.0} s  {value.Notebook.Name} cell {value.Cell.Number}/{value.Notebook.Cells.Count} [{value.Cell.Kernel}]: {Shorten(value.Cell.FirstLine)}"));
            }
        }
    }

    /// <summary>A live status line naming the notebook and cell being run, with the time so far.</summary>
    private sealed class StatusProgress(StatusContext context, Stopwatch total) : IProgress<CellProgress>
    {
        public void Report(CellProgress value)
        {
            if (!value.Finished)
            {
                context.Status(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{total.Elapsed.TotalSeconds:0} s · {value.Notebook.Name}: cell {value.Cell.Number}/{value.Notebook.Cells.Count} [{value.Cell.Kernel}] {Shorten(value.Cell.FirstLine)}")));
            }
        }
    }

    private static string Shorten(string line) => line.Length <= 70 ? line : line[..67] + "...";
}

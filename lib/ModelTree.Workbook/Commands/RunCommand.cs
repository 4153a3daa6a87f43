using System.CommandLine;
using System.Globalization;
using ModelTree.Workbook.Runner;
using Spectre.Console;

namespace ModelTree.Workbook.Commands;

/// <summary><c>run</c>: executes the workbook's notebooks headless and writes the executed notebooks and a report.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Notebooks to run: a name in notebooks/ (with or without .ipynb) or a path. Default: every notebooks/*.ipynb in name order.",
        };
        var data = new Option<string?>("--data")
        {
            HelpName = "path",
            Description = $"Dataset every notebook opens (a parquet file or a .jsonl of Hub API records); sets {WorkbookPaths.DataVariable}. Default: the committed sample.",
        };
        var output = new Option<string?>("--out")
        {
            HelpName = "dir",
            Description = $"Output folder (created); sets {WorkbookPaths.OutputVariable}. Default: out/ under the repository root.",
        };
        var command = new Command("run",
            "Run notebooks top to bottom without VS Code, as Polyglot would: C# cells share one script state, SQL cells run on the " +
            "DuckDB connection a '#!connect duckdb --kernel-name <name>' cell opened, markdown passes through. Each notebook gets fresh " +
            "kernels and runs with its own folder as working directory. Writes <out>/notebooks/<name>.ipynb with the outputs and " +
            "<out>/report.html with every notebook. A failing cell (compile error, exception, or a directive the runner does not " +
            "understand) stops its notebook: the error goes into that cell's outputs, the run prints notebook, cell number, first line " +
            "and error, and exits 1.")
        {
            notebooks,
            data,
            output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(notebooks) ?? [], parseResult.GetValue(data), parseResult.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] names, string? data, string? output, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console; // bound to the real stdout before cells redirect the console
        string? dataPath = null;
        if (data is not null)
        {
            dataPath = Path.GetFullPath(data);
            if (!File.Exists(dataPath) && !Directory.Exists(dataPath))
            {
                throw new ModelTreeException($"--data '{data}' does not exist ({dataPath}). Give a parquet file or a .jsonl of Hub API records.");
            }
        }
        var outputDir = output is not null ? Path.GetFullPath(output) : WorkbookPaths.OutputDir;
        Directory.CreateDirectory(outputDir);
        // MODELTREE_DATA and MODELTREE_OUT are set by the runner around each notebook (RunOptions), and restored after.

        var selected = WorkbookRunner.Select(Path.Combine(WorkbookPaths.RepoRoot, "notebooks"), names);
        var plain = Console.IsOutputRedirected || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            || !console.Profile.Capabilities.Interactive;

        WorkbookRun result;
        if (plain)
        {
            console.Profile.Width = Math.Max(console.Profile.Width, 200); // logs: one line per cell, not wrapped at 80
            var options = new RunOptions { DataPath = dataPath, OutputDir = outputDir, Progress = new PlainProgress(console) };
            result = await WorkbookRunner.RunAsync(selected, outputDir, options, run => Finished(console, run), cancellationToken);
        }
        else
        {
            result = await console.Status().Spinner(Spinner.Known.Dots).StartAsync("Starting", async context =>
            {
                var options = new RunOptions { DataPath = dataPath, OutputDir = outputDir, Progress = new StatusProgress(context) };
                return await WorkbookRunner.RunAsync(selected, outputDir, options, run => Finished(console, run), cancellationToken);
            });
        }

        Summary(console, result);
        return result.Passed ? 0 : 1;
    }

    private static void Finished(IAnsiConsole console, NotebookRun run)
    {
        if (run.Failure is { } failure)
        {
            console.MarkupLineInterpolated($"[red]✗ {run.Notebook.Name}[/]: cell {failure.CellNumber} ({failure.FirstLine}) failed:");
            console.WriteLine(failure.Message);
        }
        else
        {
            console.MarkupLineInterpolated($"[green]✓ {run.Notebook.Name}[/] ({run.ExecutedCells} cells, {run.Elapsed.TotalSeconds:0.0} s)");
        }
    }

    private static void Summary(IAnsiConsole console, WorkbookRun result)
    {
        var table = new Table().AddColumns("notebook", "cells", "status", "seconds");
        foreach (var run in result.Notebooks)
        {
            var status = run.Failure is { } f ? $"[red]failed at cell {f.CellNumber}[/]" : "[green]passed[/]";
            table.AddRow(Markup.Escape(run.Notebook.Name), $"{run.ExecutedCells}/{run.Notebook.Cells.Count(c => c.Kind == CellKind.Code)}",
                status, run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        }
        console.Write(table);
        foreach (var file in result.NotebookFiles)
        {
            console.MarkupLineInterpolated($"wrote {file}");
        }
        console.MarkupLineInterpolated($"wrote {result.ReportPath}");
        foreach (var failure in result.Notebooks.Select(n => n.Failure).OfType<CellFailure>())
        {
            console.MarkupLineInterpolated($"[red]error:[/] {failure}");
        }
    }

    /// <summary>One line per cell, for logs and CI.</summary>
    private sealed class PlainProgress(IAnsiConsole console) : IProgress<CellProgress>
    {
        public void Report(CellProgress value)
        {
            if (value.Finished)
            {
                return;
            }
            var total = value.Notebook.Cells.Count;
            console.WriteLine($"{value.Notebook.Name} cell {value.Cell.Number}/{total} [{value.Cell.Kernel}]: {Shorten(value.Cell.FirstLine)}");
        }
    }

    /// <summary>A live status line naming the notebook and cell being run.</summary>
    private sealed class StatusProgress(StatusContext context) : IProgress<CellProgress>
    {
        public void Report(CellProgress value)
        {
            if (!value.Finished)
            {
                context.Status(Markup.Escape(
                    $"{value.Notebook.Name}: cell {value.Cell.Number}/{value.Notebook.Cells.Count} [{value.Cell.Kernel}] {Shorten(value.Cell.FirstLine)}"));
            }
        }
    }

    private static string Shorten(string line) => line.Length <= 70 ? line : line[..67] + "...";
}

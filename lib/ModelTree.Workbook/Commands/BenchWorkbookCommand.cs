using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using ModelTree.Workbook.Runner;

namespace ModelTree.Workbook.Commands;

/// <summary>
/// <c>bench workbook</c>: the whole workbook on a generated table through the real runner, each SQL cell timed beside
/// the same SQL on a fresh raw DuckDB.NET connection to the same database (the floor the notebook cannot beat).
/// </summary>
internal static class BenchWorkbookCommand
{
    public static Command Create(Terminal terminal)
    {
        var rows = WholeNumber.Option("--rows", "Models in the generated table (made once under data/bench/).", BenchCommand.DefaultRows, minimum: 1);
        var format = FormatOption.Create("table (default) or json.", "table", "json");
        var output = new Option<string?>("--out") { HelpName = "dir", Description = "Where the run's outputs go. Default: data/bench/run-<rows>/." };
        var command = new Command("workbook",
            "Run every notebook on a generated table of --rows models (realistic row weights) through the real runner, then time each " +
            "SQL cell's statement again on a fresh raw DuckDB.NET connection to the same database. The workbook database is made anew first, " +
            "so the run derives model_facts and the other derived tables once, as a first run on new data does. Prints the machine's cores and load, " +
            "the whole run's wall and CPU seconds and peak memory, each notebook's time, and each SQL cell beside its raw time " +
            "(target: within 1.2x wherever raw takes 0.5 s or more). json keys: rows, bytesPerRow, totalSeconds, cpuSeconds, peakMemoryMB, databaseMB, " +
            "notebooks [{name, seconds, status, peakMemoryMB, peakCell}], sqlCells [{notebook, cell, seconds, rawSeconds, peakMemoryMB}]. " +
            "Each peak is the resident high-water mark while that cell ran (Linux; elsewhere only the whole run's peak).")
        {
            rows, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(rows);
            var path = await BenchData.EnsureAsync(terminal, count);
            var outDir = parse.GetValue(output) ?? Path.Combine(WorkbookPaths.RepoRoot, "data", "bench", $"run-{count}");
            var result = await RunAsync(terminal, path, count, outDir, cancellationToken);
            if (parse.GetValue(format) == "json")
            {
                terminal.Raw(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                Print(terminal.Out, result);
            }
            return 0;
        });
        return command;
    }

    private static async Task<JsonObject> RunAsync(Terminal terminal, string data, int rows, string outDir, CancellationToken cancellationToken)
    {
        var notebooks = WorkbookRunner.Select(Path.Combine(WorkbookPaths.RepoRoot, "notebooks"), []);
        using var folder = OutputFolder.Take(outDir, WorkbookPaths.RepoRoot);
        // A first run on this data: the workbook database is made anew, so the run derives model_facts and the other
        // derived tables once, as a user's first run does, whatever an earlier run left.
        FreshDatabase(terminal);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var progress = new CellPeaks(terminal, wall);
        MemoryHighWater.Reset();
        var run = await WorkbookRunner.RunAsync(notebooks, folder,
            new RunOptions { DataPath = data, OutputDir = folder.Path, CellTimeout = TimeSpan.FromHours(1), Progress = progress },
            cancellationToken: cancellationToken);
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var peak = Math.Max(progress.Peaks.Values.DefaultIfEmpty(0).Max(), MemoryHighWater.PeakBytes());

        var sqlCells = new JsonArray();
        foreach (var notebook in run.Notebooks)
        {
            foreach (var cell in notebook.Cells.Where(c => c.Executed && c.Cell.Kernel != Engine.WorkbookKernel.CSharp))
            {
                sqlCells.Add(new JsonObject
                {
                    ["notebook"] = notebook.Notebook.Name,
                    ["cell"] = cell.Cell.Number,
                    ["seconds"] = Math.Round(cell.Elapsed.TotalSeconds, 3),
                    ["rawSeconds"] = Math.Round(Raw(cell.Cell.Source), 3),
                    ["peakMemoryMB"] = progress.Peaks.GetValueOrDefault((notebook.Notebook.Name, cell.Cell.Number)) / (1024 * 1024),
                });
            }
        }
        return new JsonObject
        {
            ["rows"] = rows,
            ["bytesPerRow"] = Math.Round(Bytes(data) / (double)rows, 1),
            ["cores"] = Environment.ProcessorCount,
            ["load"] = Load(),
            ["passed"] = run.Passed,
            ["totalSeconds"] = Math.Round(wall.Elapsed.TotalSeconds, 1),
            ["cpuSeconds"] = Math.Round(cpu.TotalSeconds, 1),
            ["peakMemoryMB"] = peak / (1024 * 1024),
            ["databaseMB"] = new FileInfo(WorkbookPaths.DatabasePath) is { Exists: true } db ? db.Length / (1024 * 1024) : 0,
            ["notebooks"] = new JsonArray(run.Notebooks.Select(n => (JsonNode)new JsonObject
            {
                ["name"] = n.Notebook.Name,
                ["seconds"] = Math.Round(n.Elapsed.TotalSeconds, 1),
                ["status"] = n.Failure?.ToString() ?? "passed",
                ["peakMemoryMB"] = progress.PeakOf(n.Notebook.Name).Bytes / (1024 * 1024),
                ["peakCell"] = progress.PeakOf(n.Notebook.Name).Cell,
            }).ToArray()),
            ["sqlCells"] = sqlCells,
        };
    }

    private static void FreshDatabase(Terminal terminal)
    {
        WorkbookDatabase.EnsureFree(); // never delete the database from under a notebook open in VS Code or another run
        var database = WorkbookPaths.DatabasePath;
        foreach (var file in new[] { database, database + ".wal" }.Where(File.Exists))
        {
            File.Delete(file);
        }
        terminal.Error.WriteLine($"a new workbook database at {database}: every derived table is built in this run");
    }

    // The cell's SQL on a new connection to the workbook database, as DuckDB.NET alone would run it.
    private static double Raw(string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={WorkbookPaths.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var clock = Stopwatch.StartNew();
        using var reader = command.ExecuteReader();
        do
        {
            while (reader.Read())
            {
            }
        }
        while (reader.NextResult());
        return clock.Elapsed.TotalSeconds;
    }

    // The table's size, following a symbolic link to the file it names (a link's own length is not the table's).
    private static long Bytes(string path) =>
        new FileInfo(path) is { LinkTarget: not null } link ? ((FileInfo)link.ResolveLinkTarget(returnFinalTarget: true)!).Length : new FileInfo(path).Length;

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Print(IAnsiConsole console, JsonObject r)
    {
        console.MarkupLineInterpolated(
            $"[bold]{(int)r["rows"]!:N0} models[/] ({(double)r["bytesPerRow"]!:0} bytes a row) on {(int)r["cores"]!} cores, load {(string)r["load"]!}");
        console.MarkupLineInterpolated(
            $"whole workbook: {(double)r["totalSeconds"]!:0.0} s wall, {(double)r["cpuSeconds"]!:0.0} s CPU, peak {(long)r["peakMemoryMB"]!:N0} MB resident");
        console.MarkupLineInterpolated(
            $"workbook database after the run (model_facts and the other derived tables): {(long)r["databaseMB"]!:N0} MB, {WorkbookPaths.DatabasePath}");
        var notebooks = new Table().AddColumns("notebook", "seconds", "peak MB", "at cell", "status");
        foreach (var n in r["notebooks"]!.AsArray())
        {
            notebooks.AddRow(Markup.Escape((string)n!["name"]!), ((double)n["seconds"]!).ToString("0.0", CultureInfo.InvariantCulture),
                ((long)n["peakMemoryMB"]!).ToString("N0", CultureInfo.InvariantCulture), ((int)n["peakCell"]!).ToString(CultureInfo.InvariantCulture),
                Markup.Escape((string)n["status"]!));
        }
        console.Write(notebooks);
        var cells = new Table().AddColumns("notebook", "cell", "seconds", "raw DuckDB", "ratio");
        foreach (var c in r["sqlCells"]!.AsArray())
        {
            var (s, raw) = ((double)c!["seconds"]!, (double)c["rawSeconds"]!);
            var ratio = raw > 0 ? s / raw : double.NaN;
            var flag = raw >= 0.5 && ratio > 1.2 ? " [red]over 1.2x[/]" : "";
            cells.AddRow(Markup.Escape((string)c["notebook"]!), ((int)c["cell"]!).ToString(CultureInfo.InvariantCulture),
                s.ToString("0.00", CultureInfo.InvariantCulture), raw.ToString("0.00", CultureInfo.InvariantCulture),
                ratio.ToString("0.00", CultureInfo.InvariantCulture) + flag);
        }
        console.Write(cells);
    }

    /// <summary>
    /// Prints each cell as it starts and keeps each cell's peak resident memory (the high-water mark is read when the
    /// cell ends and reset for the next one). Synchronous, unlike <see cref="Progress{T}"/>, so a peak is never
    /// counted against the wrong cell.
    /// </summary>
    private sealed class CellPeaks(Terminal terminal, Stopwatch wall) : IProgress<CellProgress>
    {
        public Dictionary<(string Notebook, int Cell), long> Peaks { get; } = [];

        public void Report(CellProgress value)
        {
            if (!value.Finished)
            {
                terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{wall.Elapsed.TotalSeconds,7:0.0} s  {value.Notebook.Name} cell {value.Cell.Number}/{value.Notebook.Cells.Count}"));
                return;
            }
            Peaks[(value.Notebook.Name, value.Cell.Number)] = MemoryHighWater.PeakBytes();
            MemoryHighWater.Reset();
        }

        public (long Bytes, int Cell) PeakOf(string notebook) =>
            Peaks.Where(p => p.Key.Notebook == notebook).Select(p => (p.Value, p.Key.Cell)).DefaultIfEmpty((0, 0)).MaxBy(p => p.Item1);
    }
}

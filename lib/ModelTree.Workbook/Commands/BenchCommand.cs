namespace ModelTree.Workbook.Commands;

/// <summary><c>bench</c>: timings on large generated tables. Subcommands: <c>rules</c>, <c>graph</c>, <c>workbook</c>, <c>lists</c>.</summary>
internal static class BenchCommand
{
    /// <summary>Models in every bench command's default table: about the full Hub in 2026 (2.97M in an August snapshot).</summary>
    public const int DefaultRows = 3_000_000;

    /// <summary>The median of timed runs (0 when there are none): what every bench command reports.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static Command Create(Terminal terminal) => new("bench", "Time the workbook's heavy parts on a large generated table (data/bench/, made once).")
    {
        Rules(terminal),
        BenchGraphCommand.Create(terminal),
        BenchWorkbookCommand.Create(terminal),
        BenchListsCommand.Create(terminal),
    };

    private static Command Rules(Terminal terminal)
    {
        var rows = WholeNumber.Option("--rows", "Models in the generated table.", DefaultRows, minimum: 1);
        var runs = WholeNumber.Option("--runs", "Timed runs of each query (after one warm-up); the median is reported.", 5, minimum: 1);
        var command = new Command("rules",
            "Classify the whole generated table with the compiled study rule set (study-2026) and with one hand-written CASE WHEN query of the same " +
            "meaning; print rows/second, the ratio compiled/hand-written (target: at most 1.2) and whether 2M rows take under 10 s.")
        {
            rows, runs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = await BenchData.EnsureAsync(terminal, parse.GetValue(rows));
            using var hub = DataOption.Open(path, terminal.Error);
            var result = terminal.Out.Status().Start("timing the compiled rules and the hand-written query ...",
                _ => RuleBenchmark.Run(hub, runs: parse.GetValue(runs)));
            Print(terminal.Out, result, path);
            return result.SameOutput ? 0 : 1;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, RuleBenchResult r, string path)
    {
        console.MarkupLineInterpolated($"[bold]bench rules[/] on {path}: {r.Rows:N0} models, {Environment.ProcessorCount} cores, median of {r.CompiledRuns.Count} runs");
        var table = new Table().AddColumns("query", "median wall s", "median CPU s", "runs (wall s)");
        table.AddRow("compiled rules (study-2026)", r.CompiledSeconds.ToString("0.00"), r.CompiledCpuSeconds.ToString("0.00"),
            string.Join(" ", r.CompiledRuns.Select(x => x.WallSeconds.ToString("0.00"))));
        table.AddRow("hand-written CASE WHEN", r.HandWrittenSeconds.ToString("0.00"), r.HandWrittenCpuSeconds.ToString("0.00"),
            string.Join(" ", r.HandWrittenRuns.Select(x => x.WallSeconds.ToString("0.00"))));
        console.Write(table);
        console.MarkupLineInterpolated($"compiled: {r.RowsPerSecond:N0} rows/s");
        Verdict(console, $"ratio compiled / hand-written: {r.Ratio:0.00} (CPU {r.CpuRatio:0.00}); target at most 1.2", r.Ratio <= 1.2);
        Verdict(console, $"compiled time scaled to 2M rows: {r.CompiledSeconds * 2_000_000 / Math.Max(1, r.Rows):0.00} s; target under 10 s",
            r.CompiledSeconds * 2_000_000 / Math.Max(1, r.Rows) < 10);
        if (!r.SameOutput)
        {
            console.MarkupLine("[red]The two queries counted different models per label:[/]");
        }
        var counts = new Table().AddColumns("predicted", "compiled", "hand-written");
        foreach (var label in r.CompiledCounts.Keys.Union(r.HandWrittenCounts.Keys).Order())
        {
            counts.AddRow(label, r.CompiledCounts.GetValueOrDefault(label).ToString("N0"), r.HandWrittenCounts.GetValueOrDefault(label).ToString("N0"));
        }
        console.Write(counts);
    }

    private static void Verdict(IAnsiConsole console, string text, bool met) =>
        console.MarkupLine($"{(met ? "[green]met[/]" : "[yellow]not met[/]")}: {Markup.Escape(text)}");
}

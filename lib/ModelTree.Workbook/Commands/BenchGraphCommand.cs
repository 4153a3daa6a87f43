using System.Diagnostics;
using ModelTree.Data;
using ModelTree.Graph;

namespace ModelTree.Workbook.Commands;

/// <summary>
/// <c>bench graph</c>: builds the model graph of a large table and times what the Hub-scale questions
/// cost once it is built, with the same descendant query as a DuckDB recursive CTE for comparison.
/// </summary>
internal static class BenchGraphCommand
{
    public static Command Create(Terminal terminal)
    {
        var rows = WholeNumber.Option("--rows", "Rows of the generated table (made with the sample generator on first use, kept in data/bench/).",
            BenchCommand.DefaultRows, minimum: 1);
        var data = new Option<string?>("--data") { Description = "Bench an existing .parquet or .jsonl instead (e.g. data/full/models.parquet)." };
        var command = new Command("graph",
            "Time the model graph: build (time and memory), the box of a model, full descendants of the largest family, " +
            "tree and influence, and the same descendant query as a DuckDB recursive CTE. Targets: build < 15 s and < 2 GB; " +
            "box < 10 ms; descendants of the largest family < 200 ms.")
        {
            rows, data,
        };
        command.SetAction(async parse =>
        {
            var path = parse.GetValue(data) ?? await BenchData.EnsureAsync(terminal, parse.GetValue(rows));
            Run(terminal, path);
            return 0;
        });
        return command;
    }

    /// <summary>Runs every measurement on one data file and prints the figures.</summary>
    public static void Run(Terminal terminal, string path)
    {
        var console = terminal.Out;
        using var hub = DataOption.Open(path, terminal.Error);
        var rows = hub.Count();
        var figures = new List<(string Figure, string Value, string Target, bool? Met)>();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        ModelGraph graph = null!;
        console.Status().Start($"building the graph of {rows:N0} rows", _ => graph = ModelGraph.Build(hub));
        var build = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var managed = GC.GetTotalMemory(forceFullCollection: true) - before;
        figures.Add(("rows", $"{rows:N0}", "", null));
        figures.Add(("graph", $"{graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} links", "", null));
        figures.Add(("build time", Seconds(build), "< 15 s", build.TotalSeconds < 15));
        figures.Add(("build CPU time (all threads; wall time suffers when the cores are shared)", Seconds(cpu), "", null));
        figures.Add(("graph memory (managed, after build)", Megabytes(managed), "", null));
        figures.Add(("process peak working set", Megabytes(process.PeakWorkingSet64), "< 2 GB", process.PeakWorkingSet64 < 2L * 1024 * 1024 * 1024));

        clock.Restart();
        var families = graph.Families();
        figures.Add(("families, depths, influence bounds (first use)", Seconds(clock.Elapsed), "", null));
        if (families.Count == 0)
        {
            Print(console, path, figures);
            console.MarkupLine("[yellow]no families in this data: nothing more to time.[/]");
            return;
        }
        var largest = families[0];
        figures.Add(("largest family", $"{largest.Root}: {largest.Size:N0} models, depth {largest.Depth}", "", null));

        var box = Median(() => graph.Box(largest.Root), 200);
        figures.Add(("box of the largest family's root (median of 200)", Milliseconds(box), "< 10 ms", box.TotalMilliseconds < 10));
        var ids = graph.Members(largest).Take(1000).ToList();
        clock.Restart();
        foreach (var id in ids)
        {
            graph.Box(id);
        }
        figures.Add(($"box of {ids.Count:N0} members of that family (mean)", Milliseconds(clock.Elapsed / Math.Max(1, ids.Count)), "< 10 ms", true));

        DescendantCounts below = null!;
        var descendants = Median(() => below = graph.Descendants(largest.Root), 5);
        figures.Add(("all descendants of the largest family's root (median of 5)", $"{Milliseconds(descendants)} ({below.Total:N0} models)",
            "< 200 ms", descendants.TotalMilliseconds < 200));
        var tree = Median(() => graph.Summary(largest.Root), 5);
        figures.Add(("tree (box + descendants + ancestors) of that root", Milliseconds(tree), "", null));
        var deepest = graph.Deepest(largest);
        var ancestors = Median(() => graph.Ancestors(deepest), 5);
        figures.Add(($"ancestors of its deepest member (depth {graph.DepthOf(deepest)})", Milliseconds(ancestors), "", null));
        clock.Restart();
        graph.TopBases(10, InfluenceMeasure.Descendants);
        figures.Add(("top 10 bases by descendants (exact)", Seconds(clock.Elapsed), "", null));
        clock.Restart();
        graph.TopBases(10, InfluenceMeasure.DescendantDownloads);
        figures.Add(("top 10 bases by descendants' downloads (exact)", Seconds(clock.Elapsed), "", null));

        // The same question in SQL: links materialized once, then a recursive CTE whose UNION drops
        // models already reached (so merges count once and cycles end).
        clock.Restart();
        hub.Execute($"""
            CREATE OR REPLACE TEMP TABLE bench_links AS
            SELECT lower(id) AS child,
                   lower(CASE WHEN source = 1 THEN regexp_extract(base, '^base_model:(?:[^:]*:)?([^:]+)$', 1) ELSE trim(base) END) AS base
            FROM ({ModelGraph.LinkQuery}) WHERE base IS NOT NULL
            """);
        var materialize = clock.Elapsed;
        long sqlCount = 0;
        var cte = Median(() => sqlCount = hub.Scalar<long>($"""
            WITH RECURSIVE below(node) AS (
                SELECT lower({Sql.Literal(largest.Root)})
                UNION
                SELECT l.child FROM below JOIN bench_links l ON l.base = below.node)
            SELECT count(*) - 1 FROM below
            """), 3);
        figures.Add(("links as a DuckDB table (once)", Seconds(materialize), "", null));
        figures.Add(("same descendants, DuckDB recursive CTE (median of 3)", $"{Milliseconds(cte)} ({sqlCount:N0} models)", "", null));
        figures.Add(("CTE / graph", $"{cte.TotalMilliseconds / Math.Max(0.001, descendants.TotalMilliseconds):N0}x slower", "",
            sqlCount == below.Total ? null : false));
        Print(console, path, figures);
        if (sqlCount != below.Total)
        {
            console.MarkupLineInterpolated($"[yellow]the CTE counted {sqlCount:N0}, the graph {below.Total:N0}: link parsing differs somewhere.[/]");
        }
    }

    private static void Print(IAnsiConsole console, string path, List<(string Figure, string Value, string Target, bool? Met)> figures)
    {
        var table = new Table().Title($"bench graph: {Markup.Escape(Path.GetFileName(path))}")
            .AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("target");
        foreach (var (figure, value, target, met) in figures)
        {
            var mark = met switch { true => " [green]ok[/]", false => " [red]missed[/]", null => "" };
            table.AddRow(Markup.Escape(figure), Markup.Escape(value), Markup.Escape(target) + mark);
        }
        console.Write(table);
        console.MarkupLine($"[grey]{Environment.ProcessorCount} cores; .NET {Environment.Version}; timings are wall clock on this machine.[/]");
    }

    private static TimeSpan Median(Action action, int times)
    {
        action(); // warm up (JIT, caches)
        var samples = new List<TimeSpan>();
        for (var i = 0; i < times; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            samples.Add(clock.Elapsed);
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }


    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.00} s";

    private static string Milliseconds(TimeSpan t) => t.TotalMilliseconds < 1 ? $"{t.TotalMilliseconds * 1000:0} µs" : $"{t.TotalMilliseconds:0.0} ms";

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";
}

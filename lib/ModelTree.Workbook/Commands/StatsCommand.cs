using ModelTree.Ecosystem;

namespace ModelTree.Workbook.Commands;

/// <summary><c>stats</c>: seed 002's ecosystem statistics on the data.</summary>
internal static class StatsCommand
{
    public static Command Create(Terminal terminal)
    {
        var top = WholeNumber.Option("--top", "How many tasks and authors to list.", 10, minimum: 1);
        return DataCommand.Create(terminal, "stats", [top], FormatOption.TableOrJson("models, missing, topTasks, topAuthors, sizeClusters, seedBins"),
            "Ecosystem statistics (seed 002): the share of models missing each metadata field (parameter count, task, license, " +
            "library, base model, card), the tasks and authors with the most models, and model sizes in clusters (exact " +
            "k-means on log10 parameters, k by silhouette) beside the seed's five fixed bins.",
            run => Write(run.Out, run.Hub.Description, new EcosystemStats(run.Hub).Summary(run.Get(top)), run.Format));
    }

    /// <summary>Writes the figures as tables, or as raw JSON that can be piped.</summary>
    public static void Write(IAnsiConsole console, string source, EcosystemSummary summary, string format)
    {
        if (format == "json")
        {
            console.Profile.Out.Writer.WriteLine(summary.ToJson().ToJsonString());
            return;
        }

        console.MarkupLine(Markup.Escape($"{source}: {summary.Models:N0} models"));
        var missing = new Table().Title("Models missing each field").AddColumn("field")
            .AddColumn(new TableColumn("models without it").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var m in summary.Missing)
        {
            missing.AddRow(m.Field, m.Missing.ToString("N0"), m.Share.ToString("P1"));
        }
        console.Write(missing);
        console.Write(Counts("Tasks with the most models", "task", summary.TopTasks));
        console.Write(Counts("Authors with the most models", "author", summary.TopAuthors));
        console.Write(Clusters(console, $"Model sizes: {summary.SizeClusters.K} clusters by k-means on log10 parameters " +
            $"(silhouette {summary.SizeClusters.Silhouette:0.000}, {summary.SizeClusters.Models:N0} models with a size)", summary.SizeClusters.Clusters));
        console.Write(Clusters(console, "Model sizes in the seed's five bins", summary.SeedBins));
    }

    private static Table Counts(string title, string name, IReadOnlyList<NamedCount> counts)
    {
        var table = new Table().Title(title).AddColumn(new TableColumn("#").RightAligned()).AddColumn(name)
            .AddColumn(new TableColumn("models").RightAligned());
        foreach (var (c, i) in counts.Select((c, i) => (c, i + 1)))
        {
            table.AddRow(i.ToString(), Markup.Escape(c.Name), c.Models.ToString("N0"));
        }
        return table;
    }

    private static Table Clusters(IAnsiConsole console, string title, IReadOnlyList<SizeCluster> clusters)
    {
        console.MarkupLine(Markup.Escape(title));
        var table = new Table().AddColumn("parameters")
            .AddColumn(new TableColumn("models").RightAligned());
        foreach (var c in clusters)
        {
            table.AddRow(c.Range, c.Models.ToString("N0"));
        }
        return table;
    }
}

namespace ModelTree.Workbook.Commands;

/// <summary><c>families</c>: the largest families and the most influential bases.</summary>
internal static class FamiliesCommand
{
    public static Command Create(Terminal terminal)
    {
        var top = WholeNumber.Option("--top", "How many families and bases to list.", 10, minimum: 1);
        return DataCommand.Create(terminal, "families", [top], format: null,
            "List the largest model families (models linked by base links, rooted at base models) and the most influential " +
            "bases: by direct children, by descendants at any depth, and by the downloads of those descendants.",
            run => Write(run.Out, run.Graph(), run.Get(top)));
    }

    /// <summary>Writes the families and influence tables.</summary>
    public static void Write(IAnsiConsole console, ModelGraph graph, int top)
    {
        var families = graph.Families();
        var table = new Table()
            .Title($"Largest families ({families.Count:N0} of two or more models; {graph.IsolatedModels:N0} models stand alone)")
            .AddColumn("root").AddColumn(new TableColumn("models").RightAligned()).AddColumn(new TableColumn("depth").RightAligned())
            .AddColumn(new TableColumn("roots").RightAligned()).AddColumn(new TableColumn("several bases").RightAligned())
            .AddColumn(new TableColumn("downloads").RightAligned()).AddColumn("notes");
        foreach (var f in families.Take(top))
        {
            var notes = string.Join(", ", new[] { f.RootInTable ? null : "root not in the data", f.HasCycle ? "has a cycle" : null }.OfType<string>());
            table.AddRow(Markup.Escape(f.Root), f.Size.ToString("N0"), f.Depth.ToString(), f.Roots.ToString("N0"),
                f.MultiBase.ToString("N0"), f.Downloads.ToString("N0"), notes);
        }
        console.Write(table);

        foreach (var by in Enum.GetValues<InfluenceMeasure>())
        {
            var ranked = graph.TopBases(top, by);
            var influence = new Table().Title($"Most influential by {Label(by)}")
                .AddColumn("model").AddColumn(new TableColumn("direct children").RightAligned())
                .AddColumn(new TableColumn("descendants").RightAligned()).AddColumn(new TableColumn("their downloads").RightAligned());
            foreach (var i in ranked)
            {
                influence.AddRow(Markup.Escape(i.Id) + (i.InTable ? "" : " [grey](not in the data)[/]"),
                    i.DirectChildren.ToString("N0"), i.Descendants.ToString("N0"), i.DescendantDownloads.ToString("N0"));
            }
            console.Write(influence);
        }

        var report = graph.Report;
        if (report.SelfReferences.Count + report.Cycles.Count + report.ExternalBases > 0)
        {
            console.MarkupLine(
                $"[yellow]data oddities:[/] {report.SelfReferences.Count:N0} self-references (dropped), {report.Cycles.Count:N0} cycles " +
                $"({report.ModelsInCycles:N0} models), {report.ExternalBases:N0} bases not in the data (kept as external nodes)");
        }
    }

    private static string Label(InfluenceMeasure by) => by switch
    {
        InfluenceMeasure.DirectChildren => "direct children",
        InfluenceMeasure.Descendants => "descendants (any depth, each counted once)",
        _ => "downloads of descendants",
    };
}

using ModelTree.Provenance;

namespace ModelTree.Workbook.Commands;

/// <summary><c>licenses</c>: license drift over every link of the data.</summary>
internal static class LicensesCommand
{
    /// <summary>Relaxed links the table lists (json lists all).</summary>
    public const int RelaxedShown = 20;

    public static Command Create(Terminal terminal)
    {
        return DataCommand.Create(terminal, "licenses", [], FormatOption.TableOrJson("edges, changed, transitions, relaxed"),
            "License drift: for every link child -> base whose two ends are in the data, the base's license family against " +
            "the child's (permissive, copyleft, restrictive/custom, non-commercial, none), by relation, and the links where " +
            "the child's license is more permissive than its base's. A model's license is its card's, else its license: tag.",
            run => Write(run.Out, new ModelProvenance(run.Hub, run.Graph()).Licenses(), run.Format));
    }

    /// <summary>Writes the drift as tables, or as raw JSON that can be piped.</summary>
    public static void Write(IAnsiConsole console, LicenseDrift drift, string format)
    {
        if (format == "json")
        {
            console.Profile.Out.Writer.WriteLine(drift.ToJsonString());
            return;
        }

        console.MarkupLine(Markup.Escape(drift.ToString()));
        console.Write(FrameTable(drift.Matrix(), "License families: base (rows) -> child (columns), links"));
        console.Write(FrameTable(drift.ByRelation(), "By relation"));

        if (drift.Relaxed.Count > 0)
        {
            var relaxed = new Table().Title($"Links where the child's license is more permissive than its base's ({drift.Relaxed.Count:N0})")
                .AddColumn("child").AddColumn("child license").AddColumn("base").AddColumn("base license").AddColumn("relation");
            foreach (var r in drift.Relaxed.Take(RelaxedShown))
            {
                relaxed.AddRow(Markup.Escape(r.Child), Markup.Escape(r.ChildLicense), Markup.Escape(r.Base), Markup.Escape(r.BaseLicense), r.Relation);
            }
            console.Write(relaxed);
            if (drift.Relaxed.Count > RelaxedShown)
            {
                console.MarkupLineInterpolated($"[grey]... {drift.Relaxed.Count - RelaxedShown:N0} more (--format json lists them all)[/]");
            }
        }
        var sources = string.Join(", ", drift.Sources.Select(p => p.Key == "none" ? $"{p.Value:N0} state none" : $"{p.Value:N0} from the {p.Key}"));
        console.MarkupLine(Markup.Escape($"Where the licenses of the models in a link come from: {sources}."));
        if (drift.Disagreements > 0)
        {
            console.MarkupLine(Markup.Escape($"{drift.Disagreements:N0} of them have a card license that differs from their license: tag (the card's is used), e.g. " +
                string.Join("; ", drift.DisagreementExamples.Take(3).Select(e => $"{e.Id}: card {e.Card}, tag {e.Tag}"))));
        }
    }

    private static Table FrameTable(Microsoft.Data.Analysis.DataFrame frame, string title)
    {
        var table = new Table().Title(Markup.Escape(title));
        foreach (var column in frame.Columns)
        {
            table.AddColumn(column is Microsoft.Data.Analysis.StringDataFrameColumn ? new TableColumn(Markup.Escape(column.Name))
                : new TableColumn(Markup.Escape(column.Name)).RightAligned());
        }
        foreach (var row in frame.Rows)
        {
            table.AddRow(row.Select(v => Markup.Escape(v is long n ? n.ToString("N0") : v?.ToString() ?? "")).ToArray());
        }
        return table;
    }
}

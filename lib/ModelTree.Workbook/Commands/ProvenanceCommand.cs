using ModelTree.Provenance;

namespace ModelTree.Workbook.Commands;

/// <summary><c>provenance &lt;model-id&gt;</c>: the provenance report of one model.</summary>
internal static class ProvenanceCommand
{
    public static Command Create(Terminal terminal)
    {
        var id = new Argument<string>("model-id") { Description = "The model, as owner/name (case-insensitive)." };
        return DataCommand.Create(terminal, "provenance", [id], FormatOption.TableOrJson("id, license, facts, checklist, flags, lineage"),
            "Judge a model before trusting it: what its files are and imply (complete weights, adapter only, quantized, " +
            "pickle-only), how complete its card is, its lineage up to every root with what changed at each hop, and " +
            "the risks to look at first.",
            run => Write(run.Out, new ModelProvenance(run.Hub, run.Graph()).Report(run.Get(id)), run.Format));
    }

    /// <summary>Writes a report as tables, or as raw JSON that can be piped.</summary>
    public static void Write(IAnsiConsole console, ProvenanceReport report, string format)
    {
        if (format == "json")
        {
            console.Profile.Out.Writer.WriteLine(report.ToJsonString());
            return;
        }

        var facts = new Table().HideHeaders().Border(TableBorder.None).AddColumn("").AddColumn("");
        foreach (var row in report.FactsFrame().Rows)
        {
            facts.AddRow(Markup.Escape(row[0]?.ToString() ?? ""), Markup.Escape(row[1]?.ToString() ?? ""));
        }
        console.Write(new Panel(facts).Header($"Provenance of {Markup.Escape(report.Id)}").Border(BoxBorder.Rounded).Expand());

        if (report.Checklist.Count > 0)
        {
            var card = new Table().Title("The card").AddColumn("item").AddColumn("card").AddColumn("value");
            foreach (var item in report.Checklist)
            {
                card.AddRow(Markup.Escape(item.Item), item.Present ? "[green]present[/]" : "[yellow]absent[/]", Markup.Escape(item.Value ?? ""));
            }
            console.Write(card);
        }

        if (report.Lineage.Count > 0)
        {
            var lineage = new Table().Title("Lineage (each path from a direct base up to a root)")
                .AddColumn("path").AddColumn("depth").AddColumn("base").AddColumn("license").AddColumn("what changed from the base to the model below");
            foreach (var hop in report.Lineage)
            {
                lineage.AddRow(hop.Path.ToString(), hop.Depth.ToString(),
                    Markup.Escape(hop.Id) + (hop.InTable ? "" : " [grey](not in the data)[/]"),
                    Markup.Escape(hop.License?.Label ?? "unknown"), Markup.Escape(string.Join("; ", hop.Changes)));
            }
            console.Write(lineage);
        }
        else if (report.InTable)
        {
            console.MarkupLine("[grey]No lineage: the model names no base (a root).[/]");
        }

        if (report.Flags.Count == 0)
        {
            console.MarkupLine("[green]No risk flag.[/]");
        }
        foreach (var flag in report.Flags)
        {
            console.MarkupLine($"[yellow]flag:[/] {Markup.Escape(flag)}");
        }
    }
}

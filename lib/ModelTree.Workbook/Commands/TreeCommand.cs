using ModelTree.Graph;
using ModelTree.Records;

namespace ModelTree.Workbook.Commands;

/// <summary><c>tree &lt;model-id&gt;</c>: one model's tree: its box, its ancestors, its descendants.</summary>
internal static class TreeCommand
{
    /// <summary>Levels the table and Mermaid formats draw when <c>--depth</c> is not given.</summary>
    public const int DrawDepth = 3;

    /// <summary>Models the table format draws in its tree.</summary>
    public const int DrawLimit = 40;

    public static Command Create(Terminal terminal)
    {
        var id = new Argument<string>("model-id") { Description = "The model, as owner/name (case-insensitive)." };
        var depth = WholeNumber.Optional("--depth", $"How many levels below the model to count and draw (default: count all; draw {DrawDepth}).", minimum: 0);
        return DataCommand.Create(terminal, "tree", [id, depth],
            FormatOption.Create(
                "table (default), json (id, bases, children, descendants, byDepth, ancestors), mermaid (a diagram " +
                $"of at most {GraphExport.MermaidLimit} models), csv (the subtree's links: child,base,relation,source).",
                "table", "json", "mermaid", "csv"),
            "Show a model's tree as the Hub's model-tree box does (bases; direct children by relation), plus its " +
            "ancestors up to every root and its descendants at any depth.",
            run => Write(run.Out, run.Graph(), run.Get(id), run.Get(depth), run.Format));
    }

    /// <summary>Writes one model's tree in a format (raw text for json, mermaid and csv, so it can be piped).</summary>
    public static void Write(IAnsiConsole console, ModelGraph graph, string id, int? depth, string format)
    {
        var limit = depth ?? int.MaxValue;
        switch (format)
        {
            case "json":
                console.Profile.Out.Writer.WriteLine(graph.Summary(id, limit).ToJsonString());
                break;
            case "mermaid":
                console.Profile.Out.Writer.Write(GraphExport.Mermaid(graph.Subtree(id, depth ?? DrawDepth, GraphExport.MermaidLimit)));
                break;
            case "csv":
                console.Profile.Out.Writer.Write(GraphExport.EdgeCsv(graph.Subtree(id, limit, int.MaxValue).Edges));
                break;
            default:
                Table(console, graph, id, depth);
                break;
        }
    }

    private static void Table(IAnsiConsole console, ModelGraph graph, string id, int? depth)
    {
        var summary = graph.Summary(id, depth ?? int.MaxValue);
        var box = summary.Box;

        var rows = new Table().HideHeaders().Border(TableBorder.None).AddColumn("").AddColumn("");
        foreach (var b in box.Bases)
        {
            rows.AddRow(new Markup("Base model"), new Markup(Markup.Escape(b.Id) + (b.InTable ? "" : " [grey](not in the data)[/]") +
                (b.Source == EdgeSource.BaseModels ? "" : $" [grey](from the {GraphExport.SourceLabel(b.Source)})[/]")));
        }
        if (box.Bases.Count > 0)
        {
            rows.AddRow(new Markup($"[bold]{ModelTreeBox.Heading(box.Bases[0].Relation, box.Bases.Count)}[/]"), new Markup("this model"));
        }
        foreach (var (label, count) in new[] { ("Adapters", box.Adapters), ("Finetunes", box.Finetunes), ("Merges", box.Merges),
            ("Quantizations", box.Quantizations), ("Unlabelled", box.Unlabelled) })
        {
            if (count > 0)
            {
                rows.AddRow(label, $"{count:N0} model{(count == 1 ? "" : "s")}");
            }
        }
        if (box.Bases.Count == 0 && box.DirectChildren == 0)
        {
            rows.AddRow("", "[grey]no base and no derived models[/]");
        }
        if (graph.NamesItself(id))
        {
            console.MarkupLine("[yellow]this model names itself as its base; that link is left out.[/]");
        }
        if (graph.CycleOf(id) is { Count: > 0 } cycle)
        {
            console.MarkupLine($"[yellow]this model is in a cycle of base links with {Markup.Escape(string.Join(", ", cycle))}: " +
                "each is an ancestor and a descendant of the others.[/]");
        }
        console.Write(new Panel(rows).Header($"Model tree for {Markup.Escape(box.Id)}").Border(BoxBorder.Rounded).Expand());

        if (summary.Ancestors.Count > 0)
        {
            var up = new Table().Title("Ancestors").AddColumn("depth").AddColumn("model").AddColumn("hop").AddColumn("root");
            foreach (var a in summary.Ancestors)
            {
                up.AddRow(a.Depth.ToString(), Markup.Escape(a.Id) + (a.InTable ? "" : " [grey](not in the data)[/]"),
                    Markup.Escape($"{a.Child} {a.Relation.Hop()} it"), a.IsRoot ? "root" : "");
            }
            console.Write(up);
        }

        var below = summary.Descendants;
        if (below.Total > 0)
        {
            var levels = new Table().Title($"Descendants: {below.Total:N0}{(below.Truncated ? $" (to depth {below.MaxDepth})" : "")}")
                .AddColumn("depth").AddColumn(new TableColumn("models").RightAligned());
            for (var d = 0; d < below.ByDepth.Count; d++)
            {
                levels.AddRow((d + 1).ToString(), below.ByDepth[d].ToString("N0"));
            }
            var relations = new Table().AddColumn("relation (of the link that reached it)").AddColumn(new TableColumn("models").RightAligned());
            foreach (var (relation, n) in below.ByRelation.OrderByDescending(p => p.Value))
            {
                relations.AddRow(relation.Label(), n.ToString("N0"));
            }
            console.Write(new Columns(levels, relations).Collapse());

            var subtree = graph.Subtree(id, depth ?? DrawDepth, DrawLimit);
            var tree = new Tree(Markup.Escape(subtree.Root));
            var nodes = new Dictionary<string, TreeNode>(StringComparer.OrdinalIgnoreCase);
            foreach (var n in subtree.Nodes.Skip(1))
            {
                var label = $"[grey]{n.Relation.Label()}[/] {Markup.Escape(n.Id)}" + (n.Bases > 1 ? $" [grey](+{n.Bases - 1} other base{(n.Bases > 2 ? "s" : "")})[/]" : "");
                nodes[n.Id] = n.Parent is not null && nodes.TryGetValue(n.Parent, out var parent) ? parent.AddNode(label) : tree.AddNode(label);
            }
            console.Write(tree);
            if (subtree.Truncated)
            {
                console.MarkupLineInterpolated($"[grey]... {subtree.LeftOut:N0} more not drawn (--depth to draw more levels, --format csv for all links)[/]");
            }
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using ModelTree.Graph;
using ModelTree.Records;

namespace ModelTree.Display;

/// <summary>
/// A family's top levels as a Mermaid flowchart: its source text (to paste into Markdown, which GitHub and many
/// editors draw) and the same picture drawn here as SVG, so that a notebook or the report shows the diagram itself
/// rather than its source. It converts to its source text wherever a string is wanted.
/// </summary>
public sealed class MermaidDiagram
{
    private const int BoxHeight = 24, RowHeight = 32, ColumnGap = 90, CharWidth = 7, Padding = 12;

    internal MermaidDiagram(string text, IReadOnlyList<SubtreeNode> nodes, IReadOnlyList<GraphEdge> edges, int leftOut)
    {
        Text = text;
        Nodes = nodes;
        Edges = edges;
        LeftOut = leftOut;
    }

    /// <summary>The Mermaid source.</summary>
    public string Text { get; }

    /// <summary>The models drawn, breadth first.</summary>
    public IReadOnlyList<SubtreeNode> Nodes { get; }

    /// <summary>The links between drawn models.</summary>
    public IReadOnlyList<GraphEdge> Edges { get; }

    /// <summary>Models of the subtree not drawn.</summary>
    public int LeftOut { get; }

    public override string ToString() => Text;

    public static implicit operator string(MermaidDiagram diagram) => diagram.Text;

    /// <summary>
    /// The diagram drawn as SVG, left to right as the Mermaid source reads: one column per depth, base left of child,
    /// each link coloured and labelled with its relation; a note below says how many models were left out.
    /// </summary>
    public string Svg()
    {
        var columns = Nodes.GroupBy(n => n.Depth).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var x = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var y = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var width = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        double left = Padding, tallest = 0;
        foreach (var column in columns)
        {
            // Children beside their parents: order a column by where its first base sits in the column before.
            var ordered = column.OrderBy(n => n.Parent is { } p && y.TryGetValue(p, out var py) ? py : 0).ToList();
            var columnWidth = ordered.Max(n => (Label(n.Id).Length * CharWidth) + 16.0);
            for (var i = 0; i < ordered.Count; i++)
            {
                var node = ordered[i];
                width[node.Id] = (Label(node.Id).Length * CharWidth) + 16;
                x[node.Id] = left;
                y[node.Id] = Padding + (i * RowHeight);
            }
            tallest = Math.Max(tallest, ordered.Count);
            left += columnWidth + ColumnGap;
        }
        var height = (2 * Padding) + (tallest * RowHeight) + (LeftOut > 0 ? 20 : 0);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mermaid-drawn\" width=\"{left:0}\" height=\"{height:0}\" viewBox=\"0 0 {left:0} {height:0}\" font-family=\"sans-serif\" font-size=\"12\">");
        foreach (var e in Edges)
        {
            if (!x.ContainsKey(e.Child) || !x.ContainsKey(e.Base))
            {
                continue;
            }
            var (x1, y1, x2, y2) = (x[e.Base] + width[e.Base], y[e.Base] + (BoxHeight / 2.0), x[e.Child], y[e.Child] + (BoxHeight / 2.0));
            var color = Color(e.Relation);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{color}\" stroke-width=\"1.2\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x2 - 4:0.#}\" y=\"{y2 - 4:0.#}\" fill=\"{color}\" text-anchor=\"end\" font-size=\"10\">{Encode(e.Relation.Label())}</text>");
        }
        foreach (var node in Nodes)
        {
            svg.Append(CultureInfo.InvariantCulture,
                    $"<g><title>{Encode(node.Id)}: {node.Downloads:N0} downloads</title><rect x=\"{x[node.Id]:0.#}\" y=\"{y[node.Id]:0.#}\" width=\"{width[node.Id]:0.#}\" height=\"{BoxHeight}\" rx=\"5\" fill=\"#ffffff\" stroke=\"{(node.Depth == 0 ? "#000000" : Color(node.Relation))}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x[node.Id] + 8:0.#}\" y=\"{y[node.Id] + 17:0.#}\">{Encode(Label(node.Id))}</text></g>");
        }
        if (LeftOut > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Padding}\" y=\"{height - 8:0}\" fill=\"#6e7781\">… {LeftOut:N0} more models not drawn</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The drawing, then the Mermaid source folded below it.</summary>
    public string Html() =>
        $"<div class=\"diagram\">{Svg()}</div><details><summary>Mermaid source (paste into Markdown)</summary><pre>{Encode(Text)}</pre></details>";

    private static string Label(string id) => id.Length <= 44 ? id : id[..43] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Color(Relation relation) => GraphCharts.Color(relation);
}

using System.Globalization;
using ModelTree.Graph;
using ModelTree.Records;
using Plotly.NET;
using static ModelTree.Charts.Plot;

namespace ModelTree;

/// <summary>Charts of the model graph: a family's shape, family sizes, influence, and a tree to click through.</summary>
public static class GraphCharts
{
    /// <summary>The colour each relation is drawn in, the same in every chart.</summary>
    public static string Color(Relation relation) => relation switch
    {
        Relation.Finetune => "#1f77b4",
        Relation.Adapter => "#ff7f0e",
        Relation.Quantized => "#2ca02c",
        Relation.Merge => "#d62728",
        _ => "#9a9a9a",
    };

    /// <summary>The box's word for a relation's children: Finetunes, Adapters, Quantizations, Merges.</summary>
    public static string Plural(Relation relation) => relation switch
    {
        Relation.Finetune => "Finetunes",
        Relation.Adapter => "Adapters",
        Relation.Quantized => "Quantizations",
        Relation.Merge => "Merges",
        _ => "Unlabelled",
    };

    /// <summary>
    /// A sunburst of everything below a model, by relation and depth: the inner ring is its direct
    /// children by relation, the next ring what grew on each of those, and so on to <paramref name="maxDepth"/>.
    /// </summary>
    public static GenericChart FamilySunburst(ModelGraph graph, string id, int maxDepth = 4, string source = "this data")
    {
        var paths = graph.RelationPaths(id, maxDepth);
        var root = graph.Canonical(id);
        string Key(string path) => path.Length == 0 ? root : $"{root}/{path}";
        var trace = Trace("sunburst",
            ("ids", paths.Select(p => Key(p.Path)).ToArray()),
            ("parents", paths.Select(p => p.Parent is null ? "" : Key(p.Parent)).ToArray()),
            ("labels", paths.Select(p => p.Depth == 0 ? root : Plural(p.Relation)).ToArray()),
            ("values", paths.Select(p => p.Models).ToArray()),
            ("hovertext", paths.Select(p => p.Depth == 0 ? $"{root}<br>the root"
                : $"{p.Path.Replace("/", " of ")}<br>depth {p.Depth}: {p.Models:N0} models, {p.Downloads:N0} downloads").ToArray()),
            ("hoverinfo", "text"),
            ("marker", Object(("colors", paths.Select(p => p.Depth == 0 ? "#ffffff" : Color(p.Relation)).ToArray()))));
        var total = paths.Sum(p => p.Models) - 1;
        return Chart([trace],
            $"Everything below {root}: {total:N0} models by relation and depth (to depth {maxDepth}; {source})",
            ("width", 720), ("height", 720));
    }

    /// <summary>How many families have each size, on log axes (a straight line there is a power law).</summary>
    public static GenericChart FamilySizes(ModelGraph graph, string source = "this data")
    {
        var sizes = graph.FamilySizeDistribution();
        var trace = Trace("scatter",
            ("mode", "markers"),
            ("x", sizes.Select(s => s.Size).ToArray()),
            ("y", sizes.Select(s => s.Families).ToArray()),
            ("hovertext", sizes.Select(s => $"{s.Families:N0} families of {s.Size:N0} models").ToArray()),
            ("hoverinfo", "text"),
            ("marker", Object(("size", 8), ("color", Color(Relation.Finetune)))));
        return Chart([trace],
            $"Family sizes ({graph.Families().Count:N0} families of two or more models; {source})",
            ("xaxis", Axis("models in the family", log: true)),
            ("yaxis", Axis("families", log: true)),
            ("width", 720), ("height", 480));
    }

    /// <summary>The most influential models as horizontal bars of the chosen measure.</summary>
    public static GenericChart Influence(IReadOnlyList<BaseInfluence> top, InfluenceMeasure by, string source = "this data")
    {
        var ordered = top.Reverse().ToList();
        var values = ordered.Select(i => by switch
        {
            InfluenceMeasure.DirectChildren => (double)i.DirectChildren,
            InfluenceMeasure.Descendants => i.Descendants,
            _ => i.DescendantDownloads,
        }).ToArray();
        var label = by switch
        {
            InfluenceMeasure.DirectChildren => "direct children",
            InfluenceMeasure.Descendants => "descendants (any depth, each once)",
            _ => "downloads of descendants",
        };
        var trace = Trace("bar",
            ("orientation", "h"),
            ("y", ordered.Select(i => i.Id).ToArray()),
            ("x", values),
            ("marker", Object(("color", Color(Relation.Finetune)))));
        return Chart([trace],
            $"Most influential bases by {label} ({source})",
            ("xaxis", Axis(label)),
            ("yaxis", Object(("automargin", true))),
            ("width", 820), ("height", 140 + (28 * ordered.Count)));
    }

    /// <summary>Children a model shows in the tree view; the rest fold into one "+N more" marker.</summary>
    public const int TreeChildren = 4;

    /// <summary>
    /// The subtree drawn as a tree, root on the left and one column per depth: hover a model for its id, relation
    /// and downloads, zoom and pan to explore. Each model shows at most <see cref="TreeChildren"/> children (those with
    /// the most below them, then the most downloaded); the others, and everything below them, fold into one grey marker
    /// that says how many, so that a large family stays legible. Links of a merge to its other bases are dashed.
    /// </summary>
    public static GenericChart TreeView(Subtree subtree, string source = "this data")
    {
        var nodes = subtree.Nodes;
        var index = nodes.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase);
        var children = nodes.Select(_ => new List<int>()).ToArray();
        for (var i = 1; i < nodes.Count; i++)
        {
            if (nodes[i].Parent is { } p && index.TryGetValue(p, out var parent))
            {
                children[parent].Add(i);
            }
        }
        var (shownChildren, folded) = Fold(nodes, children);

        // Leaves (and fold markers) take the next row; a parent sits at the middle of its children (post-order, iterative).
        var y = new double[nodes.Count];
        var markerY = new Dictionary<int, double>();
        var visible = new bool[nodes.Count];
        var nextRow = 0.0;
        var stack = new Stack<(int Node, bool Done)>();
        stack.Push((0, false));
        while (stack.Count > 0)
        {
            var (v, done) = stack.Pop();
            visible[v] = true;
            var kids = shownChildren[v];
            if (kids.Count == 0 && !folded.ContainsKey(v))
            {
                y[v] = nextRow++;
            }
            else if (done)
            {
                if (folded.ContainsKey(v))
                {
                    markerY[v] = nextRow++;
                }
                var first = kids.Count > 0 ? y[kids[0]] : markerY[v];
                var last = folded.ContainsKey(v) ? markerY[v] : y[kids[^1]];
                y[v] = (first + last) / 2;
            }
            else
            {
                stack.Push((v, true));
                for (var k = kids.Count - 1; k >= 0; k--)
                {
                    stack.Push((kids[k], false));
                }
            }
        }

        var traces = new List<Trace>
        {
            Lines(subtree.Edges.Where(e => IsTreeLink(e)), "#b0b0b0", "solid", "first base"),
            Lines(subtree.Edges.Where(e => !IsTreeLink(e)), Color(Relation.Merge), "dash", "other bases (merges)"),
        };
        foreach (var group in nodes.Select((n, i) => (Node: n, Index: i)).Where(x => visible[x.Index])
                     .GroupBy(x => x.Index == 0 ? (Relation?)null : x.Node.Relation))
        {
            traces.Add(Trace("scatter",
                ("mode", "markers"),
                ("name", group.Key is { } r ? Plural(r) : "root"),
                ("x", group.Select(x => x.Node.Depth).ToArray()),
                ("y", group.Select(x => y[x.Index]).ToArray()),
                ("hovertext", group.Select(x => Hover(x.Node)).ToArray()),
                ("hoverinfo", "text"),
                ("marker", Object(("size", 9), ("color", group.Key is { } c ? Color(c) : "#000000")))));
        }
        var markers = folded.Where(f => visible[f.Key]).OrderBy(f => f.Key).ToList();
        if (markers.Count > 0)
        {
            traces.Add(Trace("scatter",
                ("mode", "markers+text"),
                ("name", "folded (more children)"),
                ("x", markers.Select(m => nodes[m.Key].Depth + 1).ToArray()),
                ("y", markers.Select(m => markerY[m.Key]).ToArray()),
                ("text", markers.Select(m => $"+{m.Value:N0}").ToArray()),
                ("textposition", "middle right"),
                ("hovertext", markers.Select(m => $"{m.Value:N0} more models below {nodes[m.Key].Id} not drawn (it shows {TreeChildren} of its children)").ToArray()),
                ("hoverinfo", "text"),
                ("marker", Object(("size", 9), ("symbol", "diamond"), ("color", "#9a9a9a")))));
            foreach (var (parent, _) in markers)
            {
                traces.Add(Trace("scatter", ("mode", "lines"), ("showlegend", false), ("hoverinfo", "skip"),
                    ("x", new object[] { nodes[parent].Depth, nodes[parent].Depth + 1 }), ("y", new object[] { y[parent], markerY[parent] }),
                    ("line", Object(("color", "#d0d0d0"), ("width", 1), ("dash", "dot")))));
            }
        }
        var shown = visible.Count(v => v);
        var hidden = nodes.Count - shown + subtree.LeftOut;
        var height = Math.Clamp(120 + (int)(nextRow * 16), 360, 2400);
        return Chart(traces,
            $"{subtree.Root}: {shown:N0} of {nodes.Count + subtree.LeftOut:N0} models drawn" + (hidden > 0 ? $" ({hidden:N0} folded or beyond the limit)" : "") + $" ({source})",
            ("xaxis", Axis("depth", false, ("dtick", 1), ("zeroline", false))),
            ("yaxis", Object(("visible", false))),
            ("width", 900), ("height", height));

        bool IsTreeLink(GraphEdge e) =>
            index.TryGetValue(e.Child, out var c) && string.Equals(nodes[c].Parent, e.Base, StringComparison.OrdinalIgnoreCase);

        Trace Lines(IEnumerable<GraphEdge> edges, string color, string dash, string name)
        {
            var xs = new List<object?>();
            var ys = new List<object?>();
            foreach (var e in edges)
            {
                if (index.TryGetValue(e.Child, out var c) && index.TryGetValue(e.Base, out var b) && visible[c] && visible[b])
                {
                    xs.AddRange([nodes[b].Depth, nodes[c].Depth, null]);
                    ys.AddRange([y[b], y[c], null]);
                }
            }
            return Trace("scatter", ("mode", "lines"), ("name", name), ("x", xs.ToArray()), ("y", ys.ToArray()),
                ("hoverinfo", "skip"), ("line", Object(("color", color), ("width", 1), ("dash", dash))));
        }
    }

    // Each model keeps the children with the most below them (then the most downloaded); the rest, with all below
    // them, are counted into a marker.
    private static (List<int>[] Shown, Dictionary<int, int> Folded) Fold(IReadOnlyList<SubtreeNode> nodes, List<int>[] children)
    {
        var shown = children.Select(_ => new List<int>()).ToArray();
        var folded = new Dictionary<int, int>();
        var below = Enumerable.Range(0, nodes.Count).Select(Below).ToArray();
        for (var v = 0; v < nodes.Count; v++)
        {
            var ordered = children[v].OrderByDescending(c => below[c]).ThenByDescending(c => nodes[c].Downloads)
                .ThenBy(c => nodes[c].Id, StringComparer.Ordinal).ToList();
            shown[v] = ordered.Take(TreeChildren).OrderBy(c => c).ToList();
            var rest = ordered.Skip(TreeChildren).Sum(c => 1 + below[c]);
            if (rest > 0)
            {
                folded[v] = rest;
            }
        }
        return (shown, folded);

        int Below(int v)
        {
            var count = 0;
            var stack = new Stack<int>(children[v]);
            while (stack.Count > 0)
            {
                var c = stack.Pop();
                count++;
                foreach (var k in children[c])
                {
                    stack.Push(k);
                }
            }
            return count;
        }
    }

    private static string Hover(SubtreeNode n)
    {
        var link = n.Parent is null ? "root" : $"{n.Relation.Label()} of {n.Parent}";
        var merge = n.Bases > 1 ? $"<br>{n.Bases} bases (merge)" : "";
        var external = n.InTable ? "" : "<br>not in the data";
        return string.Create(CultureInfo.InvariantCulture, $"{n.Id}<br>{link}<br>depth {n.Depth}, {n.Downloads:N0} downloads{merge}{external}");
    }
}

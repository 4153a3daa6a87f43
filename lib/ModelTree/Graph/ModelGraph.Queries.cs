using System.Buffers;
using ModelTree.Graph;
using ModelTree.Records;

namespace ModelTree;

public sealed partial class ModelGraph
{
    /// <summary>The model-tree box of a model, as the Hub shows it.</summary>
    /// <exception cref="ModelTreeException">The id is not in the graph (the message suggests close ids).</exception>
    public ModelTreeBox Box(string id)
    {
        var v = Node(id);
        var bases = new List<BaseLink>(_upStart[v + 1] - _upStart[v]);
        for (var e = _upStart[v]; e < _upStart[v + 1]; e++)
        {
            var b = _upBase[e];
            bases.Add(new BaseLink(_names[b], (Relation)_upRelation[e], (EdgeSource)_upSource[e], _inTable[b]));
        }
        Span<int> counts = stackalloc int[Graph.Internal.RelationCodes.Count];
        for (var k = _downStart[v]; k < _downStart[v + 1]; k++)
        {
            counts[_upRelation[_downEdge[k]]]++;
        }
        return new ModelTreeBox
        {
            Id = _names[v],
            InTable = _inTable[v],
            Bases = bases,
            Finetunes = counts[(int)Relation.Finetune],
            Adapters = counts[(int)Relation.Adapter],
            Quantizations = counts[(int)Relation.Quantized],
            Merges = counts[(int)Relation.Merge],
            Unlabelled = counts[(int)Relation.Unknown],
        };
    }

    /// <summary>
    /// Every ancestor of a model up to every root, nearest first: each with its depth (fewest hops) and
    /// the relation of the hop that reached it. A model in a cycle does not list itself.
    /// </summary>
    public IReadOnlyList<Ancestor> Ancestors(string id, int maxDepth = int.MaxValue)
    {
        var start = Node(id);
        var found = new List<Ancestor>();
        var seen = new HashSet<int> { start };
        var level = new List<int> { start };
        for (var depth = 1; level.Count > 0 && depth <= maxDepth; depth++)
        {
            var next = new List<int>();
            foreach (var v in level)
            {
                for (var e = _upStart[v]; e < _upStart[v + 1]; e++)
                {
                    var b = _upBase[e];
                    if (seen.Add(b))
                    {
                        next.Add(b);
                        found.Add(new Ancestor(_names[b], (Relation)_upRelation[e], depth, _names[v],
                            (EdgeSource)_upSource[e], _inTable[b], IsRootNode(b)));
                    }
                }
            }
            level = next;
        }
        return found;
    }

    /// <summary>
    /// One shortest line from the model up to a root: the model first, then each base, each with its
    /// relation to the one below it. With several bases (a merge) the walk takes the first base listed.
    /// </summary>
    public IReadOnlyList<Ancestor> Lineage(string id)
    {
        var ancestors = Ancestors(id);
        var root = ancestors.Where(a => a.IsRoot).OrderBy(a => a.Depth).FirstOrDefault();
        if (root is null)
        {
            return [];
        }
        var byId = ancestors.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        var line = new List<Ancestor> { root };
        while (byId.TryGetValue(line[^1].Child, out var below))
        {
            line.Add(below);
        }
        line.Reverse();
        return line;
    }

    /// <summary>Counts of everything below a model (each descendant once), by depth and by relation.</summary>
    public DescendantCounts Descendants(string id, int maxDepth = int.MaxValue)
    {
        var start = Node(id);
        var byDepth = new List<int>();
        var byRelation = new int[Graph.Internal.RelationCodes.Count];
        long downloads = 0;
        var truncated = false;
        Walk(start, maxDepth, (child, slot, depth, _) =>
        {
            if (depth > byDepth.Count)
            {
                byDepth.Add(0);
            }
            byDepth[depth - 1]++;
            byRelation[_upRelation[slot]]++;
            downloads += _downloads[child];
        }, () => truncated = true);
        return new DescendantCounts
        {
            Id = _names[start],
            Total = byDepth.Sum(),
            ByDepth = byDepth,
            ByRelation = Enumerable.Range(0, byRelation.Length).Where(r => byRelation[r] > 0)
                .ToDictionary(r => (Relation)r, r => byRelation[r]),
            Downloads = downloads,
            MaxDepth = maxDepth == int.MaxValue ? null : maxDepth,
            Truncated = truncated,
        };
    }

    /// <summary>
    /// A model and its descendants, breadth first, up to <paramref name="maxDepth"/> hops and
    /// <paramref name="maxNodes"/> models (the rest counted in <see cref="Subtree.LeftOut"/>), with every
    /// link between them: the input of the exports and the tree charts.
    /// </summary>
    public Subtree Subtree(string id, int maxDepth = int.MaxValue, int maxNodes = 10_000)
    {
        var start = Node(id);
        var members = new Dictionary<int, int> { [start] = 0 };
        var nodes = new List<SubtreeNode> { Node(start, 0, null, Relation.Unknown) };
        var leftOut = 0;
        var depthLimited = false;
        Walk(start, maxDepth, (child, slot, depth, parent) =>
        {
            if (nodes.Count >= Math.Max(1, maxNodes))
            {
                leftOut++;
                return;
            }
            members[child] = nodes.Count;
            nodes.Add(Node(child, depth, _names[parent], (Relation)_upRelation[slot]));
        }, () => depthLimited = true);
        if (depthLimited || leftOut > 0)
        {
            leftOut = Descendants(id).Total - (nodes.Count - 1);
        }

        var edges = new List<GraphEdge>();
        foreach (var v in members.Keys)
        {
            for (var e = _upStart[v]; e < _upStart[v + 1]; e++)
            {
                if (members.ContainsKey(_upBase[e]))
                {
                    edges.Add(Edge(v, e));
                }
            }
        }
        return new Subtree { Root = _names[start], Nodes = nodes, Edges = edges, LeftOut = leftOut };
    }

    /// <summary>
    /// The descendants of a model grouped by the relations on their (first-found, shortest) way down:
    /// root first, then each path in walk order. Paths deeper than <paramref name="maxDepth"/> are cut.
    /// </summary>
    public IReadOnlyList<RelationPath> RelationPaths(string id, int maxDepth = 4)
    {
        var start = Node(id);
        var paths = new List<(string Path, string? Parent, Relation Relation, int Depth, int Models, long Downloads)>
        {
            ("", null, Relation.Unknown, 0, 1, _downloads[start]),
        };
        var pathOf = new Dictionary<int, int> { [start] = 0 };
        var known = new Dictionary<(int Parent, Relation Relation), int>();
        Walk(start, maxDepth, (child, slot, depth, parent) =>
        {
            var relation = (Relation)_upRelation[slot];
            var above = pathOf[parent];
            if (!known.TryGetValue((above, relation), out var p))
            {
                var path = paths[above].Path.Length == 0 ? relation.Label() : $"{paths[above].Path}/{relation.Label()}";
                p = paths.Count;
                known[(above, relation)] = p;
                paths.Add((path, paths[above].Path, relation, depth, 0, 0));
            }
            pathOf[child] = p;
            var row = paths[p];
            paths[p] = row with { Models = row.Models + 1, Downloads = row.Downloads + _downloads[child] };
        });
        return paths.Select(p => new RelationPath(p.Path, p.Parent, p.Relation, p.Depth, p.Models, p.Downloads)).ToList();
    }

    /// <summary>The model's tree in one record: box, descendants and ancestors (what <c>tree --format json</c> prints).</summary>
    public TreeSummary Summary(string id, int maxDepth = int.MaxValue) =>
        new(Box(id), Descendants(id, maxDepth), Ancestors(id));

    private SubtreeNode Node(int v, int depth, string? parent, Relation relation) =>
        new(_names[v], depth, parent, relation, _downloads[v], _inTable[v], _upStart[v + 1] - _upStart[v]);

    /// <summary>
    /// Breadth-first walk down from <paramref name="start"/>: calls <paramref name="visit"/>(child, link
    /// slot, depth, parent) once per descendant, at its fewest hops. A visited mark per node makes every
    /// model count once and cycles end the walk instead of looping.
    /// </summary>
    private void Walk(int start, int maxDepth, Action<int, int, int, int> visit, Action? depthLimitHit = null)
    {
        var seen = ArrayPool<bool>.Shared.Rent(_names.Length);
        Array.Clear(seen, 0, _names.Length);
        var queue = new List<int> { start };
        seen[start] = true;
        try
        {
            var head = 0;
            for (var depth = 1; head < queue.Count; depth++)
            {
                var levelEnd = queue.Count;
                if (depth > maxDepth)
                {
                    for (; head < levelEnd; head++)
                    {
                        var v = queue[head];
                        for (var k = _downStart[v]; k < _downStart[v + 1]; k++)
                        {
                            if (!seen[_downChild[k]])
                            {
                                depthLimitHit?.Invoke();
                                return;
                            }
                        }
                    }
                    return;
                }
                for (; head < levelEnd; head++)
                {
                    var v = queue[head];
                    for (var k = _downStart[v]; k < _downStart[v + 1]; k++)
                    {
                        var c = _downChild[k];
                        if (!seen[c])
                        {
                            seen[c] = true;
                            queue.Add(c);
                            visit(c, _downEdge[k], depth, v);
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(seen);
        }
    }
}

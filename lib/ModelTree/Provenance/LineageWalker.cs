using ModelTree.Records;

namespace ModelTree.Provenance;

/// <summary>
/// Every path from a model up to a root, one hop at a time: a merge's paths through each base, a path
/// ending where a base is not in the data or where a cycle would bring it back to a model already on it.
/// </summary>
internal static class LineageWalker
{
    /// <summary>Paths listed at most; a lineage with more (merges of merges) is cut and says so.</summary>
    public const int MaxPaths = 24;

    /// <summary>Hops followed on one path at most.</summary>
    public const int MaxDepth = 64;

    /// <summary>One hop: <paramref name="Child"/> is a <paramref name="Relation"/> of <paramref name="Id"/>; <paramref name="Cycle"/> when the hop closes a cycle.</summary>
    public sealed record Step(string Id, Relation Relation, string Child, bool InTable, bool Cycle);

    public static (IReadOnlyList<IReadOnlyList<Step>> Paths, bool Cut) Walk(ModelGraph graph, string id)
    {
        var paths = new List<IReadOnlyList<Step>>();
        var cut = false;
        var path = new List<Step>();
        var onPath = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { id };
        Go(id);
        return (paths, cut);

        void Go(string node)
        {
            var bases = graph.Box(node).Bases;
            if (bases.Count == 0)
            {
                if (path.Count > 0)
                {
                    paths.Add(path.ToList());
                }
                return;
            }
            foreach (var b in bases)
            {
                if (paths.Count >= MaxPaths)
                {
                    cut = true;
                    return;
                }
                var cycle = onPath.Contains(b.Id);
                path.Add(new Step(b.Id, b.Relation, node, b.InTable, cycle));
                if (cycle || path.Count >= MaxDepth)
                {
                    cut |= !cycle;
                    paths.Add(path.ToList());
                }
                else
                {
                    onPath.Add(b.Id);
                    Go(b.Id);
                    onPath.Remove(b.Id);
                }
                path.RemoveAt(path.Count - 1);
            }
        }
    }
}

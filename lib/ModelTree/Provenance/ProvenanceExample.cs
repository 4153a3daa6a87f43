namespace ModelTree.Provenance;

/// <summary>A derivative to walk through, its base, and a sibling (another child of that base) to compare it with.</summary>
/// <param name="Derivative">The derivative.</param>
/// <param name="Base">Its base (its first base that is a row of the data).</param>
/// <param name="Sibling">The base's most downloaded other child, if it has one.</param>
public sealed record ProvenanceExample(string Derivative, string Base, string? Sibling)
{
    /// <summary>The three ids, those present, for <see cref="ModelProvenance.Compare"/>.</summary>
    public string[] Ids => Sibling is null ? [Derivative, Base] : [Derivative, Base, Sibling];

    internal static ProvenanceExample? Pick(ModelGraph graph)
    {
        // One pass over the links: children per base and which models name a base, both ends rows.
        var children = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var derived = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in graph.Edges())
        {
            if (!graph.IsInTable(e.Base))
            {
                continue;
            }
            derived.Add(e.Child);
            if (!children.TryGetValue(e.Base, out var list))
            {
                children[e.Base] = list = [];
            }
            list.Add(e.Child);
        }

        (string Child, string Base)? best = null;
        var bestRank = (Deep: false, Downloads: -1L);
        foreach (var (parent, list) in children)
        {
            if (list.Count < 2)
            {
                continue;
            }
            var deep = derived.Contains(parent);
            foreach (var child in list)
            {
                var rank = (Deep: deep, Downloads: graph.Downloads(child));
                var better = (rank.Deep && !bestRank.Deep) || (rank.Deep == bestRank.Deep && (rank.Downloads > bestRank.Downloads
                    || (rank.Downloads == bestRank.Downloads && best is { } b && string.CompareOrdinal(child, b.Child) < 0)));
                if (better)
                {
                    best = (child, parent);
                    bestRank = rank;
                }
            }
        }
        if (best is null)
        {
            // No base with two children: fall back to any link between two rows.
            var any = graph.Edges().Where(e => graph.IsInTable(e.Base))
                .OrderByDescending(e => graph.Downloads(e.Child)).ThenBy(e => e.Child, StringComparer.Ordinal).FirstOrDefault();
            return any is null ? null : new ProvenanceExample(any.Child, any.Base, null);
        }
        var (d, p) = best.Value;
        var sibling = children[p].Where(c => !string.Equals(c, d, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(graph.Downloads).ThenBy(c => c, StringComparer.Ordinal).First();
        return new ProvenanceExample(d, p, sibling);
    }
}

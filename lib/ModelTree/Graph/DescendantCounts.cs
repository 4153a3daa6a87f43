using ModelTree.Records;

namespace ModelTree.Graph;

/// <summary>
/// Everything below a model: each descendant counted once however many paths reach it (merges make
/// the tree a DAG), at the fewest hops from the model.
/// </summary>
public sealed record DescendantCounts
{
    /// <summary>The model.</summary>
    public required string Id { get; init; }

    /// <summary>Descendants in total (the model itself not included, even when a cycle leads back to it).</summary>
    public int Total { get; init; }

    /// <summary>Descendants at each depth, depth 1 (direct children) first.</summary>
    public IReadOnlyList<int> ByDepth { get; init; } = [];

    /// <summary>Descendants by the relation of the link that reached them first.</summary>
    public IReadOnlyDictionary<Relation, int> ByRelation { get; init; } = new Dictionary<Relation, int>();

    /// <summary>Sum of the descendants' downloads.</summary>
    public long Downloads { get; init; }

    /// <summary>The depth limit the walk stopped at (null: none).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>True when the depth limit left descendants out.</summary>
    public bool Truncated { get; init; }

    /// <summary>The subtree's size: the model plus its descendants.</summary>
    public int SubtreeSize => Total + 1;

    /// <summary>Deepest level reached.</summary>
    public int Depth => ByDepth.Count;

    public override string ToString() =>
        $"{Id}: {Total:N0} descendants over {Depth} levels ({string.Join(", ", ByDepth.Select((n, i) => $"depth {i + 1}: {n:N0}"))})";
}

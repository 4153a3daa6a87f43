namespace ModelTree.Graph;

/// <summary>
/// A model and its descendants (to a depth and a size limit), ready for export or drawing: the nodes
/// in walk order (breadth first, so parents come before children) and every link between them.
/// </summary>
public sealed record Subtree
{
    /// <summary>The subtree's root.</summary>
    public required string Root { get; init; }

    /// <summary>The nodes, root first, breadth first.</summary>
    public IReadOnlyList<SubtreeNode> Nodes { get; init; } = [];

    /// <summary>Every link whose both ends are in <see cref="Nodes"/> (several per merge).</summary>
    public IReadOnlyList<GraphEdge> Edges { get; init; } = [];

    /// <summary>Descendants the limits left out.</summary>
    public int LeftOut { get; init; }

    /// <summary>True when the limits left descendants out.</summary>
    public bool Truncated => LeftOut > 0;

    public override string ToString() =>
        $"subtree of {Root}: {Nodes.Count:N0} models, {Edges.Count:N0} links{(Truncated ? $", {LeftOut:N0} more left out" : "")}";
}

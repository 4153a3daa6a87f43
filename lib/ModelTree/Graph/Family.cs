namespace ModelTree.Graph;

/// <summary>
/// A family: the models linked to each other by base links in either direction (a weakly connected
/// component), named after its main root.
/// </summary>
public sealed record Family
{
    /// <summary>The main root: of the family's roots, the one with the most direct children (then downloads).</summary>
    public required string Root { get; init; }

    /// <summary>False when the main root is not a row of the data (the family hangs off an external base).</summary>
    public bool RootInTable { get; init; }

    /// <summary>Roots: models in the family that name no base (merges can join several base models into one family).</summary>
    public int Roots { get; init; }

    /// <summary>Models in the family, external nodes included.</summary>
    public int Size { get; init; }

    /// <summary>The most hops any member is from its nearest root.</summary>
    public int Depth { get; init; }

    /// <summary>Sum of the members' downloads.</summary>
    public long Downloads { get; init; }

    /// <summary>Members that name more than one base.</summary>
    public int MultiBase { get; init; }

    /// <summary>True when a cycle of base links runs through the family.</summary>
    public bool HasCycle { get; init; }

    public override string ToString() => $"{Root}: {Size:N0} models, depth {Depth}";
}

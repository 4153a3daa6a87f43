namespace ModelTree.Graph;

/// <summary>What building a <see cref="ModelGraph"/> found: its size, where its links came from, and the
/// user-entered oddities it had to survive (self-references, cycles, bases that are not in the data).</summary>
public sealed record GraphReport
{
    /// <summary>Rows of <c>models</c> (distinct ids).</summary>
    public int Models { get; init; }

    /// <summary>Ids named as a base that are not rows of the data; kept as external nodes.</summary>
    public int ExternalBases { get; init; }

    /// <summary>Links child -> base after removing duplicates and self-references.</summary>
    public int Edges { get; init; }

    /// <summary>Links by where they were read from.</summary>
    public IReadOnlyDictionary<EdgeSource, int> EdgesBySource { get; init; } = new Dictionary<EdgeSource, int>();

    /// <summary>Models that name themselves as a base (the link is dropped).</summary>
    public IReadOnlyList<string> SelfReferences { get; init; } = [];

    /// <summary>Cycles of base links (A -> B -> A ...): each the members of one strongly connected component.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles { get; init; } = [];

    /// <summary>Links that repeated another of the same child and base (dropped).</summary>
    public int DuplicateEdges { get; init; }

    /// <summary>Rows whose id repeated another row's (ids compare case-insensitively, as on the Hub); the first row wins.</summary>
    public int DuplicateIds { get; init; }

    /// <summary>Rows with no id (skipped).</summary>
    public int RowsWithoutId { get; init; }

    /// <summary>How long reading and building took.</summary>
    public TimeSpan BuildTime { get; init; }

    /// <summary>Models in cycles.</summary>
    public int ModelsInCycles => Cycles.Sum(c => c.Count);

    public override string ToString() =>
        $"{Models:N0} models, {ExternalBases:N0} external bases, {Edges:N0} links " +
        $"({string.Join(", ", EdgesBySource.Select(p => $"{p.Key}: {p.Value:N0}"))}); " +
        $"{SelfReferences.Count:N0} self-references, {Cycles.Count:N0} cycles ({ModelsInCycles:N0} models); built in {BuildTime.TotalSeconds:0.00} s";
}

namespace ModelTree.Records;

/// <summary>
/// One model as the Hub describes it: the row of the <c>models</c> table the study's rules look at,
/// with lists never null (an absent list reads as empty).
/// </summary>
public sealed record ModelRecord
{
    public required string Id { get; init; }
    public string? Author { get; init; }
    public DateTime? CreatedAt { get; init; }
    public long Downloads { get; init; }
    public long Likes { get; init; }
    public string? LibraryName { get; init; }
    public string? PipelineTag { get; init; }

    /// <summary>The Hub's tags: the author's plus the Hub's own (<c>base_model:...</c>, <c>license:...</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The repository's file names (<c>siblings.rfilename</c>).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The card's front matter.</summary>
    public CardData Card { get; init; } = CardData.Empty;

    /// <summary>The bases in <c>baseModels.models</c>, in order; empty when <c>baseModels</c> is null.</summary>
    public IReadOnlyList<string> BaseModels { get; init; } = [];

    /// <summary>The Hub's label, <c>baseModels.relation</c>; null when the Hub shows none.</summary>
    public string? Relation { get; init; }

    /// <summary>The known relation, or <see cref="Records.Relation.Unknown"/> for a label outside the four.</summary>
    public Relation? RelationKind => Relation is null ? null : Relations.Parse(Relation);

    /// <summary>The license from the Hub's <c>license:&lt;x&gt;</c> tag, else the card's.</summary>
    public string? License =>
        Tags.FirstOrDefault(t => t.StartsWith("license:", StringComparison.Ordinal))?["license:".Length..] ?? Card.License;

    /// <summary>True when the model names itself among its bases (user-entered data has such rows).</summary>
    public bool NamesItselfAsBase =>
        BaseModels.Contains(Id, StringComparer.OrdinalIgnoreCase) || Card.BaseModels.Contains(Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the model has the tag (exact, case-sensitive, as <c>list_contains</c>).</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    public override string ToString() => Relation is null ? Id : $"{Id} ({Relation})";
}

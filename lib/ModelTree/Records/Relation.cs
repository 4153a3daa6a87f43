namespace ModelTree.Records;

/// <summary>The relations the Hub's model tree shows between a model and its base(s).</summary>
public enum Relation
{
    Finetune,
    Adapter,
    Quantized,
    Merge,

    /// <summary>A label outside the four (a newer Hub label, or a typo in user data).</summary>
    Unknown,
}

/// <summary>Reading and writing relation labels as the Hub spells them.</summary>
public static class Relations
{
    /// <summary>The four known labels, as the Hub spells them.</summary>
    public static IReadOnlyList<string> Known { get; } = ["finetune", "adapter", "quantized", "merge"];

    /// <summary>The Hub's spelling of a relation.</summary>
    public static string Label(this Relation relation) => relation.ToString().ToLowerInvariant();

    /// <summary>Parses a label case-insensitively; anything else is <see cref="Relation.Unknown"/>.</summary>
    public static Relation Parse(string label) => label.Trim().ToLowerInvariant() switch
    {
        "finetune" => Relation.Finetune,
        "adapter" => Relation.Adapter,
        "quantized" => Relation.Quantized,
        "merge" => Relation.Merge,
        _ => Relation.Unknown,
    };
}

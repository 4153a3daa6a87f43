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

    /// <summary>
    /// The hop in words, child first: "X is a finetune of Y", "an adapter of", "a quantization of", "a merge of",
    /// "derived from" when the label is unknown. Use as <c>$"{child} {relation.Hop()} {parent}"</c>.
    /// </summary>
    public static string Hop(this Relation relation) => relation switch
    {
        Relation.Finetune => "is a finetune of",
        Relation.Adapter => "is an adapter of",
        Relation.Quantized => "is a quantization of",
        Relation.Merge => "is a merge of",
        _ => "is derived from",
    };

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

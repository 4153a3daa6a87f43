namespace ModelTree.Rules;

/// <summary>
/// One named rule: when <see cref="When"/> holds, the model is a candidate for <see cref="Yields"/>.
/// <see cref="Yields"/> is a relation as the Hub spells it (<c>finetune</c>, <c>adapter</c>,
/// <c>quantized</c>, <c>merge</c>) or <see cref="DeclaredRelation"/>: whatever the card declares.
/// </summary>
public sealed record Rule(string Name, Condition When, string Yields)
{
    /// <summary>The yield that stands for the relation the card names in <c>base_model_relation</c>.</summary>
    public const string DeclaredRelation = "declared";

    /// <summary>Why the rule exists, in a sentence (optional).</summary>
    public string? Description { get; init; }

    public override string ToString() => $"{Name}: {When} -> {Yields}";
}

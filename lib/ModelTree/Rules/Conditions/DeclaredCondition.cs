namespace ModelTree.Rules;

/// <summary>
/// The card declares the relation itself: <c>base_model_relation</c> is a string naming one of the four
/// relations (trimmed of spaces, case-insensitive). A rule with this condition usually yields
/// <see cref="Rule.DeclaredRelation"/>: the relation the card names.
/// </summary>
public sealed record DeclaredCondition : Condition
{
    public override string ToString() => "card declares base_model_relation";
}

namespace ModelTree.Rules;

/// <summary>A rule that held for a model: the relation it yields there and what it saw.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Relation">The relation it yields for this model (for a <c>declared</c> rule, the card's).</param>
/// <param name="Level">Its level in the precedence, 0 for the highest.</param>
/// <param name="Evidence">What matched: which tag, which file and pattern, which card field.</param>
public sealed record RuleMatch(Rule Rule, string Relation, int Level, IReadOnlyList<string> Evidence)
{
    public override string ToString() => $"{Rule.Name} -> {Relation} ({string.Join("; ", Evidence)})";
}

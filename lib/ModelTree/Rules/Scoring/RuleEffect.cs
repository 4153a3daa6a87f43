namespace ModelTree.Rules;

/// <summary>
/// What one rule does on a table (models with a base only): how many models it matches, how many of those the Hub
/// labels as the rule says, how many it decides (it is the rule that fired), and the share of the Hub's label it
/// explains (decided and right, over every model the Hub gives that label).
/// </summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Yields">The relation it yields (<c>declared</c>: the card's).</param>
/// <param name="Matched">Models with a base where its condition holds.</param>
/// <param name="MatchedRight">Of those, the Hub's label is the one it yields.</param>
/// <param name="Decided">Models whose label it decided.</param>
/// <param name="DecidedRight">Of those, the Hub agrees.</param>
/// <param name="HubLabelled">Models the Hub labels with the relation it yields (for declared: labelled models whose label is the one their card declares).</param>
public sealed record RuleEffect(string Rule, string Yields, long Matched, long MatchedRight, long Decided, long DecidedRight, long HubLabelled)
{
    /// <summary>Models it decided wrongly.</summary>
    public long DecidedWrong => Decided - DecidedRight;

    /// <summary>Share of the Hub's label it explains: decided and right, over <see cref="HubLabelled"/>; null when the Hub has none.</summary>
    public double? Explains => HubLabelled == 0 ? null : (double)DecidedRight / HubLabelled;
}

namespace ModelTree.Rules;

/// <summary>
/// How many models each side labels with a relation.
/// </summary>
/// <param name="Rows">All models.</param>
/// <param name="HubLabelled">Models the Hub gives a relation (<c>baseModels.relation</c> not null).</param>
/// <param name="RulesLabelled">Models the rules give a relation (not none, not ambiguous).</param>
/// <param name="Ambiguous">Models the rules call ambiguous.</param>
/// <param name="BothLabelled">Models both give a relation (the same or not).</param>
public sealed record Coverage(long Rows, long HubLabelled, long RulesLabelled, long Ambiguous, long BothLabelled)
{
    /// <summary>RulesLabelled / HubLabelled: above 1 when the rules label models the Hub does not.</summary>
    public double? Ratio => HubLabelled == 0 ? null : (double)RulesLabelled / HubLabelled;

    public override string ToString() =>
        $"rules label {RulesLabelled} of {Rows} models, the Hub {HubLabelled}; both {BothLabelled}; ambiguous {Ambiguous}";
}

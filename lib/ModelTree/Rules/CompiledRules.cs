namespace ModelTree.Rules;

/// <summary>
/// A rule set compiled to DuckDB SQL expressions over the columns of <c>models</c>. Each is one
/// expression: put it in a SELECT <c>FROM</c> <see cref="From"/> and the whole table is classified in one scan.
/// </summary>
/// <param name="RuleSet">The set it was compiled from.</param>
/// <param name="Label">The predicted label: a relation, <c>'ambiguous'</c>, or <c>'none'</c> (never NULL, as the C# evaluator's label).</param>
/// <param name="FiringRule">The name of the rule that decided, <c>'otherwise'</c> or <c>'no base'</c>.</param>
/// <param name="Contested">TRUE when a base is present and matching rules yield more than one relation.</param>
/// <param name="MatchedRules">The names of every rule that matched, in rule order (a VARCHAR[]).</param>
/// <param name="HasBase">The gate: TRUE when a relation can exist.</param>
public sealed record CompiledRules(
    RuleSet RuleSet, string Label, string FiringRule, string Contested, string MatchedRules, string HasBase)
{
    /// <summary>
    /// The row source to select the expressions from: <c>models</c>, or <c>models</c> with one more column holding
    /// the set's file tests asked in one pass (aliased <c>models</c>, so every column keeps its name).
    /// </summary>
    public string From { get; init; } = "models";

    /// <summary>Each rule's own match (gate not included) and the relation it yields, as SQL, in rule order.</summary>
    public IReadOnlyList<(string Rule, string Match, string Relation)> PerRule { get; init; } = [];

    /// <summary>The Hub's label as SQL over <c>models</c>: its relation, or <c>'none'</c> where it records none.</summary>
    public const string HubLabel = "coalesce(baseModels.relation, 'none')";

    /// <summary>A query that labels every model: <c>id, hub, predicted, rule</c> (both labels <c>none</c> where there is no relation).</summary>
    public string SelectLabels() => $"SELECT id, {HubLabel} AS hub, {Label} AS predicted, {FiringRule} AS rule FROM {From}";

    public override string ToString() => Label;
}

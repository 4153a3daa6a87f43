using Microsoft.Data.Analysis;

namespace ModelTree.Rules;

/// <summary>
/// Why a model gets its label: the gate, every rule that matched with its evidence, the rule that
/// decided, and the Hub's own label beside the prediction.
/// </summary>
public sealed record Verdict
{
    /// <summary>The model.</summary>
    public required string Id { get; init; }

    /// <summary>The rule set's name.</summary>
    public required string RuleSet { get; init; }

    /// <summary>The Hub's label (<c>baseModels.relation</c>), or <see cref="Labels.None"/>.</summary>
    public required string HubLabel { get; init; }

    /// <summary>The predicted label: a relation, <see cref="Labels.Ambiguous"/> or <see cref="Labels.None"/>.</summary>
    public required string Label { get; init; }

    /// <summary>True when the gate held: a base is present, so a relation can exist.</summary>
    public required bool HasBase { get; init; }

    /// <summary>What the gate saw (the bases, or the card's base_model).</summary>
    public required IReadOnlyList<string> BaseEvidence { get; init; }

    /// <summary>Every rule that held, in rule order (also when the gate failed, for information).</summary>
    public required IReadOnlyList<RuleMatch> Matches { get; init; }

    /// <summary>The rule that decided the label; <see cref="RuleEvaluator.Otherwise"/> or <see cref="RuleEvaluator.NoBase"/> when none did.</summary>
    public required string FiringRule { get; init; }

    /// <summary>True when matching rules yield more than one relation (precedence settled it unless <see cref="Ambiguous"/>).</summary>
    public required bool Contested { get; init; }

    /// <summary>True when precedence could not settle between the relations the rules yield.</summary>
    public bool Ambiguous => Label == Labels.Ambiguous;

    /// <summary>True when the prediction is the Hub's label.</summary>
    public bool Agrees => Label == HubLabel;

    /// <summary>The rules that matched as a table: rule, relation, level (1 = highest), whether it decided, evidence.</summary>
    public DataFrame ToFrame() => new(
        new StringDataFrameColumn("rule", Matches.Select(m => m.Rule.Name)),
        new StringDataFrameColumn("yields", Matches.Select(m => m.Relation)),
        new Int64DataFrameColumn("level", Matches.Select(m => (long)m.Level + 1)),
        new BooleanDataFrameColumn("decided", Matches.Select(m => m.Rule.Name == FiringRule)),
        new StringDataFrameColumn("evidence", Matches.Select(m => string.Join("; ", m.Evidence))));

    public override string ToString() =>
        $"{Id}: predicted {Label} by {FiringRule}, Hub says {HubLabel}{(Contested ? " (contested)" : "")}";
}

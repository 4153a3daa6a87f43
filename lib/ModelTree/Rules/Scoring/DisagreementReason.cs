namespace ModelTree.Rules;

/// <summary>Models where the prediction differs from the Hub's label, for one reason: the rule that decided.</summary>
public sealed record DisagreementReason(string Hub, string Predicted, string Rule, long Count)
{
    public override string ToString() => $"{Count} models: Hub says {Hub}, '{Rule}' says {Predicted}";
}

namespace ModelTree.Rules;

/// <summary>One model where the prediction differs from the Hub's label.</summary>
public sealed record Disagreement(string Id, string Hub, string Predicted, string Rule, IReadOnlyList<string> MatchedRules);

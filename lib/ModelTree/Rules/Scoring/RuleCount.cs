namespace ModelTree.Rules;

/// <summary>How many models a rule decided.</summary>
public sealed record RuleCount(string Rule, long Count);

namespace ModelTree.Rules;

/// <summary>One class before and after a rule change: how many models the rules give it, how many joined and left, and F1.</summary>
public sealed record ClassChange(string Label, long Before, long After, long Gained, long Lost, double? F1Before, double? F1After);

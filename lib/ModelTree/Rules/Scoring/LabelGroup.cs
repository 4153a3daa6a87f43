namespace ModelTree.Rules;

/// <summary>A count of models sharing a Hub label, a predicted label, a deciding rule and the contested flag.</summary>
public sealed record LabelGroup(string Hub, string Predicted, string Rule, bool Contested, long Count);

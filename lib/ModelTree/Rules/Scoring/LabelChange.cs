namespace ModelTree.Rules;

/// <summary>Models whose predicted label moves from <see cref="From"/> to <see cref="To"/> between two rule sets, by Hub label.</summary>
public sealed record LabelChange(string Hub, string From, string To, long Count);

namespace ModelTree.Rules;

/// <summary>
/// How well the rules find one class. Precision = right / predicted, recall = right / support,
/// F1 = their harmonic mean; null where the denominator is zero. Ambiguous predictions count as
/// wrong for every class.
/// </summary>
/// <param name="Label">The class (a relation as the Hub spells it).</param>
/// <param name="Correct">Models the Hub and the rules both give this label.</param>
/// <param name="Predicted">Models the rules give this label.</param>
/// <param name="Support">Models the Hub gives this label.</param>
public sealed record ClassMetrics(string Label, long Correct, long Predicted, long Support)
{
    public double? Precision => Predicted == 0 ? null : (double)Correct / Predicted;

    public double? Recall => Support == 0 ? null : (double)Correct / Support;

    public double? F1 => Precision is { } p && Recall is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;

    internal static ClassMetrics From(string label, long correct, long predicted, long support) => new(label, correct, predicted, support);

    public override string ToString() =>
        $"{Label}: precision {Format(Precision)}, recall {Format(Recall)}, F1 {Format(F1)}, support {Support}";

    private static string Format(double? value) => value is { } v ? v.ToString("0.000") : "n/a";
}

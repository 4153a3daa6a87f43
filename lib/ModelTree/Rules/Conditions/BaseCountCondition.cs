namespace ModelTree.Rules;

/// <summary>The number of bases the Hub lists (<c>baseModels.models</c> with an id; none when the column is null) compares to <see cref="Count"/>.</summary>
public sealed record BaseCountCondition(Comparison Comparison, int Count) : Condition
{
    public override string ToString() => $"number of bases {Comparison.Symbol()} {Count}";
}

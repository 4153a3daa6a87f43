namespace ModelTree.Rules;

/// <summary><see cref="Condition"/> does not hold.</summary>
public sealed record NotCondition(Condition Condition) : Condition
{
    public override string ToString() => $"not {Condition}";
}

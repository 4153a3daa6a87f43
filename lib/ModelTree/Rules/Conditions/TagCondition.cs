namespace ModelTree.Rules;

/// <summary>The model's tags contain any of <see cref="AnyOf"/>: exact and case-sensitive, as the study's <c>list_contains</c>.</summary>
public sealed record TagCondition(ValueList<string> AnyOf) : Condition
{
    public override string ToString() => $"tags contain any of [{string.Join(", ", AnyOf)}]";
}

namespace ModelTree.Rules;

/// <summary>At least one of <see cref="Conditions"/> holds.</summary>
public sealed record AnyCondition(ValueList<Condition> Conditions) : Condition
{
    public override string ToString() => "(" + string.Join(" or ", Conditions) + ")";
}

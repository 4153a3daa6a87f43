namespace ModelTree.Rules;

/// <summary>Every one of <see cref="Conditions"/> holds.</summary>
public sealed record AllCondition(ValueList<Condition> Conditions) : Condition
{
    public override string ToString() => "(" + string.Join(" and ", Conditions) + ")";
}

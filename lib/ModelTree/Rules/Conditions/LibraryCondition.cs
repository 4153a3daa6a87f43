namespace ModelTree.Rules;

/// <summary>The model's <c>library_name</c> is one of <see cref="Libraries"/> (case-insensitive).</summary>
public sealed record LibraryCondition(ValueList<string> Libraries) : Condition
{
    public override string ToString() => $"library_name is one of [{string.Join(", ", Libraries)}]";
}

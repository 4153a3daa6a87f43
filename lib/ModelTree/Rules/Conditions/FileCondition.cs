namespace ModelTree.Rules;

/// <summary>
/// Any of the repository's file names (<c>siblings.rfilename</c>), lower-cased, matches any of
/// <see cref="Patterns"/>: SQL LIKE patterns, <c>%</c> for any run of characters and <c>_</c> for one
/// character (so <c>%adapter_model%</c> also matches <c>adapter-model</c>, as in the study's query).
/// No escape character: a backslash is an ordinary character.
/// </summary>
public sealed record FileCondition(ValueList<string> Patterns) : Condition
{
    public override string ToString() => $"a file name matches any of [{string.Join(", ", Patterns)}]";
}

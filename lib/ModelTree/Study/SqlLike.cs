using ModelTree.Rules;

namespace ModelTree.Study;

/// <summary>
/// SQL <c>LIKE</c> as DuckDB evaluates it without an <c>ESCAPE</c> clause: <c>%</c> matches any run of
/// characters, <c>_</c> exactly one, everything else itself (case-sensitive). The classifiers use it so
/// that a file-name test in C# means exactly what the same pattern means in a notebook's SQL; it is the
/// rule engine's matcher (<see cref="LikePattern"/>), so there is one LIKE in C#, checked against DuckDB's.
/// </summary>
public static class SqlLike
{
    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/>; a null text matches nothing (as NULL LIKE x is not true).</summary>
    public static bool Matches(string? text, string pattern) => text is not null && LikePattern.IsMatch(text, pattern);
}

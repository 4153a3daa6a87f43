using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelTree.Classify;

/// <summary>
/// SQL <c>LIKE</c> as DuckDB evaluates it without an <c>ESCAPE</c> clause: <c>%</c> matches any run of
/// characters, <c>_</c> exactly one, everything else itself (case-sensitive). The classifiers use it so
/// that a file-name test in C# means exactly what the same pattern means in a notebook's SQL.
/// </summary>
public static class SqlLike
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new();

    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/>; a null text matches nothing (as NULL LIKE x is not true).</summary>
    public static bool Matches(string? text, string pattern) =>
        text is not null && Compiled.GetOrAdd(pattern, ToRegex).IsMatch(text);

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}

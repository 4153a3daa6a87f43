using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelTree.Rules;

/// <summary>
/// SQL LIKE patterns as DuckDB reads them: <c>%</c> any run of characters, <c>_</c> one character,
/// everything else literal (no escape character). File conditions match them against lower-cased
/// file names, as the study's queries do.
/// </summary>
public static class LikePattern
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new();

    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/> (case-sensitive, like DuckDB's LIKE).</summary>
    public static bool IsMatch(string text, string pattern) => Cache.GetOrAdd(pattern, Compile).IsMatch(text);

    /// <summary>Why the pattern cannot be used in a file condition, or null when it can.</summary>
    public static string? Problem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "a file pattern is empty";
        }
        if (pattern.IndexOfAny(['*', '?']) >= 0)
        {
            return $"pattern '{pattern}' looks like a glob; file patterns are SQL LIKE: % for any run of characters, _ for one (e.g. '%.gguf')";
        }
        if (pattern.Any(char.IsUpper))
        {
            return $"pattern '{pattern}' has upper-case letters, but file names are lower-cased before matching, so it can never match; write it in lower case";
        }
        return null;
    }

    private static Regex Compile(string pattern)
    {
        var regex = new StringBuilder(@"\A");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }
        regex.Append(@"\z");
        return new Regex(regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}

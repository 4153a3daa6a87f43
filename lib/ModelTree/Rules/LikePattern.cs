using System.Collections.Concurrent;

namespace ModelTree.Rules;

/// <summary>
/// SQL LIKE patterns as DuckDB reads them: <c>%</c> any run of characters, <c>_</c> one character,
/// everything else literal (no escape character). File conditions match them against lower-cased
/// file names, as the study's queries do.
/// </summary>
public static class LikePattern
{
    private static readonly ConcurrentDictionary<string, Matcher> Cache = new();

    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/> (case-sensitive, like DuckDB's LIKE).</summary>
    public static bool IsMatch(string text, string pattern) => For(pattern).IsMatch(text);

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

    private static Matcher For(string pattern) => Cache.GetOrAdd(pattern, p => new Matcher(p));

    /// <summary>
    /// Several patterns compiled once, for code that tests many names against the same few patterns (a rule's file
    /// condition, the study's vocabulary): keep the set, not the pattern texts, so no name pays a lookup per pattern.
    /// </summary>
    internal sealed class Set(IEnumerable<string> patterns)
    {
        private readonly Matcher[] _matchers = patterns.Select(For).ToArray();

        /// <summary>The index of the first pattern <paramref name="text"/> matches, or -1.</summary>
        public int FirstMatch(string text)
        {
            for (var i = 0; i < _matchers.Length; i++)
            {
                if (_matchers[i].IsMatch(text))
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>True when <paramref name="text"/> matches one of the patterns.</summary>
        public bool Any(string text) => FirstMatch(text) >= 0;
    }

    /// <summary>
    /// A pattern split at its <c>%</c> signs: the text must start with the first piece (unless the pattern starts with
    /// <c>%</c>), end with the last (unless it ends with <c>%</c>), and hold the pieces between in order, each found at its
    /// leftmost place (which is enough: a piece has a fixed length, so an earlier place never leaves less room for the rest).
    /// No regular expression: a rule set's file conditions test every file of every model against a few dozen patterns.
    /// A piece without <c>_</c> is searched with the runtime's vectorized ordinal search; one with <c>_</c> character by character.
    /// </summary>
    private sealed class Matcher
    {
        private readonly string[] _pieces; // a pattern open at an end has an empty first or last piece
        private readonly bool[] _wild; // the piece holds a '_'

        public Matcher(string pattern)
        {
            _pieces = pattern.Split('%');
            _wild = _pieces.Select(p => p.Contains('_')).ToArray();
        }

        public bool IsMatch(string text)
        {
            if (_pieces.Length == 1)
            {
                return text.Length == _pieces[0].Length && At(text, 0, 0);
            }
            var first = _pieces[0];
            var last = _pieces[^1];
            if (text.Length < first.Length + last.Length || !At(text, 0, 0) || !At(text, text.Length - last.Length, _pieces.Length - 1))
            {
                return false;
            }
            var position = first.Length;
            var limit = text.Length - last.Length;
            for (var i = 1; i < _pieces.Length - 1; i++)
            {
                var found = Find(text, position, limit, i);
                if (found < 0)
                {
                    return false;
                }
                position = found + _pieces[i].Length;
            }
            return true;
        }

        private int Find(string text, int from, int limit, int index)
        {
            var piece = _pieces[index];
            if (!_wild[index])
            {
                var at = text.AsSpan(from, limit - from).IndexOf(piece, StringComparison.Ordinal);
                return at < 0 ? -1 : from + at;
            }
            for (var start = from; start + piece.Length <= limit; start++)
            {
                if (At(text, start, index))
                {
                    return start;
                }
            }
            return -1;
        }

        private bool At(string text, int start, int index)
        {
            var piece = _pieces[index];
            if (!_wild[index])
            {
                return text.AsSpan(start, piece.Length).SequenceEqual(piece);
            }
            for (var i = 0; i < piece.Length; i++)
            {
                if (piece[i] != '_' && piece[i] != text[start + i])
                {
                    return false;
                }
            }
            return true;
        }
    }
}

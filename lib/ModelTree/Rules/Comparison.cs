namespace ModelTree.Rules;

/// <summary>How a count compares to a number; written in rule files as its symbol (<c>&gt;= 2</c>).</summary>
public enum Comparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>Symbols and evaluation of <see cref="Comparison"/>.</summary>
public static class Comparisons
{
    /// <summary>The symbol, as in SQL: <c>=</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>.</summary>
    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.Equal => "=",
        Comparison.NotEqual => "!=",
        Comparison.Less => "<",
        Comparison.LessOrEqual => "<=",
        Comparison.Greater => ">",
        Comparison.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>Reads a symbol; null when it is none of the six.</summary>
    public static Comparison? Parse(string symbol) => symbol.Trim() switch
    {
        "=" or "==" => Comparison.Equal,
        "!=" or "<>" => Comparison.NotEqual,
        "<" => Comparison.Less,
        "<=" => Comparison.LessOrEqual,
        ">" => Comparison.Greater,
        ">=" => Comparison.GreaterOrEqual,
        _ => null,
    };

    /// <summary>True when <paramref name="left"/> compares to <paramref name="right"/> as stated.</summary>
    public static bool Holds(this Comparison comparison, long left, long right) => comparison switch
    {
        Comparison.Equal => left == right,
        Comparison.NotEqual => left != right,
        Comparison.Less => left < right,
        Comparison.LessOrEqual => left <= right,
        Comparison.Greater => left > right,
        Comparison.GreaterOrEqual => left >= right,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}

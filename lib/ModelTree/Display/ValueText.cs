using System.Collections;
using System.Globalization;

namespace ModelTree.Display;

/// <summary>
/// The one way the workbook writes a value as text, in every table (HTML, plain text, data frames) and every
/// command: dates in ISO 8601, whole numbers with thousands separators (but years and ids as written), other
/// numbers invariant, lists as <c>[a, b]</c> and structs as <c>{k: v}</c> with a null item as <c>null</c>.
/// </summary>
public static class ValueText
{
    /// <summary>Items of a list a table cell shows before it says how many more there are ("[+9]").</summary>
    public const int ListItems = 4;

    /// <summary>The value as text; null as "".</summary>
    public static string Format(object? value, string? column = null) => value switch
    {
        null or DBNull => "",
        _ => Item(value, column),
    };

    /// <summary>A list cut to its first <see cref="ListItems"/> items, and how many it left out (0 if none).</summary>
    public static (string Shown, int LeftOut) Shorten(object? value, string? column = null)
    {
        if (value is string or null or DBNull || value is IDictionary || value is not IEnumerable list)
        {
            return (Format(value, column), 0);
        }
        var items = list.Cast<object?>().ToList();
        if (items.Count <= ListItems + 1)
        {
            return (Format(value, column), 0);
        }
        return ("[" + string.Join(", ", items.Take(ListItems).Select(i => Item(i, null))) + ", …]", items.Count - ListItems);
    }

    private static string Item(object? value, string? column) => value switch
    {
        null or DBNull => "null",
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => Date(d),
        DateTimeOffset d => Date(d.UtcDateTime),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        sbyte or byte or short or ushort or int or uint or long or ulong or System.Numerics.BigInteger =>
            IsPlainNumber(column) ? Convert.ToString(value, CultureInfo.InvariantCulture)! : ((IFormattable)value).ToString("#,0", CultureInfo.InvariantCulture),
        double d => Real(d),
        float f => Real(f),
        decimal m => m.ToString("#,0.####", CultureInfo.InvariantCulture),
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{Item(k, null)}: {Item(map[k], null)}")) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(i => Item(i, null))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Date(DateTime d) =>
        d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Real(double d) =>
        double.IsNaN(d) || double.IsInfinity(d) ? d.ToString(CultureInfo.InvariantCulture)
        : Math.Abs(d) >= 1000 ? d.ToString("#,0.##", CultureInfo.InvariantCulture)
        : d.ToString("0.####", CultureInfo.InvariantCulture);

    // Whole numbers that name rather than count: a year, a month, an id, a seed.
    private static bool IsPlainNumber(string? column) =>
        column is not null && (column.Contains("year", StringComparison.OrdinalIgnoreCase)
            || column.Equals("month", StringComparison.OrdinalIgnoreCase)
            || column.EndsWith("id", StringComparison.OrdinalIgnoreCase)
            || column.Contains("seed", StringComparison.OrdinalIgnoreCase));
}

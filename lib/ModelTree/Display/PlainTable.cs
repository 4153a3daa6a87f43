using System.Globalization;
using System.Text;

namespace ModelTree.Display;

/// <summary>A table as plain text (the text/plain companion of <see cref="HtmlTable"/>): columns padded, separated by " | ".</summary>
public static class PlainTable
{
    /// <summary>
    /// Renders <paramref name="rows"/> under <paramref name="headers"/>, values written by <see cref="ValueText"/>,
    /// a long list as its first items and "[+N]", each value cut at 60 characters; when <paramref name="totalRows"/>
    /// is more than the rows given, a last line says "showing N of M rows".
    /// </summary>
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, long totalRows)
    {
        var cells = rows.Select(r => r.Select((v, i) => Cut(Short(v, i < headers.Count ? headers[i] : null))).ToList()).ToList();
        var widths = headers.Select((h, i) => cells.Select(r => i < r.Count ? r[i].Length : 0).Append(h.Length).Max()).ToList();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> values) =>
            text.AppendJoin(" | ", values.Select((v, i) => i < widths.Count ? v.PadRight(widths[i]) : v)).Append('\n');
        Line(headers);
        text.AppendJoin("-+-", widths.Select(w => new string('-', w))).Append('\n');
        foreach (var row in cells)
        {
            Line(row);
        }
        if (totalRows > cells.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"(showing {cells.Count:N0} of {totalRows:N0} rows)\n");
        }
        return text.ToString();
    }

    private static string Short(object? value, string? column)
    {
        var (shown, leftOut) = ValueText.Shorten(value, column);
        return leftOut > 0 ? $"{shown} [+{leftOut.ToString("N0", CultureInfo.InvariantCulture)}]" : shown;
    }

    /// <summary>The widest a value is written: <see cref="Cut"/> ends a longer one at this width with "…".</summary>
    private const int MaxWidth = 60;

    private static string Cut(string value)
    {
        value = value.Replace('\n', ' ');
        return value.Length <= MaxWidth ? value : value[..(MaxWidth - 1)] + "…";
    }
}

using System.Globalization;
using System.Net;
using System.Text;

namespace ModelTree.Display;

/// <summary>
/// An HTML table of values (written by <see cref="ValueText"/>), with a note when rows were left out. A long list
/// shows its first items and "+N" that opens to the whole list; long text folds the same way.
/// </summary>
public static class HtmlTable
{
    /// <summary>Characters of text a cell shows before the rest folds away.</summary>
    public const int TextLength = 120;

    /// <summary>
    /// Renders <paramref name="rows"/> under <paramref name="headers"/>. When <paramref name="totalRows"/>
    /// is more than the rows given, a note says "showing N of M rows".
    /// </summary>
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, long totalRows)
    {
        var html = new StringBuilder("<table class=\"mt-table\"><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        var shown = 0;
        foreach (var row in rows)
        {
            shown++;
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var column = i < headers.Count ? headers[i] : null;
                html.Append(IsNumber(row[i]) ? "<td class=\"num\">" : "<td>").Append(Cell(row[i], column)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (totalRows > shown)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><em>showing {shown:N0} of {totalRows:N0} rows</em></p>");
        }
        return html.ToString();
    }

    /// <summary>One cell's HTML: the value encoded, a long list or text folded into a &lt;details&gt; that opens to all of it.</summary>
    public static string Cell(object? value, string? column = null)
    {
        var (shown, leftOut) = ValueText.Shorten(value, column);
        var full = ValueText.Format(value, column);
        if (leftOut > 0)
        {
            return $"<details class=\"fold\"><summary>{WebUtility.HtmlEncode(shown)} <span class=\"more\">+{leftOut:N0}</span></summary>{WebUtility.HtmlEncode(full)}</details>";
        }
        if (full.Length > TextLength)
        {
            return $"<details class=\"fold\"><summary>{WebUtility.HtmlEncode(full[..TextLength])}… <span class=\"more\">more</span></summary>{WebUtility.HtmlEncode(full)}</details>";
        }
        return WebUtility.HtmlEncode(full);
    }

    private static bool IsNumber(object? value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;
}

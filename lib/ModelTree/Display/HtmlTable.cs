using System.Globalization;
using System.Net;
using System.Text;

namespace ModelTree.Display;

/// <summary>A plain HTML table of values, with a note when rows were left out.</summary>
public static class HtmlTable
{
    /// <summary>
    /// Renders <paramref name="rows"/> under <paramref name="headers"/>. When <paramref name="totalRows"/>
    /// is more than the rows given, a note says "showing N of M rows".
    /// </summary>
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, long totalRows)
    {
        var html = new StringBuilder("<table><thead><tr>");
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
            foreach (var value in row)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(Text(value))).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (totalRows > shown)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><em>showing {shown} of {totalRows} rows</em></p>");
        }
        return html.ToString();
    }

    /// <summary>A cell value as text: null and DBNull as empty, lists as [a, b], numbers invariant.</summary>
    public static string Text(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object?>().Select(k => $"{Text(k)}: {Text(d[k!])}")) + "}",
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Text)) + "]",
        _ => value.ToString() ?? "",
    };
}

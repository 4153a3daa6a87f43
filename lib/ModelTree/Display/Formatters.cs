using System.Net;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using ModelTree.Display;

namespace ModelTree;

/// <summary>
/// How the workbook's values display in a notebook: a <see cref="DataFrame"/> as a capped table written by the
/// one value renderer (<see cref="ValueText"/>), the same as SQL results; an opened dataset by its description (never
/// its machine paths). Charts are displayed by Plotly.NET.Interactive's formatter, which the kernel loads with the package.
/// </summary>
public static class Formatters
{
    /// <summary>Rows a data frame shows before the table says how many it left out.</summary>
    public const int MaxRows = 100;

    private static readonly object Gate = new();

    private static readonly ITypeFormatter[] Ours =
    [
        new Of<DataFrame>("text/html", f => DataFrameHtml(f)),
        new Of<DataFrame>("text/plain", f => DataFrameText(f)),
        new Of<HubData>("text/html", h => $"<p>{WebUtility.HtmlEncode(h.Description)}</p>"),
        new Of<HubData>("text/plain", h => h.Description),
        new Of<MermaidDiagram>("text/html", d => d.Html()),
        new Of<MermaidDiagram>("text/plain", d => d.Text),
    ];

    /// <summary>
    /// Makes the workbook's formatters the ones in effect, also after a package extension (Microsoft.Data.Analysis's)
    /// registered its own for the same type. Safe to call more than once: each is registered again only when another
    /// has taken its place.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            foreach (var formatter in Ours)
            {
                var current = Formatter.RegisteredFormatters(false).FirstOrDefault(f => f.Type == formatter.Type && f.MimeType == formatter.MimeType);
                if (!ReferenceEquals(current, formatter))
                {
                    Formatter.Register(formatter);
                }
            }
        }
    }

    /// <summary>The data frame as an HTML table of at most <paramref name="maxRows"/> rows.</summary>
    public static string DataFrameHtml(DataFrame frame, int maxRows = MaxRows) =>
        HtmlTable.Render(Headers(frame), Rows(frame, maxRows), frame.Rows.Count);

    /// <summary>The data frame as a plain-text table of at most <paramref name="maxRows"/> rows.</summary>
    public static string DataFrameText(DataFrame frame, int maxRows = MaxRows) =>
        PlainTable.Render(Headers(frame), Rows(frame, maxRows), frame.Rows.Count);

    private static List<string> Headers(DataFrame frame) => frame.Columns.Select(c => c.Name).ToList();

    private static IEnumerable<IReadOnlyList<object?>> Rows(DataFrame frame, int maxRows) =>
        Enumerable.Range(0, (int)Math.Min(frame.Rows.Count, maxRows)).Select(i => frame.Columns.Select(c => c[i]).ToList());

    private sealed class Of<T>(string mimeType, Func<T, string> format) : ITypeFormatter
    {
        public string MimeType => mimeType;

        public Type Type => typeof(T);

        public bool Format(object instance, FormatContext context)
        {
            context.Writer.Write(format((T)instance));
            return true;
        }
    }
}

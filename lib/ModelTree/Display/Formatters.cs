using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace ModelTree.Display;

/// <summary>
/// Formatters for the objects the notebooks show: <see cref="DataFrame"/> as a capped table (HTML and plain
/// text). Charts are displayed by Plotly.NET.Interactive's formatter, which the kernel loads with the package.
/// </summary>
public static class Formatters
{
    /// <summary>Rows a data frame shows before the table says how many it left out.</summary>
    public const int MaxRows = 100;

    /// <summary>The plotly.js that the chart HTML expects, from the CDN (the version Plotly.NET targets).</summary>
    public static string PlotlyScriptUrl => $"https://cdn.plot.ly/plotly-{Globals.PLOTLYJS_VERSION}.min.js";

    /// <summary>Registers every formatter here. Safe to call more than once.</summary>
    public static void Register()
    {
        RegisterOnce(new DataFrameHtmlFormatter());
        RegisterOnce(new DataFrameTextFormatter());
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

    private static readonly object Gate = new();

    private static void RegisterOnce<T>(T formatter) where T : ITypeFormatter
    {
        lock (Gate)
        {
            if (!Formatter.RegisteredFormatters(false).OfType<T>().Any())
            {
                Formatter.Register(formatter);
            }
        }
    }

    private sealed class DataFrameHtmlFormatter : ITypeFormatter
    {
        public string MimeType => "text/html";

        public Type Type => typeof(DataFrame);

        public bool Format(object instance, FormatContext context)
        {
            context.Writer.Write(DataFrameHtml((DataFrame)instance));
            return true;
        }
    }

    private sealed class DataFrameTextFormatter : ITypeFormatter
    {
        public string MimeType => "text/plain";

        public Type Type => typeof(DataFrame);

        public bool Format(object instance, FormatContext context)
        {
            context.Writer.Write(DataFrameText((DataFrame)instance));
            return true;
        }
    }
}

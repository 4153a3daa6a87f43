using Microsoft.Data.Analysis;
using ModelTree.Charts;
using Plotly.NET;
using static ModelTree.Charts.Plot;

namespace ModelTree;

/// <summary>
/// The charts the study notebooks draw, from query results. Each returns a Plotly.NET <see cref="GenericChart"/>
/// that a notebook shows as the cell's value. An empty frame gives an empty chart whose title says there is
/// nothing to show.
/// </summary>
public static class StudyCharts
{
    /// <summary>A bar per label: e.g. models per relation. Bars are labelled with their value.</summary>
    public static GenericChart Bars(IEnumerable<string> labels, IEnumerable<double> values, string title,
        string xTitle = "", string yTitle = "models")
    {
        var x = labels.ToArray();
        var y = values.ToArray();
        var trace = Trace("bar", ("x", x), ("y", y), ("text", y.Select(Number).ToArray()), ("textposition", "auto"));
        return Chart([trace], Titled(title, x.Length), ("xaxis", Axis(xTitle)), ("yaxis", Axis(yTitle)));
    }

    /// <summary>A bar per row of <paramref name="frame"/>: labels from <paramref name="labelColumn"/>, heights from <paramref name="valueColumn"/>.</summary>
    public static GenericChart Bars(DataFrame frame, string labelColumn, string valueColumn, string title,
        string xTitle = "", string yTitle = "models") =>
        Bars(FrameColumns.Texts(frame, labelColumn), FrameColumns.Numbers(frame, valueColumn), title, xTitle, yTitle);

    /// <summary>
    /// One line per series over time: x from <paramref name="timeColumn"/> (dates), y from
    /// <paramref name="valueColumn"/>, one line for each distinct value of <paramref name="seriesColumn"/>
    /// (or a single line when it is null). Rows need not be sorted.
    /// </summary>
    public static GenericChart Lines(DataFrame frame, string timeColumn, string valueColumn, string title,
        string? seriesColumn = null, string yTitle = "models")
    {
        var rows = FrameColumns.Rows(frame, timeColumn, seriesColumn, valueColumn)
            .Where(r => r.X is not null).OrderBy(r => r.X).ToList();
        var traces = rows.GroupBy(r => r.Series).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Trace("scatter",
            ("mode", "lines+markers"),
            ("name", seriesColumn is null ? null : g.Key),
            ("x", g.Select(r => r.X!).ToArray()),
            ("y", g.Select(r => r.Y).ToArray()))).ToList();
        return Chart(traces, Titled(title, rows.Count), ("xaxis", Axis("")), ("yaxis", Axis(yTitle)));
    }

    /// <summary>
    /// Stacked bars: one bar per category of <paramref name="categoryColumn"/>, split into the values of
    /// <paramref name="seriesColumn"/>, heights from <paramref name="valueColumn"/>. Use it for "how this
    /// set is labelled instead": category = the set, series = the label.
    /// </summary>
    public static GenericChart StackedBars(DataFrame frame, string categoryColumn, string seriesColumn, string valueColumn,
        string title, string xTitle = "", string yTitle = "models")
    {
        var rows = FrameColumns.Rows(frame, categoryColumn, seriesColumn, valueColumn).ToList();
        var categories = rows.Select(r => r.X?.ToString() ?? "(none)").Distinct().ToArray();
        var traces = rows.GroupBy(r => r.Series).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Trace("bar",
            ("name", g.Key),
            ("x", categories),
            ("y", categories.Select(c => g.Where(r => (r.X?.ToString() ?? "(none)") == c).Sum(r => r.Y)).ToArray()))).ToList();
        return Chart(traces, Titled(title, rows.Count), ("barmode", "stack"), ("xaxis", Axis(xTitle)), ("yaxis", Axis(yTitle)));
    }

    private static string Titled(string title, int points) => points == 0 ? $"{title} (no rows in this data)" : title;
}

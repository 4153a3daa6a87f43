using Microsoft.Data.Analysis;
using Plotly.NET;

namespace ModelTree.Charts;

/// <summary>
/// The charts the notebooks draw, from query results. Each returns a Plotly.NET <see cref="GenericChart"/>
/// that a notebook shows as the cell's value. Built on Plotly.NET's trace objects (its <c>Chart.*</c>
/// functions take F# optional arguments that C# cannot leave out). An empty frame gives an empty chart
/// whose title says there is nothing to show.
/// </summary>
public static class StudyCharts
{
    /// <summary>A bar per label: e.g. models per relation. Bars are labelled with their value.</summary>
    public static GenericChart Bars(IEnumerable<string> labels, IEnumerable<double> values, string title,
        string xTitle = "", string yTitle = "models")
    {
        var x = labels.ToArray();
        var y = values.ToArray();
        var trace = Trace("bar", x, y);
        trace.SetProperty("text", y.Select(v => v.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        trace.SetProperty("textposition", "auto");
        return Finish(GenericChart.ofTraceObject(true, trace), Titled(title, x.Length), xTitle, yTitle);
    }

    /// <summary>A bar per row of <paramref name="frame"/>: labels from <paramref name="labelColumn"/>, heights from <paramref name="valueColumn"/>.</summary>
    public static GenericChart Bars(DataFrame frame, string labelColumn, string valueColumn, string title,
        string xTitle = "", string yTitle = "models") =>
        Bars(Texts(frame, labelColumn), Numbers(frame, valueColumn), title, xTitle, yTitle);

    /// <summary>
    /// One line per series over time: x from <paramref name="timeColumn"/> (dates), y from
    /// <paramref name="valueColumn"/>, one line for each distinct value of <paramref name="seriesColumn"/>
    /// (or a single line when it is null). Rows need not be sorted.
    /// </summary>
    public static GenericChart Lines(DataFrame frame, string timeColumn, string valueColumn, string title,
        string? seriesColumn = null, string yTitle = "models")
    {
        var rows = Rows(frame, timeColumn, seriesColumn, valueColumn)
            .Where(r => r.X is not null).OrderBy(r => r.X).ToList();
        var charts = rows.GroupBy(r => r.Series).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var trace = Trace("scatter", g.Select(r => r.X!).ToArray(), g.Select(r => r.Y).ToArray());
            trace.SetProperty("mode", "lines+markers");
            if (seriesColumn is not null)
            {
                trace.SetProperty("name", g.Key);
            }
            return GenericChart.ofTraceObject(true, trace);
        }).ToList();
        return Finish(Combine(charts), Titled(title, rows.Count), "", yTitle);
    }

    /// <summary>
    /// Stacked bars: one bar per category of <paramref name="categoryColumn"/>, split into the values of
    /// <paramref name="seriesColumn"/>, heights from <paramref name="valueColumn"/>. Use it for "how this
    /// set is labelled instead": category = the set, series = the label.
    /// </summary>
    public static GenericChart StackedBars(DataFrame frame, string categoryColumn, string seriesColumn, string valueColumn,
        string title, string xTitle = "", string yTitle = "models")
    {
        var rows = Rows(frame, categoryColumn, seriesColumn, valueColumn).ToList();
        var categories = rows.Select(r => r.X?.ToString() ?? "(none)").Distinct().ToArray();
        var charts = rows.GroupBy(r => r.Series).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var y = categories.Select(c => g.Where(r => (r.X?.ToString() ?? "(none)") == c).Sum(r => r.Y)).ToArray();
            var trace = Trace("bar", categories, y);
            trace.SetProperty("name", g.Key);
            return GenericChart.ofTraceObject(true, trace);
        }).ToList();
        var layout = new Layout();
        layout.SetProperty("barmode", "stack");
        return GenericChart.addLayout(layout, Finish(Combine(charts), Titled(title, rows.Count), xTitle, yTitle));
    }

    private static Trace2D Trace(string type, object[] x, double[] y)
    {
        var trace = new Trace2D(type);
        trace.SetProperty("x", x);
        trace.SetProperty("y", y);
        return trace;
    }

    private static Trace2D Trace(string type, string[] x, double[] y) => Trace(type, x.Cast<object>().ToArray(), y);

    private static GenericChart Combine(List<GenericChart> charts) =>
        charts.Count > 0 ? GenericChart.combine(charts) : GenericChart.ofTraceObject(true, new Trace2D("bar"));

    private static GenericChart Finish(GenericChart chart, string title, string xTitle, string yTitle)
    {
        var layout = new Layout();
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title });
        layout.SetProperty("xaxis", Axis(xTitle));
        layout.SetProperty("yaxis", Axis(yTitle));
        return GenericChart.addLayout(layout, chart);
    }

    private static Dictionary<string, object> Axis(string title) =>
        new() { ["title"] = new Dictionary<string, object> { ["text"] = title }, ["automargin"] = true };

    private static string Titled(string title, int points) => points == 0 ? $"{title} (no rows in this data)" : title;

    private static IEnumerable<(object? X, string Series, double Y)> Rows(DataFrame frame, string xColumn, string? seriesColumn, string valueColumn)
    {
        var x = Column(frame, xColumn);
        var series = seriesColumn is null ? null : Column(frame, seriesColumn);
        var y = Column(frame, valueColumn);
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            yield return (x[i], series?[i]?.ToString() ?? (seriesColumn is null ? "" : "(none)"), ToDouble(y[i]));
        }
    }

    private static IEnumerable<string> Texts(DataFrame frame, string column)
    {
        var c = Column(frame, column);
        for (long i = 0; i < c.Length; i++)
        {
            yield return c[i]?.ToString() ?? "(none)";
        }
    }

    private static IEnumerable<double> Numbers(DataFrame frame, string column)
    {
        var c = Column(frame, column);
        for (long i = 0; i < c.Length; i++)
        {
            yield return ToDouble(c[i]);
        }
    }

    private static double ToDouble(object? value) =>
        value is null ? 0 : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    private static DataFrameColumn Column(DataFrame frame, string name) =>
        frame.Columns.IndexOf(name) >= 0 ? frame.Columns[name]
            : throw new ModelTreeException($"The chart needs a column '{name}', but the table has {string.Join(", ", frame.Columns.Select(c => c.Name))}.");
}

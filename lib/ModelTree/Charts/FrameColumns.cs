using System.Globalization;
using Microsoft.Data.Analysis;

namespace ModelTree.Charts;

/// <summary>Reading a chart's values out of a <see cref="DataFrame"/>, by column name, with a clear error for a missing column.</summary>
internal static class FrameColumns
{
    /// <summary>Each row's x value, series name ("" when there is no series column) and y value.</summary>
    public static IEnumerable<(object? X, string Series, double Y)> Rows(DataFrame frame, string xColumn, string? seriesColumn, string valueColumn)
    {
        var x = Column(frame, xColumn);
        var series = seriesColumn is null ? null : Column(frame, seriesColumn);
        var y = Column(frame, valueColumn);
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            yield return (x[i], series?[i]?.ToString() ?? (seriesColumn is null ? "" : "(none)"), ToDouble(y[i]));
        }
    }

    /// <summary>A column's values as text, null as "(none)".</summary>
    public static IEnumerable<string> Texts(DataFrame frame, string column)
    {
        var c = Column(frame, column);
        for (long i = 0; i < c.Length; i++)
        {
            yield return c[i]?.ToString() ?? "(none)";
        }
    }

    /// <summary>A column's values as numbers, null as 0.</summary>
    public static IEnumerable<double> Numbers(DataFrame frame, string column)
    {
        var c = Column(frame, column);
        for (long i = 0; i < c.Length; i++)
        {
            yield return ToDouble(c[i]);
        }
    }

    private static double ToDouble(object? value) => value is null ? 0 : Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static DataFrameColumn Column(DataFrame frame, string name) =>
        frame.Columns.IndexOf(name) >= 0 ? frame.Columns[name]
            : throw new ModelTreeException($"The chart needs a column '{name}', but the table has {string.Join(", ", frame.Columns.Select(c => c.Name))}.");
}

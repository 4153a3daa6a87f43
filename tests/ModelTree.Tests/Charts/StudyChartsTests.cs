using System.Text.Json;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace ModelTree.Tests.Charts;

public class StudyChartsTests
{
    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement;

    [Fact]
    public void Bars_draw_one_bar_per_label_with_its_value()
    {
        var figure = Figure(StudyCharts.Bars(["finetune", "adapter"], [3, 5], "Models by relation"));

        var trace = Assert.Single(figure.GetProperty("data").EnumerateArray());
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal(["finetune", "adapter"], trace.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([3.0, 5.0], trace.GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
        Assert.Equal("Models by relation", figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Bars_read_a_frame_and_call_null_labels_none()
    {
        var frame = new DataFrame(new StringDataFrameColumn("relation", ["finetune", null]), new Int64DataFrameColumn("models", [7, 2]));

        var trace = Figure(StudyCharts.Bars(frame, "relation", "models", "t")).GetProperty("data")[0];

        Assert.Equal(["finetune", "(none)"], trace.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Lines_draw_one_line_per_series_in_time_order()
    {
        var frame = new DataFrame(
            new PrimitiveDataFrameColumn<DateTime>("month", [new DateTime(2025, 2, 1), new DateTime(2025, 1, 1), new DateTime(2025, 1, 1)]),
            new StringDataFrameColumn("recorded", ["card only", "card only", "neither"]),
            new Int64DataFrameColumn("models", [4, 3, 1]));

        var traces = Figure(StudyCharts.Lines(frame, "month", "models", "Growth", "recorded")).GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(2, traces.Count);
        Assert.Equal("card only", traces[0].GetProperty("name").GetString());
        Assert.Equal([3.0, 4.0], traces[0].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
    }

    [Fact]
    public void Stacked_bars_put_each_label_on_every_category()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("set", ["ambiguous", "ambiguous", "other"]),
            new StringDataFrameColumn("relation", ["finetune", "merge", "finetune"]),
            new Int64DataFrameColumn("models", [5, 1, 2]));

        var figure = Figure(StudyCharts.StackedBars(frame, "set", "relation", "models", "How they are labelled"));
        var traces = figure.GetProperty("data").EnumerateArray().ToList();

        Assert.Equal("stack", figure.GetProperty("layout").GetProperty("barmode").GetString());
        Assert.Equal(["finetune", "merge"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([5.0, 2.0], traces[0].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
        Assert.Equal([1.0, 0.0], traces[1].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
    }

    [Fact]
    public void An_empty_frame_gives_a_chart_that_says_so()
    {
        var frame = new DataFrame(new StringDataFrameColumn("set", 0), new StringDataFrameColumn("relation", 0), new Int64DataFrameColumn("models", 0));

        var figure = Figure(StudyCharts.StackedBars(frame, "set", "relation", "models", "Ambiguous"));

        Assert.Contains("no rows", figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void A_missing_column_is_named_in_the_error()
    {
        var frame = new DataFrame(new StringDataFrameColumn("relation", ["x"]));

        var error = Assert.Throws<ModelTreeException>(() => StudyCharts.Bars(frame, "relation", "count", "t"));
        Assert.Contains("'count'", error.Message);
    }
}

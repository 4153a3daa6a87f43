using Microsoft.FSharp.Core;
using ModelTree.Rules;
using Plotly.NET;
using HeatmapChart = Plotly.NET.Chart2D_Heatmap.Chart;

namespace ModelTree.Charts;

/// <summary>Charts of a rule set's results (Plotly.NET), each titled with where its figures come from.</summary>
public static class RuleCharts
{
    /// <summary>
    /// The confusion matrix as a heat map: the Hub's label down, the prediction across, each cell's
    /// count written in it and its colour the cell's share of the Hub's row (so a small class reads as
    /// clearly as a big one).
    /// </summary>
    public static GenericChart Confusion(Classification result, string source = "this data")
    {
        var matrix = result.Confusion;
        var hub = matrix.HubLabels.Reverse().ToList(); // first label at the top
        var predicted = matrix.PredictedLabels.ToList();
        var share = hub.Select(h =>
        {
            var total = matrix.HubCount(h);
            return predicted.Select(p => total == 0 ? 0.0 : Math.Round((double)matrix[h, p] / total, 4)).ToList();
        }).ToList();
        var counts = hub.Select(h => predicted.Select(p => matrix[h, p].ToString("N0")).ToList()).ToList();

        var chart = HeatmapChart.Heatmap<List<double>, double, string>(
            zData: share, colNames: predicted, rowNames: hub,
            Name: null, ShowLegend: null, Opacity: null, XGap: FSharpOption<int>.Some(2), YGap: FSharpOption<int>.Some(2),
            Text: null, MultiText: null, ColorBar: null,
            ColorScale: FSharpOption<StyleParam.Colorscale>.Some(StyleParam.Colorscale.NewCustom(
                [Tuple.Create(0.0, Color.fromString("#f7fbff")), Tuple.Create(1.0, Color.fromString("#08519c"))])),
            ShowScale: FSharpOption<bool>.Some(true), ReverseScale: null, ZSmooth: null, Transpose: null,
            UseWebGL: null, ReverseYAxis: null, UseDefaults: null);
        chart = GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("text", counts);
            trace.SetProperty("texttemplate", "%{text}");
            trace.SetProperty("hovertemplate", "Hub %{y}, predicted %{x}: %{text} models (%{z:.1%} of the row)<extra></extra>");
            trace.SetProperty("zmin", 0.0);
            trace.SetProperty("zmax", 1.0);
            return trace;
        }), chart);
        return WithLayout(chart,
            $"Rule set '{result.RuleSet}' against the Hub's label ({source}); colour: share of the Hub's row",
            "predicted by the rules", "Hub label (baseModels.relation)");
    }

    /// <summary>Precision, recall and F1 per class as grouped columns (classes with no model left out).</summary>
    public static GenericChart PerClass(Classification result, string source = "this data")
    {
        var metrics = result.PerClass.Where(m => m.Support > 0 || m.Predicted > 0).ToList();
        var labels = metrics.Select(m => m.Label).ToList();
        Trace Bars(string name, Func<ClassMetrics, double?> value)
        {
            var trace = new Trace("bar");
            trace.SetProperty("name", name);
            trace.SetProperty("x", labels);
            trace.SetProperty("y", metrics.Select(m => value(m) is { } v ? Math.Round(v, 4) : 0.0).ToList());
            return trace;
        }
        var chart = GenericChart.ofTraceObjects(true, new[]
        {
            Bars("precision", m => m.Precision), Bars("recall", m => m.Recall), Bars("F1", m => m.F1),
        });
        return WithLayout(chart, $"Rule set '{result.RuleSet}' per class ({source})", "class", "score (0 to 1)");
    }

    private static GenericChart WithLayout(GenericChart chart, string title, string xTitle, string yTitle)
    {
        static DynamicObj.DynamicObj Text(string text)
        {
            var obj = new DynamicObj.DynamicObj();
            obj.SetProperty("text", text);
            return obj;
        }
        static DynamicObj.DynamicObj Axis(string text)
        {
            var axis = new DynamicObj.DynamicObj();
            axis.SetProperty("title", Text(text));
            return axis;
        }
        var layout = new Layout();
        layout.SetProperty("title", Text(title));
        layout.SetProperty("xaxis", Axis(xTitle));
        layout.SetProperty("yaxis", Axis(yTitle));
        return GenericChart.addLayout(layout, chart);
    }
}

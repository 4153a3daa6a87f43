using ModelTree.Rules;
using Plotly.NET;
using static ModelTree.Charts.Plot;

namespace ModelTree;

/// <summary>Charts of a rule set's results, each titled with where its figures come from.</summary>
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
            return predicted.Select(p => total == 0 ? 0.0 : Math.Round((double)matrix[h, p] / total, 4)).ToArray();
        }).ToArray();
        var counts = hub.Select(h => predicted.Select(p => matrix[h, p].ToString("N0")).ToArray()).ToArray();
        var trace = Trace("heatmap",
            ("z", share), ("x", predicted), ("y", hub), ("xgap", 2), ("ygap", 2),
            ("colorscale", new object[] { new object[] { 0.0, "#f7fbff" }, new object[] { 1.0, "#08519c" } }),
            ("zmin", 0.0), ("zmax", 1.0), ("showscale", true),
            ("text", counts), ("texttemplate", "%{text}"),
            ("hovertemplate", "Hub %{y}, predicted %{x}: %{text} models (%{z:.1%} of the row)<extra></extra>"));
        return Chart([trace], $"Rule set '{result.RuleSet}' against the Hub's label ({source}); colour: share of the Hub's row",
            ("xaxis", Axis("predicted by the rules")), ("yaxis", Axis("Hub label (baseModels.relation)")));
    }

    /// <summary>Precision, recall and F1 per class as grouped columns (classes with no model left out).</summary>
    public static GenericChart PerClass(Classification result, string source = "this data")
    {
        var metrics = result.PerClass.Where(m => m.Support > 0 || m.Predicted > 0).ToList();
        var labels = metrics.Select(m => m.Label).ToArray();
        Trace Bars(string name, Func<ClassMetrics, double?> value) => Trace("bar",
            ("name", name), ("x", labels), ("y", metrics.Select(m => value(m) is { } v ? Math.Round(v, 4) : 0.0).ToArray()));
        return Chart([Bars("precision", m => m.Precision), Bars("recall", m => m.Recall), Bars("F1", m => m.F1)],
            $"Rule set '{result.RuleSet}' per class ({source})", ("xaxis", Axis("class")), ("yaxis", Axis("score (0 to 1)")));
    }
}

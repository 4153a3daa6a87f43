using Microsoft.Data.Analysis;
using ModelTree.Charts;
using ModelTree.Ecosystem;
using Plotly.NET;
using static ModelTree.Charts.Plot;

namespace ModelTree;

/// <summary>Charts of seed 002's questions (notebook 08) and of the task experiment (notebook 09).</summary>
public static class EcosystemCharts
{
    /// <summary>The share of models missing each field, with the seed's two published shares marked beside.</summary>
    public static GenericChart Missing(IReadOnlyList<MissingShare> missing, string source)
    {
        var fields = missing.Select(m => m.Field).ToArray();
        var ours = Trace("bar", ("name", source), ("x", fields), ("y", missing.Select(m => Math.Round(m.Share, 4)).ToArray()),
            ("text", missing.Select(m => $"{m.Share:P1}").ToArray()), ("textposition", "outside"), ("marker", Object(("color", "#1f77b4"))));
        var seed = Trace("bar", ("name", SeedEcosystem.Label), ("x", new[] { "parameters", "task" }),
            ("y", new[] { Math.Round(1 - ((double)SeedEcosystem.WithSize / SeedEcosystem.Models), 4), SeedEcosystem.TaskMissingShare }),
            ("text", new[] { "68.9%", "about 25%" }), ("textposition", "outside"), ("marker", Object(("color", "#ff7f0e"))));
        return Chart([ours, seed], $"Share of models without each field ({source}; seed beside)", ("barmode", "group"),
            ("xaxis", Axis("field")), ("yaxis", Axis("share of models without it", false, ("tickformat", ".0%"), ("range", new[] { 0.0, 1.1 }))),
            ("width", 760), ("height", 440));
    }

    /// <summary>A horizontal bar chart of names by model count, the largest at the top.</summary>
    public static GenericChart TopBars(IReadOnlyList<NamedCount> counts, string what, string source)
    {
        var ordered = counts.Reverse().ToArray();
        var trace = Trace("bar", ("orientation", "h"), ("y", ordered.Select(c => c.Name).ToArray()), ("x", ordered.Select(c => c.Models).ToArray()),
            ("text", ordered.Select(c => Number(c.Models)).ToArray()), ("textposition", "outside"), ("marker", Object(("color", "#1f77b4"))));
        return Chart([trace], $"The {counts.Count} {what} with the most models ({source})",
            ("xaxis", Axis("models")), ("yaxis", Axis(what)), ("width", 760), ("height", 160 + (22 * counts.Count)), ("showlegend", false));
    }

    /// <summary>
    /// Mean (or median) downloads against mean (or median) likes of each group of <see cref="EcosystemStats.Popularity"/>
    /// on log axes, one bubble per group sized by its models; dotted lines at the groups' medians cut the quadrants the
    /// seed reads ("upper right": both high; "upper left": liked more than downloaded).
    /// </summary>
    public static GenericChart Popularity(DataFrame popularity, string source, bool median = false)
    {
        var key = popularity.Columns[0].Name;
        var names = FrameColumns.Texts(popularity, key).ToArray();
        var models = FrameColumns.Numbers(popularity, "models").ToArray();
        var stat = median ? "median" : "mean";
        // log axes cannot show 0: a group whose typical model has none sits at 0.1 (said in the hover).
        var x = FrameColumns.Numbers(popularity, $"{stat}_downloads").Select(v => Math.Max(v, 0.1)).ToArray();
        var y = FrameColumns.Numbers(popularity, $"{stat}_likes").Select(v => Math.Max(v, 0.01)).ToArray();
        var biggest = models.Length == 0 ? 1 : models.Max();
        var trace = Trace("scatter", ("mode", "markers+text"), ("x", x), ("y", y), ("text", names), ("textposition", "top center"),
            ("marker", Object(("size", models.Select(m => 8 + (40 * Math.Sqrt(m / biggest))).ToArray()), ("color", "#1f77b4"), ("opacity", 0.6))),
            ("customdata", models), ("hovertemplate", $"%{{text}}: %{{customdata:,}} models, {stat} downloads %{{x:,.1f}}, {stat} likes %{{y:,.2f}} (0 drawn at 0.1 / 0.01)<extra></extra>"));
        var traces = new List<Trace> { trace };
        if (x.Length > 0)
        {
            var mx = Median(x);
            var my = Median(y);
            traces.Add(Trace("scatter", ("mode", "lines"), ("x", new[] { mx, mx }), ("y", new[] { y.Min(), y.Max() }), ("line", Object(("dash", "dot"), ("color", "#999"))), ("hoverinfo", "skip")));
            traces.Add(Trace("scatter", ("mode", "lines"), ("x", new[] { x.Min(), x.Max() }), ("y", new[] { my, my }), ("line", Object(("dash", "dot"), ("color", "#999"))), ("hoverinfo", "skip")));
        }
        return Chart(traces, $"{char.ToUpperInvariant(stat[0])}{stat[1..]} downloads and likes of the {names.Length} {key}s with the most models ({source}); bubble: models; dotted: medians",
            ("xaxis", Axis($"{stat} downloads (log)", log: true)), ("yaxis", Axis($"{stat} likes (log)", log: true)), ("showlegend", false),
            ("width", 820), ("height", 600));
    }

    /// <summary>
    /// The histogram of model sizes on a log axis (bars 0.1 of a decade wide), coloured by cluster, each cluster's range in
    /// the legend.
    /// </summary>
    public static GenericChart SizeHistogram(IReadOnlyList<(long Parameters, long Models)> sizes, IReadOnlyList<SizeCluster> clusters, string source)
    {
        string[] colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
        var traces = clusters.Select((c, i) =>
        {
            var bins = sizes.Where(s => s.Parameters >= c.Min && s.Parameters <= c.Max)
                .GroupBy(s => Math.Floor(Math.Log10(s.Parameters) * 10) / 10).OrderBy(g => g.Key).ToList();
            return Trace("bar", ("name", $"{c.Range}: {Number(c.Models)}"),
                ("x", bins.Select(b => Math.Pow(10, b.Key + 0.05)).ToArray()), ("y", bins.Select(b => b.Sum(s => s.Models)).ToArray()),
                ("width", bins.Select(b => Math.Pow(10, b.Key + 0.1) - Math.Pow(10, b.Key)).ToArray()),
                ("marker", Object(("color", colors[i % colors.Length]))),
                ("hovertemplate", "about %{x:.3s} parameters: %{y:,} models<extra></extra>"));
        }).ToList();
        return Chart(traces, $"Models by parameter count (log axis), coloured by size cluster ({source})",
            ("barmode", "overlay"), ("bargap", 0), ("xaxis", Axis("parameters (safetensors.total, log)", log: true)), ("yaxis", Axis("models")),
            ("width", 820), ("height", 460));
    }

    /// <summary>The seed's five size bins: the share of sized models in each, the seed's beside this data's.</summary>
    public static GenericChart SeedBins(IReadOnlyList<SizeCluster> bins, string source)
    {
        var labels = SeedEcosystem.SizeClusters.Select(c => c.Range).ToArray();
        var total = Math.Max(1, bins.Sum(b => b.Models));
        var seedTotal = SeedEcosystem.SizeClusters.Sum(c => c.Models);
        var ours = Trace("bar", ("name", source), ("x", labels), ("y", bins.Select(b => Math.Round((double)b.Models / total, 4)).ToArray()),
            ("text", bins.Select(b => Number(b.Models)).ToArray()), ("textposition", "outside"), ("marker", Object(("color", "#1f77b4"))));
        var seed = Trace("bar", ("name", SeedEcosystem.Label), ("x", labels),
            ("y", SeedEcosystem.SizeClusters.Select(c => Math.Round((double)c.Models / seedTotal, 4)).ToArray()),
            ("text", SeedEcosystem.SizeClusters.Select(c => Number(c.Models)).ToArray()), ("textposition", "outside"), ("marker", Object(("color", "#ff7f0e"))));
        return Chart([ours, seed], $"The seed's five size bins: share of the models with a size ({source}; seed beside; labels: models)",
            ("barmode", "group"), ("xaxis", Axis("parameters (the seed's ranges)")), ("yaxis", Axis("share of models with a size", false, ("tickformat", ".0%"))),
            ("width", 760), ("height", 440));
    }

    /// <summary>Models created per month, stacked by relation.</summary>
    public static GenericChart CreatedByMonth(DataFrame frame, string source)
    {
        var rows = FrameColumns.Rows(frame, "month", "relation", "models").ToList();
        var months = rows.Select(r => r.X?.ToString() ?? "").Distinct().Order(StringComparer.Ordinal).ToArray();
        var traces = rows.GroupBy(r => r.Series).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var byMonth = g.ToDictionary(r => r.X?.ToString() ?? "", r => r.Y);
            return Trace("bar", ("name", g.Key), ("x", months), ("y", months.Select(m => byMonth.GetValueOrDefault(m)).ToArray()));
        });
        return Chart(traces, $"Models created per month, by relation to a base ({source})", ("barmode", "stack"),
            ("xaxis", Axis("month created")), ("yaxis", Axis("models")), ("width", 820), ("height", 440));
    }

    /// <summary>Tensor types: the share of models storing most of their parameters in each dtype.</summary>
    public static GenericChart TensorTypes(DataFrame frame, string source)
    {
        var dtypes = FrameColumns.Texts(frame, "dtype").ToArray();
        var trace = Trace("bar", ("x", dtypes), ("y", FrameColumns.Numbers(frame, "share_of_models").ToArray()),
            ("text", FrameColumns.Numbers(frame, "models_mostly_in_it").Select(Number).ToArray()), ("textposition", "outside"),
            ("marker", Object(("color", "#1f77b4"))));
        return Chart([trace], $"Tensor types: share of models storing most of their parameters in each (safetensors; {source})",
            ("xaxis", Axis("dtype")), ("yaxis", Axis("share of models with safetensors", false, ("tickformat", ".0%"))), ("showlegend", false),
            ("width", 760), ("height", 420));
    }

    /// <summary>Accuracy and macro-F1 of each classifier beside the majority-class baseline.</summary>
    public static GenericChart Trainers(TaskPrediction result, string source)
    {
        var all = result.Trainers.Append(result.Baseline).ToList();
        var names = all.Select(t => t.Name).ToArray();
        Trace Bars(string name, Func<TrainerScore, double> value, string color) => Trace("bar", ("name", name), ("x", names),
            ("y", all.Select(t => Math.Round(value(t), 4)).ToArray()), ("text", all.Select(t => value(t).ToString("0.000")).ToArray()),
            ("textposition", "outside"), ("marker", Object(("color", color))));
        return Chart([Bars("accuracy", t => t.Accuracy, "#1f77b4"), Bars("macro-F1", t => t.MacroF1, "#ff7f0e")],
            $"Predicting the task: {Number(result.Test)} held-out models, {result.Classes.Count} tasks ({source})",
            ("barmode", "group"), ("xaxis", Axis("classifier")), ("yaxis", Axis("score", false, ("range", new[] { 0.0, 1.1 }))),
            ("width", 820), ("height", 460));
    }

    /// <summary>The confusion matrix of a classifier as a heat map: each true task's row as shares, the counts written in.</summary>
    public static GenericChart Confusion(TrainerScore score, string source)
    {
        var classes = score.Classes.ToArray();
        var rows = Enumerable.Range(0, classes.Length).Reverse().ToArray();
        var share = rows.Select(i =>
        {
            var total = score.Confusion[i].Sum();
            return score.Confusion[i].Select(n => total == 0 ? 0.0 : Math.Round((double)n / total, 4)).ToArray();
        }).ToArray();
        var trace = Trace("heatmap", ("z", share), ("x", classes), ("y", rows.Select(i => classes[i]).ToArray()),
            ("text", rows.Select(i => score.Confusion[i].Select(n => n.ToString("N0")).ToArray()).ToArray()), ("texttemplate", "%{text}"),
            ("colorscale", new object[] { new object[] { 0.0, "#f7fbff" }, new object[] { 1.0, "#08519c" } }), ("zmin", 0.0), ("zmax", 1.0),
            ("hovertemplate", "true %{y}, predicted %{x}: %{text} (%{z:.1%} of the true task)<extra></extra>"));
        return Chart([trace], $"Where {score.Name} errs: true task (rows) against predicted (columns), held-out models ({source})",
            ("xaxis", Axis("predicted task", false, ("tickangle", -40))), ("yaxis", Axis("true task")),
            ("width", 860), ("height", 260 + (34 * classes.Length)));
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

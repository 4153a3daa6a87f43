using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;

namespace ModelTree.Rules;

/// <summary>
/// A rule set run over a whole table and scored against the Hub's label (<c>baseModels.relation</c>):
/// the confusion matrix, per-class metrics, coverage, ambiguous and contested counts, and the
/// disagreements grouped by reason. Made by <see cref="RuleRunner.Classify"/> in one scan.
/// </summary>
public sealed record Classification
{
    /// <summary>The rule set's name.</summary>
    public required string RuleSet { get; init; }

    /// <summary>Hub label x predicted label.</summary>
    public required ConfusionMatrix Confusion { get; init; }

    /// <summary>Models where matching rules yield more than one relation (settled by precedence, or ambiguous).</summary>
    public required long Contested { get; init; }

    /// <summary>How many models each rule decided (and <c>otherwise</c>, <c>no base</c>), most first.</summary>
    public required IReadOnlyList<RuleCount> Firing { get; init; }

    /// <summary>Models where prediction and Hub differ, grouped by Hub label, prediction and the rule that decided; most first.</summary>
    public required IReadOnlyList<DisagreementReason> Disagreements { get; init; }

    /// <summary>All models.</summary>
    public long Rows => Confusion.Total;

    /// <summary>Per class: precision, recall, F1, support.</summary>
    public IReadOnlyList<ClassMetrics> PerClass => Confusion.Metrics();

    /// <summary>Rows the rules label vs rows the Hub labels.</summary>
    public Coverage Coverage => Confusion.Coverage();

    /// <summary>Models whose rules tie at the top level of precedence.</summary>
    public long Ambiguous => Confusion.PredictedCount(Labels.Ambiguous);

    /// <summary>Share of the Hub-labelled models predicted right.</summary>
    public double? Accuracy => Confusion.Accuracy;

    /// <summary>The metrics of one class.</summary>
    public ClassMetrics this[string label] =>
        PerClass.FirstOrDefault(c => c.Label == label) ?? new ClassMetrics(label, 0, 0, 0);

    /// <summary>Builds the result from grouped counts (one group per Hub label, prediction, firing rule and contested flag).</summary>
    public static Classification From(string ruleSet, IEnumerable<LabelGroup> groups)
    {
        var list = groups.ToList();
        return new Classification
        {
            RuleSet = ruleSet,
            Confusion = new ConfusionMatrix(list.Select(g => (g.Hub, g.Predicted, g.Count))),
            Contested = list.Where(g => g.Contested).Sum(g => g.Count),
            Firing = list.GroupBy(g => g.Rule)
                .Select(g => new RuleCount(g.Key, g.Sum(x => x.Count)))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Rule, StringComparer.Ordinal).ToList(),
            Disagreements = list.Where(g => g.Hub != g.Predicted)
                .GroupBy(g => (g.Hub, g.Predicted, g.Rule))
                .Select(g => new DisagreementReason(g.Key.Hub, g.Key.Predicted, g.Key.Rule, g.Sum(x => x.Count)))
                .OrderByDescending(d => d.Count).ThenBy(d => d.Hub).ThenBy(d => d.Predicted).ThenBy(d => d.Rule).ToList(),
        };
    }

    /// <summary>Precision, recall, F1 and support per class.</summary>
    public DataFrame PerClassFrame()
    {
        var metrics = PerClass;
        return new DataFrame(
            new StringDataFrameColumn("label", metrics.Select(m => m.Label)),
            new DoubleDataFrameColumn("precision", metrics.Select(m => Round(m.Precision))),
            new DoubleDataFrameColumn("recall", metrics.Select(m => Round(m.Recall))),
            new DoubleDataFrameColumn("f1", metrics.Select(m => Round(m.F1))),
            new Int64DataFrameColumn("support", metrics.Select(m => m.Support)),
            new Int64DataFrameColumn("predicted", metrics.Select(m => m.Predicted)),
            new Int64DataFrameColumn("correct", metrics.Select(m => m.Correct)));
    }

    /// <summary>The disagreements by reason: Hub label, prediction, deciding rule, count.</summary>
    public DataFrame DisagreementsFrame() => new(
        new StringDataFrameColumn("hub", Disagreements.Select(d => d.Hub)),
        new StringDataFrameColumn("predicted", Disagreements.Select(d => d.Predicted)),
        new StringDataFrameColumn("rule", Disagreements.Select(d => d.Rule)),
        new Int64DataFrameColumn("models", Disagreements.Select(d => d.Count)));

    /// <summary>
    /// The result as one JSON object: <c>ruleSet</c>, <c>rows</c>, <c>confusion</c> (Hub label -&gt;
    /// predicted -&gt; count), <c>perClass</c> (label -&gt; precision, recall, f1, support),
    /// <c>coverage</c>, <c>ambiguous</c>, <c>contested</c>, <c>accuracy</c>. Ratios are rounded to four
    /// decimals; null where undefined.
    /// </summary>
    public JsonObject ToJson()
    {
        var confusion = new JsonObject();
        foreach (var (hub, row) in Confusion.ToDictionary())
        {
            var cells = new JsonObject();
            foreach (var (predicted, count) in row)
            {
                cells[predicted] = count;
            }
            confusion[hub] = cells;
        }
        var perClass = new JsonObject();
        foreach (var m in PerClass)
        {
            perClass[m.Label] = new JsonObject
            {
                ["precision"] = Round(m.Precision),
                ["recall"] = Round(m.Recall),
                ["f1"] = Round(m.F1),
                ["support"] = m.Support,
            };
        }
        var coverage = Coverage;
        return new JsonObject
        {
            ["ruleSet"] = RuleSet,
            ["rows"] = Rows,
            ["confusion"] = confusion,
            ["perClass"] = perClass,
            ["coverage"] = new JsonObject
            {
                ["rows"] = coverage.Rows,
                ["hubLabelled"] = coverage.HubLabelled,
                ["rulesLabelled"] = coverage.RulesLabelled,
                ["bothLabelled"] = coverage.BothLabelled,
                ["ambiguous"] = coverage.Ambiguous,
                ["ratio"] = Round(coverage.Ratio),
            },
            ["ambiguous"] = Ambiguous,
            ["contested"] = Contested,
            ["accuracy"] = Round(Accuracy),
        };
    }

    /// <summary>What the data scored is (<c>HubData.DataLabel</c>: synthetic sample, real records, April 2025, ...), when known.</summary>
    public string? DataLabel { get; init; }

    public override string ToString() =>
        $"{RuleSet}{(DataLabel is null ? "" : $" on the {DataLabel}")}: accuracy {(Accuracy is { } a ? a.ToString("P1") : "n/a")} on {Coverage.HubLabelled} Hub-labelled models; " +
        $"{Ambiguous} ambiguous, {Contested} contested";

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}

using Microsoft.Data.Analysis;

namespace ModelTree.Rules;

/// <summary>Two rule sets run on the same table: both classifications and what moved between them.</summary>
public sealed record RuleComparison
{
    /// <summary>The first rule set's result.</summary>
    public required Classification Before { get; init; }

    /// <summary>The second rule set's result.</summary>
    public required Classification After { get; init; }

    /// <summary>Models whose label moved, by Hub label and old and new prediction; most first.</summary>
    public required IReadOnlyList<LabelChange> Changes { get; init; }

    /// <summary>How many models changed label.</summary>
    public long Changed => Changes.Sum(c => c.Count);

    /// <summary>Per predicted label: count before and after, gained, lost, F1 before and after.</summary>
    public IReadOnlyList<ClassChange> PerClass
    {
        get
        {
            var labels = Labels.Ordered(Before.Confusion.PredictedLabels.Concat(After.Confusion.PredictedLabels)
                .Concat(Records.Relations.Known));
            return labels.Select(label => new ClassChange(
                label,
                Before.Confusion.PredictedCount(label),
                After.Confusion.PredictedCount(label),
                Changes.Where(c => c.To == label).Sum(c => c.Count),
                Changes.Where(c => c.From == label).Sum(c => c.Count),
                Labels.IsRelation(label) ? Before[label].F1 : null,
                Labels.IsRelation(label) ? After[label].F1 : null)).ToList();
        }
    }

    /// <summary>Builds the comparison from counts grouped by both sides.</summary>
    public static RuleComparison From(string before, string after, IEnumerable<(LabelGroup Before, LabelGroup After)> groups)
    {
        var list = groups.ToList();
        return new RuleComparison
        {
            Before = Classification.From(before, list.Select(g => g.Before)),
            After = Classification.From(after, list.Select(g => g.After)),
            Changes = list.Where(g => g.Before.Predicted != g.After.Predicted)
                .GroupBy(g => (g.Before.Hub, g.Before.Predicted, g.After.Predicted))
                .Select(g => new LabelChange(g.Key.Hub, g.Key.Item2, g.Key.Item3, g.Sum(x => x.Before.Count)))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Hub).ThenBy(c => c.From).ThenBy(c => c.To).ToList(),
        };
    }

    /// <summary>The moves as a table: Hub label, from, to, models, and whether the move agrees with the Hub.</summary>
    public DataFrame ChangesFrame() => new(
        new StringDataFrameColumn("hub", Changes.Select(c => c.Hub)),
        new StringDataFrameColumn("from", Changes.Select(c => c.From)),
        new StringDataFrameColumn("to", Changes.Select(c => c.To)),
        new Int64DataFrameColumn("models", Changes.Select(c => c.Count)),
        new StringDataFrameColumn("effect", Changes.Select(c =>
            c.To == c.Hub ? "now right" : c.From == c.Hub ? "now wrong" : "still wrong")));

    /// <summary>Per class, before and after.</summary>
    public DataFrame PerClassFrame()
    {
        var rows = PerClass;
        return new DataFrame(
            new StringDataFrameColumn("label", rows.Select(r => r.Label)),
            new Int64DataFrameColumn("before", rows.Select(r => r.Before)),
            new Int64DataFrameColumn("after", rows.Select(r => r.After)),
            new Int64DataFrameColumn("gained", rows.Select(r => r.Gained)),
            new Int64DataFrameColumn("lost", rows.Select(r => r.Lost)),
            new DoubleDataFrameColumn("f1 before", rows.Select(r => r.F1Before is { } f ? Math.Round(f, 4) : (double?)null)),
            new DoubleDataFrameColumn("f1 after", rows.Select(r => r.F1After is { } f ? Math.Round(f, 4) : (double?)null)));
    }

    public override string ToString() =>
        $"{Before.RuleSet} -> {After.RuleSet}: {Changed} models change label; accuracy " +
        $"{(Before.Accuracy is { } a ? a.ToString("P1") : "n/a")} -> {(After.Accuracy is { } b ? b.ToString("P1") : "n/a")}";
}

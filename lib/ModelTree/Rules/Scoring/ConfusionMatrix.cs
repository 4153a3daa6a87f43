namespace ModelTree.Rules;

/// <summary>
/// Counts of models by the Hub's label (rows) and the predicted label (columns). Labels are the four
/// relations, any other label the Hub uses, <see cref="Labels.Ambiguous"/> (predicted only) and
/// <see cref="Labels.None"/>. Metrics derive from it alone.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly Dictionary<(string Hub, string Predicted), long> _cells;

    /// <summary>Builds a matrix from cells; repeated cells add up.</summary>
    public ConfusionMatrix(IEnumerable<(string Hub, string Predicted, long Count)> cells)
    {
        _cells = [];
        foreach (var (hub, predicted, count) in cells)
        {
            _cells[(hub, predicted)] = _cells.GetValueOrDefault((hub, predicted)) + count;
        }
        HubLabels = Labels.Ordered(_cells.Keys.Select(k => k.Hub)).ToList();
        PredictedLabels = Labels.Ordered(_cells.Keys.Select(k => k.Predicted)).ToList();
    }

    /// <summary>The Hub's labels present, in display order.</summary>
    public IReadOnlyList<string> HubLabels { get; }

    /// <summary>The predicted labels present, in display order.</summary>
    public IReadOnlyList<string> PredictedLabels { get; }

    /// <summary>Models with this Hub label and this prediction.</summary>
    public long this[string hub, string predicted] => _cells.GetValueOrDefault((hub, predicted));

    /// <summary>All models.</summary>
    public long Total => _cells.Values.Sum();

    /// <summary>Models the Hub gives this label.</summary>
    public long HubCount(string label) => _cells.Where(c => c.Key.Hub == label).Sum(c => c.Value);

    /// <summary>Models predicted with this label.</summary>
    public long PredictedCount(string label) => _cells.Where(c => c.Key.Predicted == label).Sum(c => c.Value);

    /// <summary>Hub label -> predicted label -> count, with zero cells left out (the JSON form).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> ToDictionary() =>
        HubLabels.ToDictionary(
            hub => hub,
            hub => (IReadOnlyDictionary<string, long>)PredictedLabels
                .Where(p => this[hub, p] != 0)
                .ToDictionary(p => p, p => this[hub, p]));

    /// <summary>Precision, recall and F1 for each class: the four relations and any other label the Hub or the rules use (not none, not ambiguous).</summary>
    public IReadOnlyList<ClassMetrics> Metrics()
    {
        var classes = Labels.Ordered(Records.Relations.Known.Concat(HubLabels).Concat(PredictedLabels))
            .Where(l => l is not (Labels.None or Labels.Ambiguous));
        return classes.Select(c => ClassMetrics.From(c, this[c, c], PredictedCount(c), HubCount(c))).ToList();
    }

    /// <summary>Models the Hub labels whose prediction is that label (the numerator of <see cref="Accuracy"/>).</summary>
    public long Correct() => _cells.Where(c => c.Key.Hub != Labels.None && c.Key.Hub == c.Key.Predicted).Sum(c => c.Value);

    /// <summary>Share of the models the Hub labels whose prediction is that label; null when the Hub labels none.</summary>
    public double? Accuracy
    {
        get
        {
            var labelled = _cells.Where(c => c.Key.Hub != Labels.None).Sum(c => c.Value);
            var right = _cells.Where(c => c.Key.Hub != Labels.None && c.Key.Hub == c.Key.Predicted).Sum(c => c.Value);
            return labelled == 0 ? null : (double)right / labelled;
        }
    }

    /// <summary>How many models each side labels (see <see cref="Coverage"/>).</summary>
    public Coverage Coverage()
    {
        long Sum(Func<string, string, bool> where) => _cells.Where(c => where(c.Key.Hub, c.Key.Predicted)).Sum(c => c.Value);
        return new Coverage(
            Rows: Total,
            HubLabelled: Sum((h, _) => h != Labels.None),
            RulesLabelled: Sum((_, p) => p is not (Labels.None or Labels.Ambiguous)),
            Ambiguous: Sum((_, p) => p == Labels.Ambiguous),
            BothLabelled: Sum((h, p) => h != Labels.None && p is not (Labels.None or Labels.Ambiguous)));
    }

    public override string ToString() => $"{Total} models, {HubLabels.Count} Hub labels x {PredictedLabels.Count} predicted";
}

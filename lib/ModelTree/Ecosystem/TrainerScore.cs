using Microsoft.Data.Analysis;

namespace ModelTree.Ecosystem;

/// <summary>
/// How one classifier did on the held-out models: accuracy (the share it got right), macro-F1 (the F1 of each task,
/// averaged with every task weighing the same, so a rare task counts as much as text-generation), and per task its
/// precision, recall and F1, and the confusion matrix.
/// </summary>
public sealed record TrainerScore(string Name, double Accuracy, double MacroF1, IReadOnlyList<ClassScore> PerClass,
    IReadOnlyList<string> Classes, long[][] Confusion, TimeSpan Elapsed)
{
    /// <summary>Scores predictions against the truth over <paramref name="classes"/>.</summary>
    public static TrainerScore Of(string name, IReadOnlyList<string> truth, IReadOnlyList<string> predicted, IReadOnlyList<string> classes, TimeSpan elapsed)
    {
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var confusion = classes.Select(_ => new long[classes.Count]).ToArray();
        var right = 0L;
        for (var i = 0; i < truth.Count; i++)
        {
            if (truth[i] == predicted[i])
            {
                right++;
            }
            if (index.TryGetValue(truth[i], out var t) && index.TryGetValue(predicted[i], out var p))
            {
                confusion[t][p]++;
            }
        }
        var perClass = classes.Select((c, k) =>
        {
            var tp = confusion[k][k];
            var support = confusion[k].Sum();
            var predictedAs = confusion.Sum(row => row[k]);
            double precision = predictedAs == 0 ? 0 : (double)tp / predictedAs;
            double recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassScore(c, support, predictedAs, precision, recall, f1);
        }).ToList();
        return new TrainerScore(name, truth.Count == 0 ? 0 : (double)right / truth.Count,
            perClass.Count == 0 ? 0 : perClass.Average(c => c.F1), perClass, classes, confusion, elapsed);
    }

    /// <summary>Per task: held-out models, predicted as it, precision, recall, F1.</summary>
    public DataFrame PerClassFrame() => new(
        new StringDataFrameColumn("task", PerClass.Select(c => c.Task)),
        new Int64DataFrameColumn("test models", PerClass.Select(c => c.Support)),
        new Int64DataFrameColumn("predicted as it", PerClass.Select(c => c.Predicted)),
        new DoubleDataFrameColumn("precision", PerClass.Select(c => Math.Round(c.Precision, 3))),
        new DoubleDataFrameColumn("recall", PerClass.Select(c => Math.Round(c.Recall, 3))),
        new DoubleDataFrameColumn("F1", PerClass.Select(c => Math.Round(c.F1, 3))));

    /// <summary>The confusion matrix: the true task down, the predicted task across.</summary>
    public DataFrame ConfusionFrame()
    {
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("true task \\ predicted", Classes) };
        columns.AddRange(Classes.Select((c, k) => new Int64DataFrameColumn(c, Confusion.Select(row => row[k]))));
        return new DataFrame(columns);
    }

    /// <summary>The most frequent mistakes: true task, predicted task, models, share of the true task's test models.</summary>
    public DataFrame Mistakes(int top = 10)
    {
        var list = Classes.SelectMany((t, i) => Classes.Select((p, j) => (True: t, Pred: p, N: Confusion[i][j], Of: Confusion[i].Sum())))
            .Where(m => m.True != m.Pred && m.N > 0).OrderByDescending(m => m.N).ThenBy(m => m.True, StringComparer.Ordinal)
            .ThenBy(m => m.Pred, StringComparer.Ordinal).Take(top).ToList();
        return new DataFrame(
            new StringDataFrameColumn("true task", list.Select(m => m.True)),
            new StringDataFrameColumn("predicted", list.Select(m => m.Pred)),
            new Int64DataFrameColumn("models", list.Select(m => m.N)),
            new DoubleDataFrameColumn("share of the true task", list.Select(m => m.Of == 0 ? 0 : Math.Round((double)m.N / m.Of, 3))));
    }
}

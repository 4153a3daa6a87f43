using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;

namespace ModelTree.Ecosystem;

/// <summary>The task experiment's outcome: each classifier's scores beside the majority-class baseline, on one split.</summary>
/// <param name="Trainers">Each classifier, in <see cref="TaskExperiment.Trainers"/> order.</param>
/// <param name="Baseline">Always predicting <paramref name="MajorityClass"/>, scored the same way.</param>
/// <param name="MajorityClass">The commonest task in the training rows.</param>
/// <param name="Classes">The tasks learned (those with at least <see cref="TaskExperimentOptions.MinimumPerClass"/> models).</param>
/// <param name="Dropped">Tasks left out for having too few models.</param>
/// <param name="Available">Models with a task in the whole table.</param>
/// <param name="Rows">Models used (train and test).</param>
/// <param name="Train">Models trained on.</param>
/// <param name="Test">Models held out and scored.</param>
/// <param name="Features">The features' names.</param>
/// <param name="Options">The settings it ran with.</param>
public sealed record TaskPrediction(IReadOnlyList<TrainerScore> Trainers, TrainerScore Baseline, string MajorityClass,
    IReadOnlyList<string> Classes, IReadOnlyList<NamedCount> Dropped, long Available, long Rows, long Train, long Test,
    IReadOnlyList<string> Features, TaskExperimentOptions Options)
{
    /// <summary>The share of held-out models the baseline gets right: the majority task's share of the test rows.</summary>
    public double MajorityAccuracy => Baseline.Accuracy;

    /// <summary>The classifier with the highest macro-F1 (accuracy breaks a tie).</summary>
    public TrainerScore Best => Trainers.OrderByDescending(t => t.MacroF1).ThenByDescending(t => t.Accuracy).First();

    /// <summary>Classifiers and the baseline: accuracy, macro-F1, seconds to train and score.</summary>
    public DataFrame ToFrame()
    {
        var all = Trainers.Append(Baseline).ToList();
        return new DataFrame(
            new StringDataFrameColumn("classifier", all.Select(t => t.Name)),
            new DoubleDataFrameColumn("accuracy", all.Select(t => Math.Round(t.Accuracy, 4))),
            new DoubleDataFrameColumn("macro-F1", all.Select(t => Math.Round(t.MacroF1, 4))),
            new DoubleDataFrameColumn("seconds", all.Select(t => Math.Round(t.Elapsed.TotalSeconds, 1))));
    }

    /// <summary>The tasks learned with their models in training and test.</summary>
    public DataFrame ClassesFrame() => new(
        new StringDataFrameColumn("task", Classes),
        new Int64DataFrameColumn("test models", Baseline.PerClass.Select(c => c.Support)),
        new DoubleDataFrameColumn("share of test models", Baseline.PerClass.Select(c => Test == 0 ? 0 : Math.Round((double)c.Support / Test, 4))));

    /// <summary>
    /// As JSON: <c>trainers</c> [{name, accuracy, macroF1, seconds}], <c>majorityAccuracy</c>, <c>majorityMacroF1</c>,
    /// <c>majorityClass</c>, <c>classes</c> (the tasks learned), <c>rows</c>, <c>train</c>, <c>test</c>, <c>available</c>,
    /// <c>seed</c>, <c>dropped</c> [{task, models}], <c>best</c>, <c>perClass</c> (the best's), <c>confusion</c> (the best's, rows true, columns predicted, in <c>classes</c> order).
    /// </summary>
    public JsonObject ToJson()
    {
        static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);
        var best = Best;
        return new JsonObject
        {
            ["trainers"] = Array(Trainers.Select(t => (JsonNode?)new JsonObject
            {
                ["name"] = t.Name,
                ["accuracy"] = Math.Round(t.Accuracy, 6),
                ["macroF1"] = Math.Round(t.MacroF1, 6),
                ["seconds"] = Math.Round(t.Elapsed.TotalSeconds, 2),
            })),
            ["majorityAccuracy"] = Math.Round(MajorityAccuracy, 6),
            ["majorityMacroF1"] = Math.Round(Baseline.MacroF1, 6),
            ["majorityClass"] = MajorityClass,
            ["classes"] = Array(Classes.Select(c => (JsonNode?)c)),
            ["rows"] = Rows,
            ["train"] = Train,
            ["test"] = Test,
            ["available"] = Available,
            ["seed"] = Options.Seed,
            ["dropped"] = Array(Dropped.Select(d => (JsonNode?)new JsonObject { ["task"] = d.Name, ["models"] = d.Models })),
            ["best"] = best.Name,
            ["perClass"] = Array(best.PerClass.Select(c => (JsonNode?)new JsonObject
            {
                ["task"] = c.Task,
                ["support"] = c.Support,
                ["precision"] = Math.Round(c.Precision, 6),
                ["recall"] = Math.Round(c.Recall, 6),
                ["f1"] = Math.Round(c.F1, 6),
            })),
            ["confusion"] = Array(best.Confusion.Select(row => (JsonNode?)Array(row.Select(n => (JsonNode?)n)))),
        };
    }

    /// <summary>The seed's claims about its classifiers beside this run's figures, and whether each holds here.</summary>
    public DataFrame SeedChecks(string label)
    {
        var best = Best;
        var linear = Trainers.Where(t => t.Name.Contains("SDCA", StringComparison.Ordinal) || t.Name.Contains("L-BFGS", StringComparison.Ordinal))
            .Select(t => t.MacroF1).DefaultIfEmpty(0).Max();
        var lowest = Trainers.Count == 0 ? 0 : Trainers.Min(t => t.Accuracy);
        return new DataFrame(
            new StringDataFrameColumn(SeedEcosystem.Label, ["gradient boosting (XGBoost/LightGBM) does best", "linear models come close to the best", "every classifier beats guessing the commonest task"]),
            new StringDataFrameColumn(label,
            [
                $"best by macro-F1: {best.Name} ({best.MacroF1:0.000})",
                $"best linear macro-F1 {linear:0.000} against {best.MacroF1:0.000}",
                $"lowest accuracy {lowest:P1} against the baseline's {MajorityAccuracy:P1}",
            ]),
            new StringDataFrameColumn("holds here?",
            [
                best.Name == "LightGBM" ? "yes" : "no",
                best.MacroF1 - linear <= 0.05 ? "yes" : "no",
                Trainers.All(t => t.Accuracy > MajorityAccuracy) ? "yes" : "no",
            ]));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rows:N0} models with a task ({Train:N0} to train, {Test:N0} held out{(Rows < Available ? $", a seeded choice of {Available:N0}" : "")}), " +
        $"{Classes.Count} tasks{(Dropped.Count > 0 ? $" ({Dropped.Count} with fewer than {Options.MinimumPerClass} models left out)" : "")}, " +
        $"{Features.Count} features; best {Best.Name}: accuracy {Best.Accuracy:P1}, macro-F1 {Best.MacroF1:0.000}; " +
        $"always '{MajorityClass}': accuracy {MajorityAccuracy:P1}, macro-F1 {Baseline.MacroF1:0.000}");
}

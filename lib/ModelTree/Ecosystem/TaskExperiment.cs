using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using ModelTree.Ecosystem;

namespace ModelTree;

/// <summary>
/// Seed 002's experiment on this data: predict a model's task (<c>pipeline_tag</c>) from its other metadata with
/// several ML.NET classifiers, scored on a stratified held-out split beside the majority-class baseline.
/// Every source of randomness takes <see cref="TaskExperimentOptions.Seed"/> and trainers run on one thread, so the
/// same data and seed give the same figures.
/// </summary>
public static class TaskExperiment
{
    /// <summary>The trainers, in the order they are run and reported.</summary>
    public static IReadOnlyList<string> Trainers { get; } =
        ["SDCA maximum entropy", "L-BFGS logistic regression", "LightGBM", "FastForest one-vs-all"];

    /// <summary>The trainers from the slowest to the quickest, as measured on the sample (each alone, warm).</summary>
    private static readonly string[] SlowestFirst =
        ["FastForest one-vs-all", "L-BFGS logistic regression", "LightGBM", "SDCA maximum entropy"];

    /// <summary>Runs the experiment on <c>models</c>.</summary>
    public static TaskPrediction Run(HubData hub, TaskExperimentOptions? options = null)
    {
        options ??= new TaskExperimentOptions();
        var (records, available) = Read(hub, options);
        var sizes = records.GroupBy(r => r.Task, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // A small table (one family of real records) may have fewer than two tasks with the usual minimum: lower it, to 2 at least.
        var minimum = options.MinimumPerClass;
        while (minimum > 2 && sizes.Values.Count(n => n >= minimum) < 2)
        {
            minimum--;
        }
        var kept = sizes.Where(p => p.Value >= minimum).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var dropped = sizes.Where(p => p.Value < minimum).Select(p => new NamedCount(p.Key, p.Value))
            .OrderByDescending(c => c.Models).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        records = records.Where(r => kept.Contains(r.Task)).ToList();
        var classes = kept.Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2)
        {
            throw new ModelTreeException(
                $"Nothing to learn: {(classes.Count == 0 ? "no model has a task" : $"only '{classes[0]}' has two or more models")} " +
                $"among the {available:N0} models with a task; the experiment needs two tasks with at least two models each.");
        }

        var (train, test) = Split(records, options.TestShare, options.Seed);
        var features = TaskFeatures.Fit(train, records.Select(r => r.Task).Distinct());
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Count);
        var trainRows = train.Select(r => new Example { Task = r.Task, Features = features.Vector(r) }).ToList();
        var testRows = test.Select(r => new Example { Task = r.Task, Features = features.Vector(r) }).ToList();

        var majority = train.GroupBy(r => r.Task, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var truth = test.Select(r => r.Task).ToArray();
        // Each trainer gets its own MLContext seeded alike (an MLContext is not thread-safe) and one thread, so the
        // trainers can run side by side, one per core, and each one's figures do not depend on which ran before it.
        var names = (options.TrainerNames ?? Trainers).ToList();
        var scores = new TrainerScore[names.Count];
        // The slowest trainers start first (a core that finishes early takes the next one), so the experiment ends when
        // its longest trainer does, not when the longest happens to start last; they are reported in the usual order.
        var slowestFirst = Partitioner.Create(
            Enumerable.Range(0, names.Count).OrderBy(i => Array.IndexOf(SlowestFirst, names[i]) is var at && at < 0 ? int.MaxValue : at),
            EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(slowestFirst, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var clock = Stopwatch.StartNew();
            var ml = new MLContext(options.Seed);
            var trainView = ml.Data.LoadFromEnumerable(trainRows, schema);
            var testView = ml.Data.LoadFromEnumerable(testRows, schema);
            // The normalised rows are cached before the trainer: SDCA and L-BFGS pass over them many times, and
            // without the checkpoint each pass would scale every vector again (the linear trainers took twice as long).
            var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Example.Task))
                .Append(ml.Transforms.NormalizeMinMax("Features"))
                .AppendCacheCheckpoint(ml)
                .Append(Trainer(ml, names[i], options))
                .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(Prediction.Predicted), "PredictedLabel"));
            var model = pipeline.Fit(trainView);
            var predicted = ml.Data.CreateEnumerable<Prediction>(model.Transform(testView), reuseRowObject: false).Select(p => p.Predicted).ToArray();
            scores[i] = TrainerScore.Of(names[i], truth, predicted, classes, clock.Elapsed);
        });

        var baseline = TrainerScore.Of("majority class", truth, truth.Select(_ => majority).ToArray(), classes, TimeSpan.Zero);
        return new TaskPrediction(scores, baseline, majority, classes, dropped, available, records.Count, train.Count, test.Count,
            features.Names, options with { MinimumPerClass = minimum });
    }

    private static IEstimator<ITransformer> Trainer(MLContext ml, string name, TaskExperimentOptions options) => name switch
    {
        "SDCA maximum entropy" => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 30,
        }),
        "L-BFGS logistic regression" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 200,
        }),
        "LightGBM" => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            NumberOfIterations = options.Trees,
            NumberOfThreads = 1,
            Seed = options.Seed,
            NumberOfLeaves = 31,
            MinimumExampleCountPerLeaf = 10,
        }),
        "FastForest one-vs-all" => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
            {
                NumberOfTrees = options.ForestTrees,
                NumberOfThreads = 1,
                Seed = options.Seed,
                NumberOfLeaves = 31,
                MinimumExampleCountPerLeaf = 10,
                FeatureFraction = 0.7,
            })),
        _ => throw new ModelTreeException($"Unknown trainer '{name}'. Known: {string.Join(", ", Trainers)}."),
    };

    /// <summary>
    /// Stratified split: within each task, rows in a seeded random order, the first <paramref name="testShare"/> of them
    /// (at least one) held out for testing.
    /// </summary>
    public static (List<TaskRecord> Train, List<TaskRecord> Test) Split(IReadOnlyList<TaskRecord> records, double testShare, int seed)
    {
        var random = new Random(seed);
        var train = new List<TaskRecord>();
        var test = new List<TaskRecord>();
        foreach (var group in records.GroupBy(r => r.Task, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = group.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
            random.Shuffle(rows);
            var held = Math.Max(1, (int)Math.Round(rows.Length * testShare));
            test.AddRange(rows.Take(held));
            train.AddRange(rows.Skip(held));
        }
        return (train, test);
    }

    /// <summary>
    /// The models with a task, at most <see cref="TaskExperimentOptions.MaximumRows"/> of them (a seeded hash order picks
    /// which, so the same seed picks the same models), and how many models have a task in all.
    /// </summary>
    public static (List<TaskRecord> Records, long Available) Read(HubData hub, TaskExperimentOptions options)
    {
        const string Where = "coalesce(trim(pipeline_tag), '') <> ''";
        var available = hub.Scalar<long>($"SELECT count(*) FROM models WHERE {Where}");
        // The choice is made on ids alone, then only the chosen rows are read: choosing among whole rows made DuckDB carry
        // every column of every model with a task through the ordering (at 3M rows the read took 8.7 s, this way 4.4 s).
        var chosen = available > options.MaximumRows
            ? $"AND id IN (SELECT id FROM models WHERE {Where} ORDER BY md5(id || '{options.Seed}') LIMIT {options.MaximumRows})"
            : "";
        var sql = $"""
            SELECT id, pipeline_tag, coalesce(downloads, 0), coalesce(likes, 0), coalesce(safetensors.total, 0),
                   CASE WHEN cardinality(safetensors.parameters) > 0
                        THEN map_keys(safetensors.parameters)[list_position(map_values(safetensors.parameters), list_max(map_values(safetensors.parameters)))] END,
                   nullif(trim(library_name), ''),
                   CASE WHEN coalesce(len(baseModels.models), 0) > 0 THEN baseModels.relation END,
                   coalesce(len(baseModels.models), 0) > 0 OR coalesce(len(list_filter(tags, lambda t: starts_with(t, 'base_model:'))), 0) > 0,
                   gguf IS NOT NULL, coalesce(gated, 'false') NOT IN ('false', ''),
                   createdAt, array_to_string(tags, chr(10)), array_to_string(list_transform(siblings, lambda s: s.rfilename), chr(10))
            FROM models WHERE {Where} {chosen}
            ORDER BY id
            """;
        var list = new List<TaskRecord>();
        using var reader = hub.Reader(sql);
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            IReadOnlyList<string> Lines(int i) => Text(i) is { Length: > 0 } s ? s.Split('\n') : [];
            list.Add(new TaskRecord(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                Text(5), Text(6), Text(7), reader.GetBoolean(8), reader.GetBoolean(9), reader.GetBoolean(10),
                reader.IsDBNull(11) ? null : reader.GetDateTime(11), Lines(12), Lines(13)));
        }
        return (list, available);
    }

    private sealed class Example
    {
        public string Task { get; set; } = "";

        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        public string Predicted { get; set; } = "";
    }
}

using System.Text.Json;
using ModelTree.Data;
using ModelTree.Ecosystem;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Notebooks;
using ModelTree.Tests.Sample;

namespace ModelTree.Tests.Ecosystem;

public sealed class TaskExperimentTests
{
    private static TaskRecord Record(string id, string task, params string[] tags) =>
        new(id, task, 0, 0, 0, null, null, null, false, false, false, null, tags, []);

    [Fact]
    public void The_split_holds_out_a_fifth_of_every_task_and_repeats_for_a_seed()
    {
        var records = Enumerable.Range(0, 50).Select(i => Record($"a/{i}", "text-generation"))
            .Concat(Enumerable.Range(0, 10).Select(i => Record($"b/{i}", "fill-mask")))
            .Concat(Enumerable.Range(0, 2).Select(i => Record($"c/{i}", "translation"))).ToList();

        var (train, test) = TaskExperiment.Split(records, 0.2, seed: 7);
        var again = TaskExperiment.Split(records.AsEnumerable().Reverse().ToList(), 0.2, seed: 7);
        var other = TaskExperiment.Split(records, 0.2, seed: 8);

        Assert.Equal(10, test.Count(r => r.Task == "text-generation"));
        Assert.Equal(2, test.Count(r => r.Task == "fill-mask"));
        Assert.Equal(1, test.Count(r => r.Task == "translation"));
        Assert.Equal(62, train.Count + test.Count);
        Assert.Empty(train.Select(r => r.Id).Intersect(test.Select(r => r.Id)));
        Assert.Equal(test.Select(r => r.Id), again.Test.Select(r => r.Id));
        Assert.NotEqual(test.Select(r => r.Id).Order(), other.Test.Select(r => r.Id).Order());
    }

    [Fact]
    public void Tags_that_name_a_task_are_never_features()
    {
        var features = TaskFeatures.Fit(
            [Record("a/1", "text-generation", "text-generation", "llama", "conversational"), Record("a/2", "my-own-task", "my-own-task", "llama", "fill-mask")],
            ["text-generation", "my-own-task"]);

        Assert.Contains("tag llama", features.Names);
        Assert.DoesNotContain(features.Names, n => n is "tag text-generation" or "tag my-own-task" or "tag fill-mask" or "tag conversational");
    }

    [Fact]
    public void File_kinds_read_the_file_name_ignoring_case_and_folders()
    {
        var files = new[] { "unet/Diffusion_Pytorch_Model.safetensors", "TOKENIZER.JSON", "samples/cat.PNG", "text_encoder/config.json", "my_LoRA.bin" };
        var record = new TaskRecord("a/1", "text-to-image", 0, 0, 0, null, null, null, false, false, false, null, [], files);
        var features = TaskFeatures.Fit([record], ["text-to-image"]);

        var vector = features.Vector(record);
        var present = features.Names.Where((name, i) => name.StartsWith("file ", StringComparison.Ordinal) && vector[i] == 1).ToList();

        Assert.Equal(
            ["file safetensors", "file pickle .bin", "file config.json", "file tokenizer", "file unet/ or transformer/", "file lora weights", "file image or video file"],
            present);
    }

    [Fact]
    public void Scores_count_accuracy_and_macro_f1_by_hand()
    {
        // Truth a a a b; predicted a a b b: accuracy 3/4; a: P 1, R 2/3, F1 0.8; b: P 1/2, R 1, F1 2/3.
        var score = TrainerScore.Of("x", ["a", "a", "a", "b"], ["a", "a", "b", "b"], ["a", "b"], TimeSpan.Zero);

        Assert.Equal(0.75, score.Accuracy, 9);
        Assert.Equal((0.8 + (2.0 / 3)) / 2, score.MacroF1, 9);
        Assert.Equal([[2L, 1L], [0L, 1L]], score.Confusion);
    }

    [Fact]
    public void The_same_seed_gives_the_same_scores()
    {
        using var hub = HubData.Open(StudyNotebookRun.SamplePath, new HubDataOptions { DatabasePath = ":memory:" });
        var options = new TaskExperimentOptions { MaximumRows = 2_500, Trees = 20, ForestTrees = 10 };

        var first = TaskExperiment.Run(hub, options);
        var second = TaskExperiment.Run(hub, options);

        Assert.Equal(2_500, first.Rows + first.Dropped.Sum(d => d.Models));
        Assert.Equal(first.Trainers.Select(t => (t.Name, t.Accuracy, t.MacroF1)), second.Trainers.Select(t => (t.Name, t.Accuracy, t.MacroF1)));
        Assert.All(first.Trainers.Zip(second.Trainers), p => Assert.Equal(p.First.Confusion, p.Second.Confusion));
    }

    [Fact]
    public void On_the_sample_every_trainer_beats_always_guessing_the_commonest_task()
    {
        // The baseline, counted here: tasks with at least 20 models; a stratified 20% of each held out (rounded, at least 1).
        using var sample = new SampleData(StudyNotebookRun.SamplePath);
        var sizes = new Dictionary<string, long>();
        using (var reader = sample.Connection.CreateCommand())
        {
            reader.CommandText = "SELECT pipeline_tag, count(*) FROM models WHERE coalesce(trim(pipeline_tag), '') <> '' GROUP BY 1";
            using var r = reader.ExecuteReader();
            while (r.Read())
            {
                sizes[r.GetString(0)] = r.GetInt64(1);
            }
        }
        var kept = sizes.Where(p => p.Value >= 20).ToDictionary();
        long Held(long n) => Math.Max(1, (long)Math.Round(n * 0.2));
        var majority = kept.OrderByDescending(p => p.Value).First().Key;

        var result = Cli.Run(["predict-task", "--data", StudyNotebookRun.SamplePath, "--format", "json"], timeout: TimeSpan.FromMinutes(10));

        Assert.True(result.Exit == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(kept.Values.Sum(), root.GetProperty("rows").GetInt64());
        Assert.Equal(kept.Keys.Order(StringComparer.Ordinal), root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(kept.Values.Sum(Held), root.GetProperty("test").GetInt64());
        Assert.Equal((double)Held(kept[majority]) / kept.Values.Sum(Held), root.GetProperty("majorityAccuracy").GetDouble(), 5);
        var trainers = root.GetProperty("trainers").EnumerateArray().ToList();
        Assert.Equal(TaskExperiment.Trainers, trainers.Select(t => t.GetProperty("name").GetString()!));
        Assert.All(trainers, t =>
        {
            Assert.True(t.GetProperty("accuracy").GetDouble() > root.GetProperty("majorityAccuracy").GetDouble() + 0.2, t.ToString());
            Assert.True(t.GetProperty("macroF1").GetDouble() > root.GetProperty("majorityMacroF1").GetDouble() + 0.2, t.ToString());
        });
        var confusion = root.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(n => n.GetInt64()).ToArray()).ToArray();
        Assert.Equal(root.GetProperty("test").GetInt64(), confusion.Sum(r => r.Sum()));
    }

    [Fact]
    public void Predict_task_says_in_one_line_when_there_is_nothing_to_learn()
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            var path = Path.Combine(dir, "one-task.jsonl");
            File.WriteAllLines(path, Enumerable.Range(0, 5).Select(i => new ModelRow($"a/{i}") { PipelineTag = "text-generation" }.ToJson().ToJsonString()));

            var result = Cli.Run(["predict-task", "--data", path]);

            Assert.Equal(1, result.Exit);
            var errors = result.Err.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
            Assert.StartsWith("error: Nothing to learn: only 'text-generation'", Assert.Single(errors));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

using System.Text.Json;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Runner;
using ModelTree.Tests.Sample;

namespace ModelTree.Tests.Notebooks;

/// <summary>
/// Notebooks 08 (seed 002's ecosystem questions) and 09 (the task experiment) executed in the workbook, their summary
/// figures checked against counts made here: SQL on the raw parquet for the sample, the files' JSON for real records.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class EcosystemNotebookTests
{
    public static TheoryData<string> Files => new(["phi-2-tree.jsonl", "small-trees-2025-04.jsonl"]);

    [Fact]
    public async Task Notebook_08_on_the_sample_counts_what_the_parquet_holds()
    {
        using var sample = new SampleData(StudyNotebookRun.SamplePath);

        using var run = await StudyNotebookRun.StartAsync("08-ecosystem", StudyNotebookRun.SamplePath);

        Assert.Equal(sample.Count("SELECT count(*) FROM models"), run.Count("models"));
        Assert.Equal(sample.Count("SELECT count(*) FROM models WHERE coalesce(safetensors.total, 0) <= 0"), run.Part("models without a parameter count"));
        Assert.Equal(sample.Count("SELECT count(*) FROM models WHERE coalesce(trim(pipeline_tag), '') = ''"), run.Part("models without a task"));
        Assert.Equal(sample.Count("SELECT max(n) FROM (SELECT count(*) AS n FROM models WHERE coalesce(trim(pipeline_tag), '') <> '' GROUP BY pipeline_tag)"),
            run.Count("models in the largest task"));
        Assert.Equal(sample.Count("SELECT max(n) FROM (SELECT count(*) AS n FROM models GROUP BY coalesce(nullif(trim(author), ''), split_part(id, '/', 1)))"),
            run.Count("models of the largest author"));
        Assert.Equal(sample.Count("SELECT count(*) FROM models WHERE safetensors.total > 0"), run.Count("models with a size"));
        Assert.InRange(run.Count("size clusters chosen"), 2, 8);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Notebook_08_on_real_records_counts_what_the_files_hold(string file)
    {
        var path = Path.Combine(TestPaths.Shared, "data", "real", file);
        var records = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        string? Task(JsonElement r) => r.TryGetProperty("pipeline_tag", out var t) && t.ValueKind == JsonValueKind.String && t.GetString()!.Trim().Length > 0 ? t.GetString() : null;
        long Size(JsonElement r) => r.TryGetProperty("safetensors", out var s) && s.ValueKind == JsonValueKind.Object && s.GetProperty("total").ValueKind == JsonValueKind.Number ? s.GetProperty("total").GetInt64() : 0;

        using var run = await StudyNotebookRun.StartAsync("08-ecosystem", path);

        Assert.Equal(records.Count, run.Count("models"));
        Assert.Equal(records.Count(r => Task(r) is null), run.Part("models without a task"));
        Assert.Equal(records.Count(r => Size(r) <= 0), run.Part("models without a parameter count"));
        Assert.Equal(records.Where(r => Task(r) is not null).GroupBy(Task).Max(g => g.Count()), run.Count("models in the largest task"));
        Assert.Equal(records.GroupBy(r => r.GetProperty("author").GetString()).Max(g => g.Count()), run.Count("models of the largest author"));
    }

    [Fact]
    public async Task Notebook_09_on_the_sample_beats_the_baseline_it_reports()
    {
        using var sample = new SampleData(StudyNotebookRun.SamplePath);
        var sizes = new List<long>();
        using (var command = sample.Connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM models WHERE coalesce(trim(pipeline_tag), '') <> '' GROUP BY pipeline_tag HAVING count(*) >= 20";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sizes.Add(reader.GetInt64(0));
            }
        }
        long Held(long n) => Math.Max(1, (long)Math.Round(n * 0.2));

        using var run = await StudyNotebookRun.StartAsync("09-predict-task", StudyNotebookRun.SamplePath);

        Assert.Equal(sizes.Sum(), run.Count("models used"));
        Assert.Equal(sizes.Sum(Held), run.Count("held-out models"));
        Assert.Equal(sizes.Count, run.Count("tasks learned"));
        Assert.Equal(Held(sizes.Max()), run.Part("baseline accuracy"));
        foreach (var trainer in TaskExperiment.Trainers)
        {
            Assert.True(run.Part($"{trainer} accuracy") > run.Part("baseline accuracy"), trainer);
        }
    }

    [Fact]
    public async Task Notebook_09_runs_on_one_small_family_of_real_records()
    {
        var path = Path.Combine(TestPaths.Shared, "data", "real", "phi-2-tree.jsonl");
        var withTask = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
            .Count(r => r.TryGetProperty("pipeline_tag", out var t) && t.ValueKind == JsonValueKind.String);

        using var run = await StudyNotebookRun.StartAsync("09-predict-task", path);

        Assert.InRange(run.Count("models used"), 2, withTask);
        Assert.True(run.Count("tasks learned") >= 2);
    }
}

using System.Text.Json;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Runner;

namespace ModelTree.Tests.Notebooks;

/// <summary>
/// Each study notebook executed unchanged on every file of real Hub records (67 rows for the Mistral
/// family: one base, 66 finetunes, so most sections have no rows), its key figures checked against
/// counts computed here from the file's JSON.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class RealRecordsNotebookTests
{
    public static TheoryData<string> Files => new(TestPaths.RealRecordFiles.Select(Path.GetFileName).OfType<string>());

    private static List<JsonElement> Records(string file) =>
        File.ReadLines(Path.Combine(TestPaths.Shared, "data", "real", file))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    private static string? Relation(JsonElement record) =>
        record.TryGetProperty("baseModels", out var bases) && bases.ValueKind == JsonValueKind.Object
            && bases.TryGetProperty("relation", out var relation) && relation.ValueKind == JsonValueKind.String
            ? relation.GetString() : null;

    private static bool HasTag(JsonElement record, params string[] tags) =>
        record.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array
        && list.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && tags.Contains(t.GetString()));

    private static string PathOf(string file) => Path.Combine(TestPaths.Shared, "data", "real", file);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Data_tour_counts_the_files_records_and_labels(string file)
    {
        var records = Records(file);
        using var run = await StudyNotebookRun.StartAsync("00-data", PathOf(file));

        Assert.Equal(records.Count, run.Count("models"));
        Assert.Equal(records.Count(r => Relation(r) == "finetune"), run.Count("labelled finetune"));
        Assert.Equal(records.Count(r => Relation(r) is not null), run.Count("models with baseModels"));
    }

    [Fact]
    public async Task Data_tour_on_the_shipped_real_records_folder_counts_every_file_as_one_table()
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "data", "real");
        var records = Directory.GetFiles(folder, "*.jsonl").SelectMany(f => File.ReadLines(f))
            .Where(line => line.Trim().Length > 0).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        using var run = await StudyNotebookRun.StartAsync("00-data", folder);

        Assert.Equal(records.Count, run.Count("models"));
        Assert.Equal(records.Count(r => Relation(r) == "finetune"), run.Count("labelled finetune"));
        Assert.Equal(records.Count(r => Relation(r) is not null), run.Count("models with baseModels"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Base_models_notebook_runs_and_counts_models_with_baseModels(string file)
    {
        var records = Records(file);
        using var run = await StudyNotebookRun.StartAsync("01-base-models", PathOf(file));

        Assert.Equal(records.Count(r => Relation(r) is not null), run.Count("with baseModels"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Relations_notebook_counts_labels_and_exports_at_most_ten_rows(string file)
    {
        var records = Records(file);
        using var run = await StudyNotebookRun.StartAsync("02-relations", PathOf(file));

        Assert.Equal(records.Count(r => Relation(r) == "finetune"), run.Count("finetune"));
        Assert.Equal(records.Count(r => Relation(r) == "adapter"), run.Count("adapter"));
        Assert.Equal(Math.Min(10, records.Count(r => Relation(r) == "quantized")), File.ReadLines(Path.Combine(run.OutputDir, "quantized.csv")).Count() - 1);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Verify_notebook_counts_adapter_like_finetunes_and_reports_empty_ratios_as_empty(string file)
    {
        var records = Records(file);
        using var run = await StudyNotebookRun.StartAsync("03-verify", PathOf(file));

        Assert.Equal(records.Count(r => Relation(r) == "finetune" && HasTag(r, "lora", "adapter", "peft")), run.Part("4.1 finetunes with an adapter-like tag"));
        if (!records.Any(r => Relation(r) == "adapter"))
        {
            Assert.Null(run.Figures["4.2 adapters with an adapter tag"]);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Card_metadata_notebook_runs_and_counts_peft_models(string file)
    {
        var records = Records(file);
        using var run = await StudyNotebookRun.StartAsync("04-card-metadata", PathOf(file));

        var peft = records.Count(r => Relation(r) is not null && r.TryGetProperty("library_name", out var library)
            && library.ValueKind == JsonValueKind.String && library.GetString() == "peft");
        Assert.Equal(peft, run.Count("models with a base and library_name peft"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Base_and_adapter_notebook_counts_the_studys_6_2_rows(string file)
    {
        var records = Records(file);
        using var run = await StudyNotebookRun.StartAsync("05-base-and-adapter", PathOf(file));

        // The study's 6.2 test, read off the JSON: an adapter_model file, a model.safetensors file, tags silent about adapter/lora.
        var expected = records.Count(r =>
        {
            var files = r.TryGetProperty("siblings", out var siblings) && siblings.ValueKind == JsonValueKind.Array
                ? siblings.EnumerateArray().Select(s => s.GetProperty("rfilename").GetString()!.ToLowerInvariant()).ToList() : [];
            var tags = r.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array
                ? string.Join(",", list.EnumerateArray().Select(t => t.GetString())) : null;
            return files.Any(f => f.Contains("adapter_model")) && files.Any(f => f.Contains("model.safetensors"))
                && tags is not null && !tags.Contains("adapter", StringComparison.OrdinalIgnoreCase) && !tags.Contains("lora", StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(expected, run.Count("ambiguous (6.2, no LIMIT)"));
    }
}

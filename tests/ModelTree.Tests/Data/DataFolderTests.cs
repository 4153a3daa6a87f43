using System.Text.Json;
using ModelTree.Data;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Data;

/// <summary>A folder given as data: every .parquet, .jsonl and .ndjson at its top level is one <c>models</c> table.</summary>
public sealed class DataFolderTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly HubDataOptions InMemory = new() { DatabasePath = ":memory:" };

    private static string RealFolder => Path.Combine(TestPaths.Shared, "data", "real");

    private static List<JsonElement> Lines(string file) =>
        File.ReadLines(file).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void The_real_records_folder_opens_as_one_table_holding_every_line_of_every_file()
    {
        var files = Directory.GetFiles(RealFolder, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        var records = files.SelectMany(Lines).ToList();
        var ids = records.Select(r => r.GetProperty("id").GetString()).ToHashSet();

        using var hub = HubData.Open(RealFolder, InMemory);

        Assert.Equal(DataKind.Folder, hub.Kind);
        Assert.False(hub.IsSynthetic);
        Assert.Equal(files, hub.Files);
        Assert.Equal(records.Count, hub.Count());
        Assert.Equal(ids.Count, hub.Scalar<long>("SELECT count(DISTINCT id) FROM models"));
        Assert.Equal(records.Count(r => r.GetProperty("baseModels").ValueKind == JsonValueKind.Object),
            hub.Scalar<long>("SELECT count(baseModels) FROM models"));
        Assert.DoesNotContain(hub.Schema.Problems, p => p.Severity == Severity.Error);
        Assert.Contains($"{files.Count} files", hub.Description);
    }

    [Fact]
    public void The_projects_copies_of_the_real_records_are_the_shared_files_byte_for_byte()
    {
        var shipped = Path.Combine(TestPaths.RepoRoot, "data", "real");
        var names = Directory.GetFiles(RealFolder, "*.jsonl").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(names, Directory.GetFiles(shipped, "*.jsonl").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var name in names)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(RealFolder, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(shipped, name!))), name);
        }
    }

    [Fact]
    public void Parquet_and_json_lines_with_different_columns_are_unioned_by_name()
    {
        TestHub.WriteParquet(_dir,
            "SELECT 'p/one' AS id, ['t'] AS tags, [{'rfilename': 'model.safetensors'}] AS siblings, 42::BIGINT AS downloads, 'extra' AS note",
            "a.parquet");
        File.WriteAllLines(Path.Combine(_dir, "b.jsonl"),
        [
            new ModelRow("j/one") { Bases = ["p/one"], Relation = "adapter", LibraryName = "peft" }.ToJson().ToJsonString(),
            new ModelRow("j/two") { Bases = ["p/one"], Relation = "finetune" }.ToJson().ToJsonString(),
        ]);

        using var hub = HubData.Open(_dir, InMemory);

        Assert.Equal(3, hub.Count());
        Assert.Equal(42, hub.Scalar<long>("SELECT downloads FROM models WHERE id = 'p/one'"));
        Assert.Equal("peft", hub.Scalar<string>("SELECT library_name FROM models WHERE id = 'j/one'"));
        Assert.Equal(0, hub.Scalar<long>("SELECT count(baseModels) FROM models WHERE id = 'p/one'"));
        Assert.Equal(2, hub.Scalar<long>("SELECT count(*) FROM models WHERE baseModels.relation IS NOT NULL"));
        Assert.Equal("extra", hub.Scalar<string>("SELECT note FROM models WHERE id = 'p/one'"));
        Assert.Equal(0, hub.Scalar<long>("SELECT count(note) FROM models WHERE id LIKE 'j/%'"));
        // The parquet file has no baseModels: the folder's report says which file lacks it.
        Assert.Contains(hub.Schema.Problems, p => p.Column == "baseModels" && p.Message.Contains("a.parquet"));
    }

    [Fact]
    public void A_json_lines_record_with_keys_the_table_does_not_know_opens_and_keeps_them()
    {
        var row = new ModelRow("j/one") { Bases = ["x/base"], Relation = "finetune" }.ToJson();
        row["sha"] = "abc123";
        File.WriteAllText(Path.Combine(_dir, "dump.jsonl"), row.ToJsonString());

        using var hub = HubData.Open(_dir, InMemory);

        Assert.Equal("abc123", hub.Scalar<string>("SELECT sha ->> '$' FROM models"));
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_named_in_the_error()
    {
        File.WriteAllText(Path.Combine(_dir, "good.jsonl"), new ModelRow("j/one").ToJson().ToJsonString());
        File.WriteAllText(Path.Combine(_dir, "broken.parquet"), "<html>rate limited</html>");

        var error = Assert.Throws<ModelTreeException>(() => HubData.Open(_dir, InMemory));

        Assert.Contains("broken.parquet", error.Message);
        Assert.Contains(_dir, error.Message);
        Assert.DoesNotContain("good.jsonl", error.Message);
    }

    [Fact]
    public void A_file_without_a_column_the_study_needs_is_named_in_the_error()
    {
        File.WriteAllText(Path.Combine(_dir, "good.jsonl"), new ModelRow("j/one").ToJson().ToJsonString());
        File.WriteAllText(Path.Combine(_dir, "no-files.jsonl"), "{\"id\": \"j/two\", \"tags\": []}");

        var error = Assert.Throws<ModelTreeException>(() => HubData.Open(_dir, InMemory));

        Assert.Contains("no-files.jsonl", error.Message);
        Assert.Contains("siblings", error.Message);
    }

    [Fact]
    public void A_folder_without_data_files_says_what_it_looked_for()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.csv"), "id\n");
        Directory.CreateDirectory(Path.Combine(_dir, "nested"));
        File.WriteAllText(Path.Combine(_dir, "nested", "hidden.jsonl"), new ModelRow("j/one").ToJson().ToJsonString());

        var error = Assert.Throws<ModelTreeException>(() => HubData.Open(_dir, InMemory));

        Assert.Contains("*.parquet", error.Message);
        Assert.Contains("*.jsonl", error.Message);
        Assert.Contains("subfolders are not read", error.Message);
        Assert.Contains("notes.csv", error.Message);
    }

    [Fact]
    public void An_empty_folder_says_it_is_empty()
    {
        var error = Assert.Throws<ModelTreeException>(() => HubData.Open(_dir, InMemory));

        Assert.Contains("it is empty", error.Message);
    }

    [Fact]
    public void A_folder_of_the_synthetic_sample_is_synthetic()
    {
        var folder = Path.Combine(_dir, "sample");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(TestPaths.RepoRoot, "data", "sample", "models.parquet"), Path.Combine(folder, "models.parquet"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "data", "sample", "truth.csv"), Path.Combine(folder, "truth.csv"));

        using var hub = HubData.Open(folder, InMemory);
        using var file = HubData.Open(Path.Combine(folder, "models.parquet"), InMemory);

        Assert.True(hub.IsSynthetic);
        Assert.Equal(file.Count(), hub.Count());
    }
}

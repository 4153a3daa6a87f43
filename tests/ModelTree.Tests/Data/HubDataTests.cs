using System.Text.Json;
using DuckDB.NET.Data;
using ModelTree.Data;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Data;

public sealed class HubDataTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly HubDataOptions InMemory = new() { DatabasePath = ":memory:" };

    private static string CanonicalRow(string id, string relation) =>
        $"SELECT '{id}' AS id, ['t', 'base_model:{relation}:x/base'] AS tags, [{{'rfilename': 'model.safetensors'}}] AS siblings, " +
        $"{{'models': [{{'_id': 'abc', 'id': 'x/base'}}], 'relation': '{relation}'}} AS baseModels, '{{}}' AS cardData, 5 AS downloads";

    [Fact]
    public void Real_records_open_with_one_row_per_line_and_the_files_relation_counts()
    {
        var lines = File.ReadLines(TestPaths.MistralFamily).Where(l => l.Trim().Length > 0).ToList();
        var expected = lines
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => r.TryGetProperty("baseModels", out var b) && b.ValueKind == JsonValueKind.Object
                ? b.GetProperty("relation").GetString() ?? "(none)" : "(none)")
            .GroupBy(r => r).ToDictionary(g => g.Key, g => (long)g.Count());

        using var hub = HubData.Open(TestPaths.MistralFamily, InMemory);

        Assert.Equal(DataKind.JsonLines, hub.Kind);
        Assert.False(hub.IsSynthetic);
        Assert.Equal(lines.Count, hub.Count());
        var actual = new Dictionary<string, long>();
        using (var reader = hub.Reader("SELECT coalesce(baseModels.relation, '(none)'), count(*) FROM models GROUP BY 1"))
        {
            while (reader.Read())
            {
                actual[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    [Fact]
    public void Every_real_records_file_opens_without_schema_errors()
    {
        foreach (var file in TestPaths.RealRecordFiles)
        {
            using var hub = HubData.Open(file, InMemory);
            Assert.DoesNotContain(hub.Schema.Problems, p => p.Severity == Severity.Error);
            Assert.True(hub.Schema.Has("baseModels"), file);
        }
    }

    [Fact]
    public void Real_record_fields_read_back_as_typed_values()
    {
        var first = JsonDocument.Parse(File.ReadLines(TestPaths.MistralFamily).Skip(1).First()).RootElement;
        var id = first.GetProperty("id").GetString()!;

        using var hub = HubData.Open(TestPaths.MistralFamily, InMemory);
        var model = hub.Find(id);

        Assert.NotNull(model);
        Assert.Equal(first.GetProperty("tags").GetArrayLength(), model.Tags.Count);
        Assert.Equal(first.GetProperty("siblings").GetArrayLength(), model.Files.Count);
        Assert.Equal(first.GetProperty("baseModels").GetProperty("relation").GetString(), model.Relation);
        Assert.Equal(
            first.GetProperty("baseModels").GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()),
            model.BaseModels);
        Assert.Equal(first.GetProperty("cardData").GetProperty("base_model")[0].GetString(), model.Card.BaseModels[0]);
    }

    [Fact]
    public void Parquet_in_the_hub_stats_shape_opens_as_the_models_view()
    {
        var path = TestHub.WriteParquet(_dir, CanonicalRow("a/one", "finetune") + " UNION ALL " + CanonicalRow("a/two", "adapter"));

        using var hub = HubData.Open(path, InMemory);

        Assert.Equal(DataKind.Parquet, hub.Kind);
        Assert.Equal(2, hub.Count());
        Assert.Equal(1, hub.Scalar<long>("SELECT count(*) FROM models WHERE baseModels.relation = 'adapter'"));
        Assert.Equal(2, hub.Scalar<long>("SELECT count(*) FROM models WHERE list_contains(tags, 't')"));
    }

    [Fact]
    public void Snapshot_without_baseModels_opens_with_a_warning_and_refuses_steps_that_need_it()
    {
        var path = TestHub.WriteParquet(_dir,
            "SELECT 'a/one' AS id, ['x'] AS tags, [{'rfilename': 'model.safetensors'}] AS siblings, '{}' AS cardData");

        using var hub = HubData.Open(path, InMemory);

        var problem = Assert.Single(hub.Schema.Problems, p => p.Column == "baseModels");
        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.Contains("2025-07-25", problem.Message);
        Assert.Equal(0, hub.Scalar<long>("SELECT count(baseModels) FROM models"));
        var error = Assert.Throws<ModelTreeException>(() => hub.Schema.Require("baseModels"));
        Assert.Contains("baseModels", error.Message);
    }

    [Fact]
    public void Mistyped_tags_column_is_rejected_naming_the_column_and_the_expected_type()
    {
        var path = TestHub.WriteParquet(_dir,
            "SELECT 'a/one' AS id, 'lora,peft' AS tags, [{'rfilename': 'x'}] AS siblings");

        var error = Assert.Throws<ModelTreeException>(() => HubData.Open(path, InMemory));

        Assert.Contains("tags", error.Message);
        Assert.Contains("VARCHAR[]", error.Message);
        Assert.Contains("models.parquet", error.Message);
    }

    [Fact]
    public void Missing_id_column_is_an_error()
    {
        var path = TestHub.WriteParquet(_dir, "SELECT ['x'] AS tags, [{'rfilename': 'x'}] AS siblings");

        var error = Assert.Throws<ModelTreeException>(() => HubData.Open(path, InMemory));

        Assert.Contains("no id column", error.Message);
    }

    [Fact]
    public void Scalar_columns_of_another_type_are_converted_and_noted()
    {
        var path = TestHub.WriteParquet(_dir,
            "SELECT 'a/one' AS id, ['x'] AS tags, [{'rfilename': 'x'}] AS siblings, '2024-03-01 10:00:00' AS createdAt, 7::INTEGER AS likes");

        using var hub = HubData.Open(path, InMemory);

        Assert.Equal(2024, hub.Scalar<long>("SELECT year(createdAt) FROM models"));
        Assert.Equal("BIGINT", hub.Scalar<string>("SELECT typeof(likes) FROM models"));
        Assert.Contains(hub.Schema.Problems, p => p.Column == "createdAt" && p.Severity == Severity.Info);
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var path = Path.Combine(_dir, "nowhere.parquet");

        var error = Assert.Throws<ModelTreeException>(() => HubData.Open(path, InMemory));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_file_of_another_kind_is_refused_with_the_forms_the_workbook_reads()
    {
        var path = Path.Combine(_dir, "models.csv");
        File.WriteAllText(path, "id\nx\n");

        var error = Assert.Throws<ModelTreeException>(() => HubData.Open(path, InMemory));

        Assert.Contains(".parquet", error.Message);
        Assert.Contains(".jsonl", error.Message);
    }

    [Fact]
    public void Malformed_json_lines_are_reported_with_the_file_name()
    {
        var path = Path.Combine(_dir, "dump.jsonl");
        File.WriteAllText(path, "{\"id\": \"a/b\", \"tags\": [], \"siblings\": []}\n{\"id\": oops}\n");

        var error = Assert.Throws<ModelTreeException>(() => HubData.Open(path, InMemory));

        Assert.Contains("dump.jsonl", error.Message);
        Assert.Contains("JSON", error.Message);
    }

    [Fact]
    public void A_parquet_file_that_is_not_parquet_is_reported_with_what_to_do()
    {
        var path = Path.Combine(_dir, "models.parquet");
        File.WriteAllText(path, "<html>rate limited</html>");

        var error = Assert.Throws<ModelTreeException>(() => HubData.Open(path, InMemory));

        Assert.Contains("could not be read as parquet", error.Message);
    }

    [Fact]
    public void One_database_file_reopens_a_parquet_after_json_lines_and_back()
    {
        var parquet = TestHub.WriteParquet(_dir, CanonicalRow("a/parquet", "merge"));
        var jsonl = Path.Combine(_dir, "records.jsonl");
        File.WriteAllText(jsonl, new ModelRow("a/jsonl") { Bases = ["x/base"], Relation = "adapter" }.ToJson().ToJsonString());
        var options = new HubDataOptions { DatabasePath = Path.Combine(_dir, "work", "workbook.duckdb") };

        string[] opened = [parquet, jsonl, parquet, parquet, jsonl, jsonl];
        var ids = opened.Select(path =>
        {
            using var hub = HubData.Open(path, options);
            return hub.Scalar<string>("SELECT id FROM models");
        }).ToList();

        Assert.Equal(["a/parquet", "a/jsonl", "a/parquet", "a/parquet", "a/jsonl", "a/jsonl"], ids);
    }

    [Fact]
    public void A_second_connection_to_the_database_file_sees_the_models_view_as_SQL_cells_do()
    {
        var parquet = TestHub.WriteParquet(_dir, CanonicalRow("a/one", "merge"));
        var database = Path.Combine(_dir, "work", "workbook.duckdb");

        using var hub = HubData.Open(parquet, new HubDataOptions { DatabasePath = database });
        using var sqlCell = new DuckDBConnection(hub.ConnectionString);
        sqlCell.Open();
        using var command = sqlCell.CreateCommand();
        command.CommandText = "SELECT baseModels.relation FROM models";

        Assert.Equal("merge", command.ExecuteScalar());
    }

    [Fact]
    public void Json_lines_records_with_null_lists_read_as_empty_lists()
    {
        using var hub = TestHub.Open(new ModelRow("a/no-lists") { Tags = null, Files = null });

        var model = Assert.Single(hub.Read());

        Assert.Empty(model.Tags);
        Assert.Empty(model.Files);
        Assert.Empty(model.BaseModels);
        Assert.Null(model.Relation);
    }

    [Fact]
    public void The_database_gets_the_workbooks_memory_limit_or_the_one_asked_for()
    {
        using (var hub = HubData.Open(TestPaths.MistralFamily, InMemory))
        {
            // DuckDB reports the limit in its own units (2GB is shown as 1.8 GiB).
            Assert.Equal("1.8 GiB", hub.Scalar<string>("SELECT current_setting('memory_limit')"));
        }
        using (var hub = HubData.Open(TestPaths.MistralFamily, InMemory with { MemoryLimit = "512MB" }))
        {
            Assert.Equal("488.2 MiB", hub.Scalar<string>("SELECT current_setting('memory_limit')"));
        }
    }

    [Fact]
    public void A_memory_limit_DuckDB_cannot_read_is_named_in_the_error()
    {
        var e = Assert.Throws<ModelTreeException>(() => HubData.Open(TestPaths.MistralFamily, InMemory with { MemoryLimit = "lots" }));
        Assert.Contains("'lots' is not a memory limit", e.Message, StringComparison.Ordinal);
        Assert.Contains("MODELTREE_MEMORY_LIMIT", e.Message, StringComparison.Ordinal);
    }
}

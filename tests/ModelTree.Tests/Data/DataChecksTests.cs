using System.Text.Json.Nodes;
using ModelTree.Data;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Data;

/// <summary>Rows that are wrong even when the columns are right: found when the data opens, treated one way everywhere, reported.</summary>
public sealed class DataChecksTests
{
    private static HubData OpenLines(params JsonObject[] rows)
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "faults.jsonl");
        File.WriteAllLines(path, rows.Select(r => r.ToJsonString()));
        return HubData.Open(path, new HubDataOptions { DatabasePath = ":memory:" });
    }

    private static JsonObject Row(string id, string lastModified, long downloads)
    {
        var row = new ModelRow(id) { Downloads = downloads }.ToJson();
        row["lastModified"] = lastModified;
        return row;
    }

    [Fact]
    public void A_duplicate_id_is_kept_once_as_its_last_modified_row_and_reported()
    {
        using var hub = OpenLines(
            Row("org/twice", "2025-01-01T00:00:00Z", 10),
            Row("org/twice", "2025-06-01T00:00:00Z", 20),
            Row("org/once", "2025-03-01T00:00:00Z", 5));

        Assert.Equal(2L, hub.Count());
        Assert.Equal(20L, hub.Scalar<long>("SELECT downloads FROM models WHERE id = 'org/twice'"));
        var problem = Assert.Single(hub.Schema.Problems, p => p.Column == "id");
        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.Contains("1 id(s)", problem.Message);
        Assert.Contains("org/twice ×2", problem.Message);
        Assert.Contains("modified last", problem.Message);
    }

    [Fact]
    public void The_checks_are_counted_once_per_file_and_counted_again_when_it_changes()
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            var path = Path.Combine(dir, "faults.jsonl");
            var options = new HubDataOptions { DatabasePath = Path.Combine(dir, "workbook.duckdb") };
            var twice = new[] { Row("org/twice", "2025-01-01T00:00:00Z", 10), Row("org/twice", "2025-06-01T00:00:00Z", 20) };
            File.WriteAllLines(path, twice.Select(r => r.ToJsonString()));

            DateTime? built;
            using (var first = HubData.Open(path, options))
            {
                built = DerivedTables.Built(first, "data_checks");
                Assert.NotNull(built);
                Assert.Single(first.Schema.Problems, p => p.Column == "id");
            }
            using (var again = HubData.Open(path, options))
            {
                Assert.Equal(built, DerivedTables.Built(again, "data_checks")); // same file: the counts are reused
                Assert.Single(again.Schema.Problems, p => p.Column == "id");
                Assert.Equal(1L, again.Count());
            }

            File.WriteAllLines(path, [Row("org/twice", "2025-06-01T00:00:00Z", 20).ToJsonString(), Row("org/once", "2025-03-01T00:00:00Z", 5).ToJsonString()]);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
            using var changed = HubData.Open(path, options);
            Assert.DoesNotContain(changed.Schema.Problems, p => p.Column == "id");
            Assert.Equal(2L, changed.Count());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_base_id_that_cannot_be_a_repository_is_ignored_by_the_tree_and_by_explain_alike()
    {
        using var hub = TestHub.Open(
            new ModelRow("org/base"),
            new ModelRow("org/child") { Bases = ["not a repo", "org/base", "hf:thing"], Relation = "finetune" });

        var problem = Assert.Single(hub.Schema.Problems, p => p.Column == "baseModels" && p.Severity == Severity.Warning);
        Assert.Contains("2 base id(s)", problem.Message);
        Assert.Contains("'not a repo'", problem.Message);

        var record = hub.Find("org/child")!;
        Assert.Equal(["org/base"], record.BaseModels);
        var graph = ModelGraph.Build(hub);
        Assert.Equal(["org/base"], graph.Edges().Where(e => e.Child == "org/child").Select(e => e.Base));
    }

    [Fact]
    public void A_card_that_is_not_a_json_object_is_counted_and_named()
    {
        using var hub = TestHub.Open(
            new ModelRow("org/good") { Card = new JsonObject { ["license"] = "mit" } },
            new ModelRow("org/bad") { RawCard = "{license: mit" });

        var problem = Assert.Single(hub.Schema.Problems, p => p.Column == "cardData" && p.Severity == Severity.Warning);
        Assert.Contains("1 card(s)", problem.Message);
        Assert.Contains("org/bad", problem.Message);
        Assert.DoesNotContain("org/good", problem.Message);
    }

    [Fact]
    public void Clean_data_reports_no_row_problem_and_a_parquet_stays_a_view()
    {
        var dir = TestPaths.NewTempDir();
        var path = TestHub.WriteParquet(dir,
            "SELECT 'org/m' || i AS id, ['org/m' || i] AS tags, [{'rfilename': 'model.safetensors'}] AS siblings FROM range(5) t(i)");
        using var hub = HubData.Open(path, new HubDataOptions { DatabasePath = ":memory:" });

        Assert.DoesNotContain(hub.Schema.Problems, p => p.Message.Contains("id(s) appear", StringComparison.Ordinal));
        Assert.DoesNotContain(hub.Schema.Problems, p => p.Message.Contains("card(s) are", StringComparison.Ordinal));
        Assert.Equal("VIEW", hub.Scalar<string>("SELECT table_type FROM information_schema.tables WHERE table_name = 'models'"));
    }

    [Fact]
    public void Ids_match_ignoring_case_and_a_typo_gets_the_same_suggestions_from_the_rows_and_from_the_graph()
    {
        using var hub = HubData.Open(TestPaths.MistralFamily, new HubDataOptions { DatabasePath = ":memory:" });
        var graph = ModelGraph.Build(hub);

        Assert.Equal("mistralai/Mistral-Small-24B-Base-2501", hub.Find(" MISTRALAI/mistral-small-24b-base-2501 ")!.Id);
        Assert.Equal("mistralai/Mistral-Small-24B-Base-2501", graph.Canonical("mistralai/mistral-small-24b-base-2501"));

        const string typo = "mistralai/Mistral-Smal-24B-Base-2501";
        var fromRows = ModelIds.Closest(hub, typo);
        var fromGraph = graph.Suggest(typo);
        Assert.Equal("mistralai/Mistral-Small-24B-Base-2501", fromRows[0]);
        // The graph also knows bases that are not rows; restricted to rows, the two lists are the same.
        var rows = hub.Read().Select(r => r.Id).ToHashSet();
        Assert.Equal(fromRows, fromGraph.Where(rows.Contains).Take(fromRows.Count));
    }
}

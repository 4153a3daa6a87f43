using System.Text.Json.Nodes;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Study;

public class StudySqlTests
{
    private static readonly ModelRow[] Rows =
    [
        new("org/base") { Tags = ["transformers"], Files = ["model.safetensors", "config.json"], Card = new JsonObject { ["license"] = "mit" } },
        new("a/ft") { Tags = ["lora", "base_model:finetune:org/base"], Files = ["model.safetensors", "adapter_model.safetensors"],
            Bases = ["org/base"], Relation = "finetune", Card = new JsonObject { ["base_model"] = "org/base" }, CreatedAt = "2025-03-10T00:00:00Z" },
        new("a/lora") { Tags = ["peft"], Files = ["adapter_model.safetensors", "adapter_config.json"], LibraryName = "peft",
            Bases = ["org/base"], Relation = "adapter", Card = new JsonObject { ["base_model"] = new JsonArray("org/base", "") } },
        new("a/q") { Tags = ["gguf"], Files = ["q.Q4_K_M.gguf"], Bases = ["org/base"], Relation = "quantized",
            Card = new JsonObject { ["base_model"] = "org/base", ["base_model_relation"] = "quantized" } },
        new("a/broken") { Tags = null, Files = null, RawCard = "{\"base_model\": \"org/base\"", CreatedAt = "2025-03-20T00:00:00Z" },
        new("a/self") { Tags = [], Files = [], Bases = ["A/Self"], Relation = "distilled" },
        new("a/amb") { Tags = ["transformers", "base_model:finetune:org/base"], Files = ["model.safetensors", "adapter_model.safetensors"],
            Bases = ["org/base"], Relation = "finetune" },
        new("a/amb-null-tags") { Tags = null, Files = ["model.safetensors", "adapter_model.bin"] },
        new("a/backfill") { Tags = ["awq"], Files = ["model.safetensors"], Card = new JsonObject { ["base_model"] = new JsonArray("org/base") } },
    ];

    private static Dictionary<string, Dictionary<string, object?>> Facts()
    {
        using var hub = TestHub.Open(Rows).WithStudyViews();
        using var reader = hub.Reader($"SELECT * FROM {StudyViews.Facts}");
        var facts = new Dictionary<string, Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            facts[(string)row["id"]!] = row;
        }
        return facts;
    }

    [Fact]
    public void Facts_view_has_one_row_per_model()
    {
        var facts = Facts();

        Assert.Equal(Rows.Select(r => r.Id).Order(), facts.Keys.Order());
    }

    [Fact]
    public void Tag_facts_use_exact_tags_and_treat_null_tags_as_none()
    {
        var facts = Facts();

        Assert.Equal(true, facts["a/ft"]["has_adapter_tag"]);
        Assert.Equal(true, facts["a/lora"]["has_adapter_tag"]);
        Assert.Equal(true, facts["a/q"]["has_quant_tag"]);
        Assert.Equal(false, facts["a/broken"]["has_adapter_tag"]);
        Assert.Equal(false, facts["a/broken"]["has_quant_tag"]);
        Assert.Equal(false, facts["a/backfill"]["has_quant_tag"]);
        Assert.Equal(true, facts["a/backfill"]["has_other_quant_tag"]);
    }

    [Fact]
    public void File_facts_follow_the_studys_patterns()
    {
        var facts = Facts();

        Assert.Equal(true, facts["a/lora"]["has_full_weights"]);
        Assert.Equal(false, facts["a/lora"]["has_standalone_weights"]);
        Assert.Equal(true, facts["a/lora"]["has_adapter_files"]);
        Assert.Equal(true, facts["a/ft"]["has_standalone_weights"]);
        Assert.Equal(true, facts["a/q"]["has_gguf"]);
        Assert.Equal(false, facts["a/broken"]["has_full_weights"]);
        Assert.Equal(0L, Convert.ToInt64(facts["a/broken"]["n_files"]));
        Assert.Equal(false, facts["a/self"]["has_lora_files"]);
    }

    [Fact]
    public void Card_facts_read_a_string_or_a_list_and_survive_malformed_json()
    {
        var facts = Facts();

        Assert.Equal(true, facts["a/ft"]["card_names_base"]);
        Assert.Equal(true, facts["a/lora"]["card_names_base"]);
        Assert.Equal(["org/base"], ((System.Collections.IEnumerable)facts["a/lora"]["card_bases"]!).Cast<string>());
        Assert.Equal(true, facts["a/backfill"]["card_names_base"]);
        Assert.Equal(false, facts["a/backfill"]["has_base_models"]);
        Assert.Equal(true, facts["a/broken"]["card_malformed"]);
        Assert.Equal(false, facts["a/broken"]["card_names_base"]);
        Assert.Equal(false, facts["org/base"]["card_malformed"]);
        Assert.Equal(false, facts["a/self"]["card_malformed"]);
        Assert.Equal("quantized", facts["a/q"]["card_relation"]);
        Assert.Equal(true, facts["a/lora"]["is_peft"]);
        Assert.Equal(false, facts["a/ft"]["is_peft"]);
    }

    [Fact]
    public void Ambiguous_is_the_6_2_test_full_and_adapter_files_with_tags_silent_about_adapters()
    {
        var facts = Facts();

        Assert.Equal(true, facts["a/amb"]["is_ambiguous"]);
        Assert.Equal(false, facts["a/ft"]["is_ambiguous"]);
        Assert.Equal(false, facts["a/amb-null-tags"]["is_ambiguous"]);
        // adapter_model.safetensors matches %model.safetensors%, and "peft" contains neither word:
        // an adapter-only repository tagged just "peft" passes the study's test.
        Assert.Equal(true, facts["a/lora"]["is_ambiguous"]);
    }

    [Fact]
    public void Base_facts_count_bases_and_spot_a_model_naming_itself()
    {
        var facts = Facts();

        Assert.Equal(true, facts["a/self"]["names_itself"]);
        Assert.Equal(false, facts["a/ft"]["names_itself"]);
        Assert.Equal(1L, Convert.ToInt64(facts["a/ft"]["n_bases"]));
        Assert.Equal(0L, Convert.ToInt64(facts["org/base"]["n_bases"]));
        Assert.Equal("distilled", facts["a/self"]["relation"]);
    }

    [Fact]
    public void Facts_agree_with_the_csharp_classifiers_on_every_row()
    {
        var facts = Facts();
        using var hub = TestHub.Open(Rows);

        foreach (var model in hub.Read())
        {
            var f = facts[model.Id];
            Assert.Equal(model.HasAdapterTag(), f["has_adapter_tag"]);
            Assert.Equal(model.HasQuantTag(), f["has_quant_tag"]);
            Assert.Equal(model.HasFullWeights(), f["has_full_weights"]);
            Assert.Equal(model.HasStandaloneWeights(), f["has_standalone_weights"]);
            Assert.Equal(model.HasAdapterFiles(), f["has_adapter_files"]);
            Assert.Equal(model.HasGgufFiles(), f["has_gguf"]);
            Assert.Equal(model.HasLoraFiles(), f["has_lora_files"]);
            Assert.Equal(model.Card.IsMalformed, f["card_malformed"]);
            Assert.Equal(model.Card.BaseModels.Count > 0, f["card_names_base"]);
            Assert.Equal(model.IsPeft(), f["is_peft"]);
        }
    }

    [Fact]
    public void Relation_counts_keep_unknown_labels_and_call_null_none()
    {
        using var hub = TestHub.Open(Rows);

        var counts = hub.Query(StudySql.RelationCounts);
        var byLabel = Enumerable.Range(0, (int)counts.Rows.Count)
            .ToDictionary(i => (string)counts.Columns["relation"][i], i => (long)counts.Columns["models"][i]);

        Assert.Equal(4L, byLabel["(none)"]);
        Assert.Equal(1L, byLabel["distilled"]);
        Assert.Equal(2L, byLabel["finetune"]);
        Assert.Equal(9L, byLabel.Values.Sum());
    }

    [Fact]
    public void Examples_list_one_relation_and_are_empty_for_a_label_nobody_has()
    {
        using var hub = TestHub.Open(Rows).WithStudyViews();

        var adapters = hub.Query(StudySql.Examples("adapter"));
        var merges = hub.Query(StudySql.Examples("merge"));

        Assert.Equal(1, adapters.Rows.Count);
        Assert.Equal("a/lora", adapters.Columns["id"][0]);
        Assert.Equal(0, merges.Rows.Count);
        Assert.Contains("files", adapters.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Examples_quote_the_relation()
    {
        using var hub = TestHub.Open(Rows).WithStudyViews();

        Assert.Equal(0, hub.Query(StudySql.Examples("x' OR '1'='1")).Rows.Count);
    }

    [Fact]
    public void Monthly_coverage_splits_models_by_where_their_base_is_recorded()
    {
        using var hub = TestHub.Open(Rows).WithStudyViews();

        var monthly = hub.Query(StudySql.MonthlyBaseCoverage);
        var march = Enumerable.Range(0, (int)monthly.Rows.Count)
            .Where(i => ((DateTime)monthly.Columns["month"][i]).Month == 3)
            .ToDictionary(i => (string)monthly.Columns["recorded"][i], i => (long)monthly.Columns["models"][i]);

        Assert.Equal(1L, march["baseModels and card"]);
        Assert.Equal(1L, march["neither"]);
        Assert.Equal(2, march.Count);
    }

    [Fact]
    public void Tag_and_file_fragments_are_null_safe()
    {
        using var hub = TestHub.Open(new ModelRow("x/none") { Tags = null, Files = null });

        Assert.False(hub.Scalar<bool>($"SELECT {StudySql.AdapterTag} FROM models"));
        Assert.False(hub.Scalar<bool>($"SELECT {StudySql.AnyFile(ModelTree.Study.Vocabulary.AdapterFilePatterns)} FROM models"));
    }
}

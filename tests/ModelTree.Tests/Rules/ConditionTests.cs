using System.Text.Json.Nodes;
using ModelTree.Rules;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Rules;

/// <summary>Each condition kind, and missing or broken data, on both paths (the SQL must never turn NULL into a wrong answer).</summary>
public class ConditionTests
{
    private static RuleSet Only(Condition when, string yields = "adapter") => new()
    {
        Name = "probe",
        RelationExistsWhen = Condition.Bases(Comparison.GreaterOrEqual, 1),
        Rules = [new Rule("probe", when, yields)],
        Precedence = [["merge"], ["adapter"], ["quantized"], ["finetune"]],
        Otherwise = "finetune",
    };

    private static bool Fires(Condition when, ModelRow row) => RuleCheck.Label(row, Only(when)) == "adapter";

    [Fact]
    public void Null_tags_siblings_and_card_read_as_empty_so_not_holds()
    {
        var row = RuleCheck.Child("org/nulls") with { Tags = null, Files = null, Card = null };

        Assert.False(Fires(Condition.Tags("lora"), row));
        Assert.True(Fires(Condition.Not(Condition.Tags("lora")), row));
        Assert.False(Fires(Condition.Files("%"), row));
        Assert.True(Fires(Condition.Not(Condition.Files("%.gguf")), row));
        Assert.False(Fires(Condition.CardHas("base_model"), row));
        Assert.True(Fires(Condition.Not(Condition.CardEquals("license", "mit")), row));
        Assert.False(Fires(Condition.Library("peft"), row));
        Assert.True(Fires(Condition.Not(Condition.Library("peft")), row));
        Assert.False(Fires(Condition.Declared, row));
    }

    [Fact]
    public void Null_base_models_count_as_zero_bases()
    {
        var row = new ModelRow("org/orphan") { Bases = null, Card = new JsonObject { ["base_model"] = "org/base" } };
        var rules = Only(Condition.Bases(Comparison.Equal, 0)) with
        {
            RelationExistsWhen = Condition.Any(Condition.Bases(Comparison.GreaterOrEqual, 1), Condition.CardHas("base_model")),
        };

        Assert.Equal("adapter", RuleCheck.Label(row, rules));
    }

    [Theory]
    [InlineData("\"org/base\"", "finetune")]
    [InlineData("[\"\", \"org/base\"]", "finetune")]
    [InlineData("[\"\"]", "none")]
    [InlineData("[3, null]", "none")]
    [InlineData("7", "none")]
    [InlineData("{\"id\": \"org/base\"}", "none")]
    public void The_card_names_a_base_only_with_a_name_in_base_model(string baseModel, string expected)
    {
        // No baseModels: the gate rests on the card alone, read as every query reads it (CardData.BaseModels).
        var card = (JsonObject)JsonNode.Parse($"{{\"base_model\": {baseModel}}}")!;
        var row = new ModelRow("org/card-only") { Bases = null, Card = card };

        Assert.Equal(expected, RuleCheck.Label(row, RuleSet.Default));
    }

    [Fact]
    public void Card_text_that_is_not_json_has_no_fields()
    {
        var row = RuleCheck.Child("org/broken") with { RawCard = "{base_model_relation: adapter" };

        Assert.False(Fires(Condition.Declared, row));
        Assert.False(Fires(Condition.CardHas("base_model_relation"), row));
        Assert.True(Fires(Condition.Not(Condition.CardHas("base_model_relation")), row));
    }

    [Fact]
    public void Card_that_is_a_json_list_has_no_fields()
    {
        var row = RuleCheck.Child("org/list-card") with { RawCard = "[{\"library_name\": \"peft\"}]" };

        Assert.False(Fires(Condition.CardHas("library_name"), row));
    }

    [Fact]
    public void Card_field_exists_only_with_a_value()
    {
        var card = new JsonObject
        {
            ["empty_text"] = "",
            ["empty_list"] = new JsonArray(),
            ["nothing"] = null,
            ["zero"] = 0,
            ["flag"] = false,
            ["text"] = "x",
        };
        var row = RuleCheck.Child("org/card") with { Card = card };

        Assert.False(Fires(Condition.CardHas("empty_text"), row));
        Assert.False(Fires(Condition.CardHas("empty_list"), row));
        Assert.False(Fires(Condition.CardHas("nothing"), row));
        Assert.False(Fires(Condition.CardHas("absent"), row));
        Assert.True(Fires(Condition.CardHas("zero"), row));
        Assert.True(Fires(Condition.CardHas("flag"), row));
        Assert.True(Fires(Condition.CardHas("text"), row));
    }

    [Fact]
    public void Card_equals_matches_a_string_or_a_list_item_trimmed_and_case_insensitive()
    {
        var card = new JsonObject
        {
            ["library_name"] = " PEFT ",
            ["tags"] = new JsonArray("Text", 3, "LoRA"),
            ["count"] = 3,
        };
        var row = RuleCheck.Child("org/card") with { Card = card };

        Assert.True(Fires(Condition.CardEquals("library_name", "peft"), row));
        Assert.True(Fires(Condition.CardEquals("tags", "lora"), row));
        Assert.False(Fires(Condition.CardEquals("tags", "3"), row)); // only strings compare
        Assert.False(Fires(Condition.CardEquals("count", "3"), row));
        Assert.False(Fires(Condition.CardEquals("library_name", "transformers"), row));
    }

    [Fact]
    public void File_patterns_are_sql_like_on_lower_cased_names()
    {
        var row = RuleCheck.Child("org/files") with { Files = ["weights/Adapter-Model.SafeTensors", "a%b.txt", "back\\slash.bin"] };

        Assert.True(Fires(Condition.Files("%adapter_model%"), row)); // _ is any one character, as in the study's query
        Assert.True(Fires(Condition.Files("weights/%"), row));
        Assert.False(Fires(Condition.Files("adapter%"), row)); // anchored at the start of the path
        Assert.True(Fires(Condition.Files("a%b.txt"), row));
        Assert.True(Fires(Condition.Files("back\\slash.bin"), row)); // no escape character
        Assert.False(Fires(Condition.Files("%.gguf"), row));
    }

    [Fact]
    public void File_evidence_names_three_files_with_the_first_pattern_each_matches_then_counts_the_rest()
    {
        var row = RuleCheck.Child("org/shards") with
        {
            Files = ["README.md", "model-00001.safetensors", "Adapter_Model.safetensors", "model-00002.safetensors", "model-00003.bin", "model-00004.bin"],
        };

        var verdict = RuleCheck.Verdict(row, Only(Condition.Files("%adapter%", "%.safetensors", "%.bin")));

        Assert.Equal(
            ["file \"model-00001.safetensors\" matches '%.safetensors'", "file \"adapter_model.safetensors\" matches '%adapter%'",
             "file \"model-00002.safetensors\" matches '%.safetensors'", "and 2 more files"],
            verdict.Matches.Single().Evidence);
    }

    [Fact]
    public void Patterns_with_one_character_wildcards_keep_other_characters_literal()
    {
        // Patterns with _ or an inner % compile to one regular expression over all names: check its escaping.
        var row = RuleCheck.Child("org/odd-names") with { Files = ["dir/a.b-c(1)+[x].bin", "back\\sl#sh.txt", "ünï_cödé.json"] };

        Assert.True(Fires(Condition.Files("dir/a.b_c(1)+[x]%"), row));
        Assert.False(Fires(Condition.Files("dir/a_b-c(1)+[x]x%"), row));
        Assert.False(Fires(Condition.Files("dir/axb_c%"), row)); // the dot is a dot, not any character
        Assert.True(Fires(Condition.Files("back\\sl_sh.txt"), row));
        Assert.True(Fires(Condition.Files("ünï_cödé%"), row));
        Assert.True(Fires(Condition.Files("%"), row));
        Assert.False(Fires(Condition.Files("%"), RuleCheck.Child("org/no-files") with { Files = [] }));
    }

    [Theory]
    [InlineData(Comparison.Equal, 2, true)]
    [InlineData(Comparison.NotEqual, 2, false)]
    [InlineData(Comparison.Less, 3, true)]
    [InlineData(Comparison.LessOrEqual, 1, false)]
    [InlineData(Comparison.Greater, 1, true)]
    [InlineData(Comparison.GreaterOrEqual, 3, false)]
    public void Base_count_compares_the_number_of_named_bases(Comparison comparison, int count, bool expected)
    {
        var row = new ModelRow("org/two") { Bases = ["org/a", "org/b"], Relation = "merge" };

        Assert.Equal(expected, Fires(Condition.Bases(comparison, count), row));
    }

    [Fact]
    public void All_any_and_not_compose()
    {
        var row = RuleCheck.Child("org/mix") with { Tags = ["lora"], LibraryName = "transformers" };

        Assert.True(Fires(Condition.All(Condition.Tags("lora"), Condition.Not(Condition.Library("peft"))), row));
        Assert.False(Fires(Condition.All(Condition.Tags("lora"), Condition.Library("peft")), row));
        Assert.True(Fires(Condition.Any(Condition.Tags("gguf"), Condition.Library("TRANSFORMERS")), row));
        Assert.False(Fires(Condition.Not(Condition.Any(Condition.Tags("gguf"), Condition.Tags("lora"))), row));
    }

    [Fact]
    public void A_declared_rule_whose_card_declares_nothing_does_not_match()
    {
        var rules = Only(Condition.Tags("lora"), Rule.DeclaredRelation) with
        {
            Precedence = [["declared"], ["finetune"]],
        };

        var verdict = RuleCheck.Verdict(RuleCheck.Child("org/lora") with { Tags = ["lora"] }, rules);

        Assert.Equal("finetune", verdict.Label);
        Assert.Empty(verdict.Matches);
    }
}

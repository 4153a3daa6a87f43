using ModelTree.Rules;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Rules;

public class RuleFileTests
{
    private const string Valid = """
        {
          "name": "mine",
          "relationExistsWhen": { "bases": ">= 1" },
          "rules": [
            { "name": "lora tag", "when": { "tags": ["lora"] }, "yields": "adapter" }
          ],
          "precedence": ["adapter", "finetune"],
          "otherwise": "finetune"
        }
        """;

    private static string Error(string json)
    {
        var e = Assert.Throws<ModelTreeException>(() => RuleFile.Parse(json, "mine.json"));
        Assert.StartsWith("mine.json", e.Message);
        return e.Message;
    }

    [Fact]
    public void Default_set_survives_a_round_trip()
    {
        var text = RuleFile.ToJson(RuleSet.Default);

        Assert.Equal(RuleSet.Default, RuleFile.Parse(text));
    }

    [Fact]
    public void Shipped_default_file_is_the_default_set()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "lib", "ModelTree", "Rules", "default-rules.json");

        Assert.Equal(RuleSet.Default, RuleFile.Load(path));
    }

    [Fact]
    public void Shipped_study_file_is_the_study_set_and_loads_by_name()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "lib", "ModelTree", "Rules", "study-2026-rules.json");

        Assert.Equal(RuleSet.Study, RuleFile.Load(path));
        Assert.Equal("study-2026", RuleSet.Study.Name);
        Assert.Equal(RuleSet.Study, RuleSet.Named("Study-2026"));
        Assert.Equal(RuleSet.Default, RuleSet.Named("default"));
        Assert.Null(RuleSet.Named("my-rules.json"));
    }

    [Fact]
    public void Save_then_load_gives_the_same_set_with_levels_and_no_otherwise()
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            var edited = (RuleSet.Default with { Otherwise = null, Name = "edited" })
                .WithPrecedence("declared", "merge", "adapter|quantized", "finetune")
                .Without("adapter tags");
            var path = Path.Combine(dir, "edited.json");

            RuleFile.Save(edited, path);

            Assert.Equal(edited, RuleFile.Load(path));
            Assert.Contains("[\"adapter\", \"quantized\"]", File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var set = RuleFile.Parse(Valid.Replace("\"rules\": [", "// my rules\n  \"rules\": [").Replace("\"adapter\" }", "\"adapter\" },"));

        Assert.Equal("lora tag", set.Rules.Single().Name);
    }

    [Fact]
    public void Unknown_field_is_rejected_naming_the_rule()
    {
        var message = Error(Valid.Replace("\"yields\": \"adapter\"", "\"yeilds\": \"adapter\""));

        Assert.Contains("rule 'lora tag'", message);
        Assert.Contains("unknown field \"yeilds\"", message);
    }

    [Fact]
    public void Unknown_top_level_field_is_rejected()
    {
        Assert.Contains("unknown field \"order\"", Error(Valid.Replace("\"otherwise\"", "\"order\": [], \"otherwise\"")));
    }

    [Fact]
    public void Empty_condition_is_rejected_naming_the_rule()
    {
        var message = Error(Valid.Replace("{ \"tags\": [\"lora\"] }", "{}"));

        Assert.Contains("rule 'lora tag'", message);
        Assert.Contains("empty condition", message);
    }

    [Fact]
    public void Empty_all_is_rejected_as_an_empty_condition()
    {
        var message = Error(Valid.Replace("{ \"tags\": [\"lora\"] }", "{ \"all\": [] }"));

        Assert.Contains("rule 'lora tag'", message);
        Assert.Contains("empty condition", message);
    }

    [Fact]
    public void Glob_pattern_is_rejected_with_the_like_spelling()
    {
        var message = Error(Valid.Replace("{ \"tags\": [\"lora\"] }", "{ \"files\": [\"*.gguf\"] }"));

        Assert.Contains("rule 'lora tag'", message);
        Assert.Contains("'*.gguf' looks like a glob", message);
        Assert.Contains("%", message);
    }

    [Fact]
    public void Upper_case_pattern_is_rejected_because_names_are_lower_cased()
    {
        Assert.Contains("upper-case", Error(Valid.Replace("{ \"tags\": [\"lora\"] }", "{ \"files\": [\"%.GGUF\"] }")));
    }

    [Fact]
    public void Unknown_relation_is_rejected_naming_the_rule()
    {
        var message = Error(Valid.Replace("\"yields\": \"adapter\"", "\"yields\": \"lora\""));

        Assert.Contains("rule 'lora tag'", message);
        Assert.Contains("unknown relation 'lora'", message);
    }

    [Fact]
    public void Relation_missing_from_precedence_is_rejected()
    {
        Assert.Contains("does not list", Error(Valid.Replace("[\"adapter\", \"finetune\"]", "[\"finetune\"]")));
    }

    [Fact]
    public void Unknown_condition_kind_and_two_kinds_in_one_condition_are_rejected()
    {
        Assert.Contains("unknown condition kind \"tag\"", Error(Valid.Replace("\"tags\"", "\"tag\"")));
        Assert.Contains("exactly one kind", Error(Valid.Replace("{ \"tags\": [\"lora\"] }", "{ \"tags\": [\"lora\"], \"library\": [\"peft\"] }")));
    }

    [Fact]
    public void Bad_base_comparison_is_rejected()
    {
        Assert.Contains("like \">= 2\"", Error(Valid.Replace("{ \"tags\": [\"lora\"] }", "{ \"bases\": \"several\" }")));
    }

    [Fact]
    public void Duplicate_rule_names_are_rejected()
    {
        var twice = Valid.Replace(
            "{ \"name\": \"lora tag\", \"when\": { \"tags\": [\"lora\"] }, \"yields\": \"adapter\" }",
            "{ \"name\": \"lora tag\", \"when\": { \"tags\": [\"lora\"] }, \"yields\": \"adapter\" }, " +
            "{ \"name\": \"Lora Tag\", \"when\": { \"tags\": [\"peft\"] }, \"yields\": \"adapter\" }");

        Assert.Contains("same name", Error(twice));
    }

    [Fact]
    public void Missing_file_says_where_to_start()
    {
        var e = Assert.Throws<ModelTreeException>(() => RuleFile.Load("/nowhere/rules.json"));

        Assert.Contains("default-rules.json", e.Message);
    }

    [Fact]
    public void Every_problem_of_a_set_built_in_code_is_listed()
    {
        var broken = RuleSet.Default.Adding(new Rule("bad", Condition.Files("*.bin", ""), "lora"));

        var problems = broken.Problems();

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("rule 'bad'", p));
    }
}

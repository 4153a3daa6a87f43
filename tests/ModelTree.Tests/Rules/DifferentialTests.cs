using ModelTree.Data;
using ModelTree.Rules;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Rules;

/// <summary>The compiled SQL and the C# evaluator agree on every row of real data, for the default set and edited ones.</summary>
public class DifferentialTests
{
    public static TheoryData<string> RuleSets() => [.. Variants.Keys];

    private static readonly Dictionary<string, RuleSet> Variants = new()
    {
        ["default"] = RuleSet.Default,
        ["adapter|quantized tie"] = RuleSet.Default.WithPrecedence("declared", "merge", "adapter|quantized", "finetune"),
        ["declared last, no otherwise"] = (RuleSet.Default with { Otherwise = null }).WithPrecedence("merge", "adapter", "quantized", "finetune", "declared"),
        ["card and library probes"] = RuleSet.Default
            .Adding(new Rule("vllm or transformers", Condition.Library("vllm", "transformers"), "finetune"))
            .Adding(new Rule("card tags", Condition.CardEquals("tags", "mistral"), "quantized"))
            .Adding(new Rule("licensed", Condition.All(Condition.CardHas("license"), Condition.Not(Condition.Files("%.md"))), "merge")),
    };

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Sql_and_csharp_agree_on_every_real_record(string variant)
    {
        foreach (var file in TestPaths.RealRecordFiles)
        {
            using var hub = HubData.Open(file, new HubDataOptions { DatabasePath = ":memory:" });

            var check = hub.CrossCheck(Variants[variant]);

            Assert.True(check.Agrees, check.ToString());
            Assert.Equal(hub.Count(), check.Rows);
        }
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Sql_and_csharp_agree_on_every_row_of_the_sample(string variant)
    {
        using var hub = HubData.Open(WorkbookPaths.SamplePath, new HubDataOptions { DatabasePath = ":memory:" });

        var check = hub.CrossCheck(Variants[variant]);

        Assert.True(check.Agrees, check.ToString());
        Assert.Equal(hub.Count(), check.Rows);
    }

    [Fact]
    public void Declared_relations_in_the_sample_are_always_followed_by_the_default_rules()
    {
        using var hub = HubData.Open(WorkbookPaths.SamplePath, new HubDataOptions { DatabasePath = ":memory:" });
        // Read from the data: models with a base whose card declares one of the four relations.
        var declared = hub.Scalar<long>(
            "SELECT count(*) FROM models WHERE json_valid(cardData) AND baseModels IS NOT NULL " +
            "AND lower(trim(json_extract_string(cardData, '$.base_model_relation'))) IN ('finetune','adapter','quantized','merge')");

        var fired = hub.Classify().Firing.Single(f => f.Rule == "declared relation wins").Count;

        Assert.True(declared > 0);
        Assert.Equal(declared, fired);
    }

    [Fact]
    public void Default_rules_on_the_mistral_family_match_counts_taken_from_the_file()
    {
        using var hub = HubData.Open(TestPaths.MistralFamily, new HubDataOptions { DatabasePath = ":memory:" });
        // Figures read from the file itself: 66 finetunes and one base; one finetune carries the tag
        // "quantized" (the quantization-tags rule calls it quantized); one declares base_model_relation.
        var finetunes = hub.Scalar<long>("SELECT count(*) FROM models WHERE baseModels.relation = 'finetune'");
        var quantTagged = hub.Scalar<long>(
            "SELECT count(*) FROM models WHERE baseModels.relation = 'finetune' AND list_has_any(tags, ['quantized','gguf','int8','int4','4bit','8bit']) " +
            "AND coalesce(json_extract_string(cardData, '$.base_model_relation'), '') = ''");

        var result = hub.Classify();

        Assert.Equal(finetunes - quantTagged, result.Confusion["finetune", "finetune"]);
        Assert.Equal(quantTagged, result.Confusion["finetune", "quantized"]);
        Assert.Equal(0, result.Ambiguous);
    }
}

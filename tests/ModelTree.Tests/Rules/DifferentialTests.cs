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
        ["study-2026"] = RuleSet.Study,
        ["adapter|quantized tie"] = RuleSet.Default.WithPrecedence("declared", "merge", "adapter|quantized", "finetune"),
        // No file test left: the compiled set reads models itself, without the one-pass file bits.
        ["no file tests"] = RuleSet.Default.Without("adapter tags").Without("gguf files").Without("quantization the Hub reads"),
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

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void The_compiled_label_is_never_null_and_says_none_where_the_evaluator_does(string variant)
    {
        using var hub = HubData.Open(WorkbookPaths.SamplePath, new HubDataOptions { DatabasePath = ":memory:" });
        var sql = Variants[variant].Compile();

        Assert.Equal(0, hub.Scalar<long>($"SELECT count(*) FROM {sql.From} WHERE {sql.Label} IS NULL"));
        // Models without a base get 'none' from the gate, in SQL as in C#.
        Assert.True(hub.Scalar<long>($"SELECT count(*) FROM {sql.From} WHERE NOT {sql.HasBase} AND {sql.Label} = 'none'") > 0);
    }

    [Fact]
    public void File_tests_are_asked_once_per_file_list_the_card_is_parsed_once_and_a_set_without_file_tests_never_reads_files()
    {
        var withoutFiles = Variants["no file tests"].Compile();
        Assert.DoesNotContain("siblings", withoutFiles.From);
        Assert.DoesNotContain("rule_file_bits", withoutFiles.From);
        var compiled = RuleSet.Default.Compile();
        Assert.Contains("rule_file_bits", compiled.From);
        Assert.DoesNotContain("siblings", compiled.Label);
        // The card's fields come out of one json_extract in the row source; the label, deciding rule and matched list read them.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(compiled.From, "json_extract"));
        foreach (var output in new[] { compiled.Label, compiled.FiringRule, compiled.MatchedRules, compiled.Contested })
        {
            Assert.DoesNotContain("cardData", output);
        }

        // Two sets compiled together share one row source, so one query can hold both.
        var both = RuleSql.CompileTogether(RuleSet.Study, RuleSet.Default);
        Assert.Equal(both[0].From, both[1].From);
    }

    [Fact]
    public void Cross_check_of_a_large_table_can_take_a_fixed_subset()
    {
        using var hub = HubData.Open(WorkbookPaths.SamplePath, new HubDataOptions { DatabasePath = ":memory:" });

        var first = hub.CrossCheck(maxRows: 1_000);
        var second = hub.CrossCheck(maxRows: 1_000);

        Assert.True(first.Agrees, first.ToString());
        Assert.Equal(hub.Count(), first.TableRows);
        Assert.InRange(first.Rows, 500, 2_000); // every 30th model by a hash of its id
        Assert.Equal(first.Rows, second.Rows);
    }

    [Fact]
    public void Cross_check_reports_every_model_where_the_sql_labels_differ_in_table_order()
    {
        using var hub = HubData.Open(WorkbookPaths.SamplePath, new HubDataOptions { DatabasePath = ":memory:" });
        var labels = RuleRunner.Labels(hub, RuleSet.Default);
        // Spoil the stored SQL labels of three models (the table's 5th, 700th and 20,000th): the C# path must catch each one.
        var spoiled = new[] { 5, 700, 20_000 }.Select(n => hub.Scalar<string>($"SELECT id FROM models LIMIT 1 OFFSET {n - 1}")).ToList();
        hub.Execute($"UPDATE {labels} SET predicted = 'spoiled' WHERE id IN ({string.Join(", ", spoiled.Select(id => $"'{id}'"))})");

        var check = hub.CrossCheck(RuleSet.Default);

        Assert.False(check.Agrees);
        Assert.Equal(hub.Count(), check.Rows);
        Assert.Equal(spoiled, check.Mismatches.Select(m => m[..m.IndexOf(": SQL (spoiled", StringComparison.Ordinal)]));
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
        // Figures read from the file itself: 66 finetunes and one base; one finetune carries the tag "quantized" but lists
        // only its README (the study's quantization-tags rule calls it quantized; the Hub, and the refitted rules, finetune).
        var finetunes = hub.Scalar<long>("SELECT count(*) FROM models WHERE baseModels.relation = 'finetune'");
        var quantTagged = hub.Scalar<long>(
            "SELECT count(*) FROM models WHERE baseModels.relation = 'finetune' AND list_has_any(tags, ['quantized','gguf','int8','int4','4bit','8bit']) " +
            "AND coalesce(json_extract_string(cardData, '$.base_model_relation'), '') = ''");

        var study = hub.Classify(RuleSet.Study);
        var refit = hub.Classify();

        Assert.Equal(1, quantTagged);
        Assert.Equal(finetunes - quantTagged, study.Confusion["finetune", "finetune"]);
        Assert.Equal(quantTagged, study.Confusion["finetune", "quantized"]);
        Assert.Equal(finetunes, refit.Confusion["finetune", "finetune"]);
        Assert.Equal(0, refit.Ambiguous);
    }
}

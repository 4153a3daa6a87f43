using System.Text.Json.Nodes;
using ModelTree.Rules;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Rules;

/// <summary>
/// Scores on a nine-model table whose answers are worked out by hand below, with the study's rules (<c>study-2026</c>):
/// the scoring is under test here, not which rules are right (<see cref="DefaultRulesTests"/> does that).
/// <code>
/// id            Hub label  evidence              predicted
/// a/ft1         finetune   none                  finetune   right
/// a/ft2         finetune   tag lora              adapter    wrong (adapter tags)
/// a/ad1         adapter    library peft          adapter    right
/// a/ad2         adapter    none                  finetune   wrong (otherwise)
/// a/q1          quantized  x.gguf                quantized  right
/// a/q2          quantized  tags gguf, lora       adapter    wrong (adapter tags), contested
/// a/m1          merge      two bases             merge      right
/// a/none        (none)     no base               none       right
/// a/card-only   (none)     card base_model only  finetune   (Hub has no label)
/// </code>
/// </summary>
public class ScoringTests
{
    private static ModelRow Labelled(string id, string relation) => new(id) { Bases = ["org/base"], Relation = relation };

    private static readonly ModelRow[] Table =
    [
        Labelled("a/ft1", "finetune"),
        Labelled("a/ft2", "finetune") with { Tags = ["lora"] },
        Labelled("a/ad1", "adapter") with { LibraryName = "peft" },
        Labelled("a/ad2", "adapter"),
        Labelled("a/q1", "quantized") with { Files = ["x.gguf"] },
        Labelled("a/q2", "quantized") with { Tags = ["gguf", "lora"] },
        new ModelRow("a/m1") { Bases = ["org/a", "org/b"], Relation = "merge" },
        new ModelRow("a/none"),
        new ModelRow("a/card-only") { Card = new JsonObject { ["base_model"] = "org/base" } },
    ];

    [Fact]
    public void Confusion_matrix_counts_each_pair_of_labels()
    {
        using var hub = TestHub.Open(Table);

        var confusion = hub.Classify(RuleSet.Study).Confusion;

        Assert.Equal(9, confusion.Total);
        Assert.Equal(1, confusion["finetune", "finetune"]);
        Assert.Equal(1, confusion["finetune", "adapter"]);
        Assert.Equal(1, confusion["adapter", "adapter"]);
        Assert.Equal(1, confusion["adapter", "finetune"]);
        Assert.Equal(1, confusion["quantized", "quantized"]);
        Assert.Equal(1, confusion["quantized", "adapter"]);
        Assert.Equal(1, confusion["merge", "merge"]);
        Assert.Equal(1, confusion["none", "none"]);
        Assert.Equal(1, confusion["none", "finetune"]);
        Assert.Equal(["finetune", "adapter", "quantized", "merge", "none"], confusion.HubLabels);
    }

    [Fact]
    public void Per_class_precision_recall_and_f1_match_the_hand_computation()
    {
        using var hub = TestHub.Open(Table);

        var result = hub.Classify(RuleSet.Study);

        // finetune: right 1 (ft1); predicted 3 (ft1, ad2, card-only); support 2 -> P 1/3, R 1/2, F1 0.4
        Assert.Equal(new ClassMetrics("finetune", 1, 3, 2), result["finetune"]);
        Assert.Equal(1.0 / 3, result["finetune"].Precision!.Value, 10);
        Assert.Equal(0.5, result["finetune"].Recall!.Value, 10);
        Assert.Equal(0.4, result["finetune"].F1!.Value, 10);
        // adapter: right 1 (ad1); predicted 3 (ft2, ad1, q2); support 2 -> same figures
        Assert.Equal(new ClassMetrics("adapter", 1, 3, 2), result["adapter"]);
        // quantized: right 1, predicted 1, support 2 -> P 1, R 1/2, F1 2/3
        Assert.Equal(2.0 / 3, result["quantized"].F1!.Value, 10);
        Assert.Equal(1.0, result["merge"].F1!.Value, 10);
        // accuracy over the 7 Hub-labelled models: ft1, ad1, q1, m1 right
        Assert.Equal(4.0 / 7, result.Accuracy!.Value, 10);
    }

    [Fact]
    public void Coverage_compares_what_each_side_labels()
    {
        using var hub = TestHub.Open(Table);

        var coverage = hub.Classify(RuleSet.Study).Coverage;

        Assert.Equal(new Coverage(Rows: 9, HubLabelled: 7, RulesLabelled: 8, Ambiguous: 0, BothLabelled: 7), coverage);
        Assert.Equal(8.0 / 7, coverage.Ratio!.Value, 10);
    }

    [Fact]
    public void Disagreements_are_grouped_by_the_rule_that_decided()
    {
        using var hub = TestHub.Open(Table);

        var result = hub.Classify(RuleSet.Study);

        Assert.Equal(
            [
                new DisagreementReason("adapter", "finetune", "otherwise", 1),
                new DisagreementReason("finetune", "adapter", "adapter tags", 1),
                new DisagreementReason("none", "finetune", "otherwise", 1),
                new DisagreementReason("quantized", "adapter", "adapter tags", 1),
            ],
            result.Disagreements);
        Assert.Equal(1, result.Contested); // a/q2: adapter and quantized rules both matched
        Assert.Equal(0, result.Ambiguous);
    }

    [Fact]
    public void Disagreeing_models_name_the_firing_rule_and_every_match()
    {
        using var hub = TestHub.Open(Table);

        var rows = hub.Disagreements(RuleSet.Study, limit: 10).ToDictionary(d => d.Id);

        Assert.Equal(["a/ad2", "a/card-only", "a/ft2", "a/q2"], rows.Keys.Order());
        Assert.Equal("adapter tags", rows["a/q2"].Rule);
        Assert.Equal(["adapter tags", "quantization tags"], rows["a/q2"].MatchedRules);
    }

    [Fact]
    public void Ties_at_one_level_are_counted_as_ambiguous_and_cost_recall()
    {
        using var hub = TestHub.Open(Table);

        var result = hub.Classify(RuleSet.Study.WithPrecedence("declared", "merge", "adapter|quantized", "finetune"));

        Assert.Equal(1, result.Ambiguous);
        Assert.Equal(1, result.Confusion["quantized", Labels.Ambiguous]);
        Assert.Equal(new ClassMetrics("adapter", 1, 2, 2), result["adapter"]);
        Assert.Equal(new ClassMetrics("quantized", 1, 1, 2), result["quantized"]);
        Assert.Equal(7, result.Coverage.RulesLabelled);
    }

    [Fact]
    public void Json_has_the_keys_the_command_line_promises()
    {
        using var hub = TestHub.Open(Table);

        var json = hub.Classify(RuleSet.Study).ToJson();

        Assert.Equal(1, (long)json["confusion"]!["quantized"]!["adapter"]!);
        Assert.Equal(0.4, (double)json["perClass"]!["finetune"]!["f1"]!, 4);
        Assert.Equal(2, (long)json["perClass"]!["adapter"]!["support"]!);
        Assert.Equal(7, (long)json["coverage"]!["hubLabelled"]!);
        Assert.Equal(0, (long)json["ambiguous"]!);
    }

    [Fact]
    public void Comparison_shows_which_models_move_when_a_rule_is_removed()
    {
        using var hub = TestHub.Open(Table);

        var comparison = hub.Compare(RuleSet.Study, RuleSet.Study.Without("adapter tags"));

        // ft2 (lora tag) falls back to finetune; q2 (gguf + lora) is now decided by its gguf tag.
        Assert.Equal(2, comparison.Changed);
        Assert.Equal(
            [new LabelChange("finetune", "adapter", "finetune", 1), new LabelChange("quantized", "adapter", "quantized", 1)],
            comparison.Changes);
        var adapter = comparison.PerClass.Single(c => c.Label == "adapter");
        Assert.Equal((3L, 1L, 0L, 2L), (adapter.Before, adapter.After, adapter.Gained, adapter.Lost));
        Assert.Equal(6.0 / 7, comparison.After.Accuracy!.Value, 10);
        Assert.Equal(["a/ft2", "a/q2"], hub.ChangedModels(RuleSet.Study, RuleSet.Study.Without("adapter tags"))
            .Columns["id"].Cast<string>().Order());
    }

    [Fact]
    public void Metrics_with_no_prediction_or_no_support_are_undefined_not_zero()
    {
        var matrix = new ConfusionMatrix([("finetune", "finetune", 5), ("finetune", "quantized", 2), ("adapter", "finetune", 3)]);

        var metrics = matrix.Metrics().ToDictionary(m => m.Label);

        Assert.Null(metrics["merge"].Precision);
        Assert.Null(metrics["merge"].Recall);
        Assert.Equal(0.0, metrics["quantized"].Precision); // predicted twice, never right
        Assert.Null(metrics["quantized"].Recall);          // the Hub has no quantized model here
        Assert.Equal(0.0, metrics["adapter"].Recall);
        Assert.Null(metrics["adapter"].Precision);
        Assert.Equal(5.0 / 8, metrics["finetune"].Precision!.Value, 10);
        Assert.Equal(5.0 / 7, metrics["finetune"].Recall!.Value, 10);
    }

    [Fact]
    public void Explain_an_unknown_model_says_so_and_suggests_near_ids()
    {
        using var hub = TestHub.Open(Table);

        var e = Assert.Throws<ModelTreeException>(() => hub.Explain("b/ft1"));

        Assert.Contains("No model 'b/ft1'", e.Message);
        Assert.Contains("a/ft1", e.Message);
    }
}

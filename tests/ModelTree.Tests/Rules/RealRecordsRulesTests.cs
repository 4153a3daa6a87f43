using System.Text.Json;
using ModelTree.Data;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Rules;

/// <summary>
/// The default rules against the Hub's own labels on every real family file (April 2025). The label is read here from
/// each record's <c>base_model:&lt;relation&gt;:&lt;id&gt;</c> tags (merge if any tag says merge), not from the table.
/// </summary>
public class RealRecordsRulesTests
{
    public static TheoryData<string> Files => new(TestPaths.RealRecordFiles.Select(Path.GetFileName).OfType<string>());

    private static readonly string[] Relations = ["finetune", "adapter", "quantized", "merge"];

    /// <summary>The Hub's label from the record's tags; null for a model without a base tag.</summary>
    private static string? HubLabel(JsonElement record)
    {
        if (!record.TryGetProperty("tags", out var tags) || tags.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var relations = tags.EnumerateArray().Select(t => t.GetString()?.Split(':') ?? [])
            .Where(p => p.Length >= 3 && p[0] == "base_model" && Relations.Contains(p[1])).Select(p => p[1]).ToList();
        return relations.Count == 0 ? null : relations.Contains("merge") ? "merge" : relations[0];
    }

    private static Dictionary<string, string?> Labels(string file) =>
        File.ReadLines(Path.Combine(TestPaths.Shared, "data", "real", file)).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("id").GetString()!, HubLabel);

    private static double Accuracy(string file, RuleSet rules)
    {
        var expected = Labels(file);
        using var hub = HubData.Open(Path.Combine(TestPaths.Shared, "data", "real", file), new HubDataOptions { DatabasePath = ":memory:" });
        var predicted = new Dictionary<string, string>();
        using (var reader = hub.Reader(rules.Compile().SelectLabels()))
        {
            while (reader.Read())
            {
                predicted[reader.GetString(0)] = reader.GetString(2);
            }
        }
        var labelled = expected.Where(e => e.Value is not null).ToList();
        Assert.NotEmpty(labelled);
        return (double)labelled.Count(e => predicted[e.Key] == e.Value) / labelled.Count;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Default_rules_score_at_least_0_97_on_each_real_family(string file)
    {
        Assert.True(Accuracy(file, RuleSet.Default) >= 0.97, $"{file}: {Accuracy(file, RuleSet.Default):0.000}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Default_rules_do_no_worse_than_the_study_rules_on_any_real_family(string file)
    {
        Assert.True(Accuracy(file, RuleSet.Default) >= Accuracy(file, RuleSet.Study));
    }

    [Fact]
    public void The_study_rules_call_the_phi_2_adapter_file_repos_adapters_and_the_Hub_does_not()
    {
        // Counted from the file: repos with adapter_config.json, no peft library, labelled finetune by the Hub's tags.
        const string file = "phi-2-tree.jsonl";
        var records = File.ReadLines(Path.Combine(TestPaths.Shared, "data", "real", file)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var adapterFiles = records.Count(r => HubLabel(r) == "finetune"
            && r.GetProperty("siblings").EnumerateArray().Any(s => s.GetProperty("rfilename").GetString()!.Contains("adapter_config")));

        Assert.True(adapterFiles > 200);
        Assert.True(Accuracy(file, RuleSet.Study) < 0.9);
        Assert.True(Accuracy(file, RuleSet.Default) >= 0.97);
    }

    [Fact]
    public void The_scoreboard_scores_each_file_and_the_folder_as_the_test_does()
    {
        var board = RuleScoreboard.Score(Path.Combine(TestPaths.Shared, "data", "real"), RuleSet.Default, RuleSet.Study);

        Assert.Equal("real records, April 2025", board.DataLabel);
        foreach (var file in Files)
        {
            Assert.Equal(Accuracy(file, RuleSet.Default), board[file, RuleSet.Default.Name]!.Value, 10);
            Assert.Equal(Accuracy(file, RuleSet.Study), board[file, RuleSet.Study.Name]!.Value, 10);
        }
        Assert.Equal(TestPaths.RealRecordFiles.Count() + 1, board.Rows.Count);
    }

    [Fact]
    public void Rule_effects_count_the_matches_and_what_the_Hub_says_of_them()
    {
        using var hub = HubData.Open(TestPaths.MistralFamily, new HubDataOptions { DatabasePath = ":memory:" });

        var effects = hub.Effects(RuleSet.Study).ToDictionary(e => e.Rule);

        // One finetune tagged quantized: the study's quantization-tags rule matches and decides it, wrongly.
        Assert.Equal(1, effects["quantization tags"].Decided);
        Assert.Equal(1, effects["quantization tags"].DecidedWrong);
        var declared = hub.Scalar<long>("SELECT count(*) FROM models WHERE json_extract_string(cardData, '$.base_model_relation') = 'finetune'");
        Assert.Equal(declared, effects["declared relation wins"].Matched);
        Assert.Equal(declared, effects["declared relation wins"].MatchedRight);
        var finetunes = hub.Scalar<long>("SELECT count(*) FROM models WHERE baseModels.relation = 'finetune'");
        Assert.Equal(finetunes, effects["otherwise"].HubLabelled);
    }

    [Fact]
    public void Default_rules_on_the_sample_are_within_0_05_of_their_accuracy_on_real_records()
    {
        // Pooled over every real file, with the label read from the tags here; the sample's label is its baseModels.relation.
        var files = TestPaths.RealRecordFiles.Select(f => Path.GetFileName(f)).ToList();
        var real = files.Sum(f => Labels(f).Count(e => e.Value is not null));
        var realRight = files.Sum(f => Accuracy(f, RuleSet.Default) * Labels(f).Count(e => e.Value is not null));
        using var hub = HubData.Open(WorkbookPaths.SamplePath, new HubDataOptions { DatabasePath = ":memory:" });
        var sample = hub.Scalar<double>(
            $"SELECT avg((hub = predicted)::INT) FROM ({RuleSet.Default.Compile().SelectLabels()}) WHERE hub <> 'none'");

        Assert.True(Math.Abs(sample - realRight / real) <= 0.05, $"sample {sample:0.000}, real records {realRight / real:0.000}");
    }

    [Fact]
    public void The_sample_holds_a_real_tie_between_adapter_and_quantized()
    {
        using var hub = HubData.Open(WorkbookPaths.SamplePath, new HubDataOptions { DatabasePath = ":memory:" });
        var tied = RuleSet.Default.WithPrecedence("declared", "merge", "adapter|quantized", "finetune");
        // Adapters that also ship a .gguf file, counted with the test's own SQL.
        var both = hub.Scalar<long>(
            "SELECT count(*) FROM models WHERE lower(library_name) = 'peft' AND len(list_filter(siblings, lambda s: lower(s.rfilename) LIKE '%.gguf')) > 0 " +
            "AND coalesce(json_extract_string(cardData, '$.base_model_relation'), '') = '' AND len(baseModels.models) = 1");

        Assert.True(both > 0);
        Assert.True(hub.Classify(tied).Ambiguous >= both);
    }
}

using System.Text.Json.Nodes;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Runner;

namespace ModelTree.Tests.Data;

/// <summary>
/// The commands that read models, run as a user runs them: each says on standard error what opening the data found,
/// refuses what the data cannot answer, and matches ids the way the notebooks do.
/// </summary>
public sealed class CommandDataTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Lines(string name, Func<JsonObject, JsonObject?> change)
    {
        var path = temp.Combine(name);
        File.WriteAllLines(path, File.ReadLines(TestPaths.MistralFamily)
            .Select(l => change(JsonNode.Parse(l)!.AsObject()))
            .Where(o => o is not null)
            .Select(o => o!.ToJsonString()));
        return path;
    }

    private static string[] Warnings(Cli.Result result) =>
        [.. result.Err.Split('\n').Where(l => l.StartsWith("warning:", StringComparison.Ordinal))];

    [Fact]
    public void Classify_on_a_snapshot_without_base_models_refuses_instead_of_printing_zero_precision()
    {
        var data = Lines("no-base-models.jsonl", o => { o.Remove("baseModels"); return o; });

        var result = Cli.Run(["classify", "--data", data, "--format", "json"]);

        Assert.True(result.Exit == 1, result.ToString());
        Assert.Equal("", result.Out.Trim());
        var error = Assert.Single(result.Err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("baseModels", error);
        Assert.Contains("2025-07-25", error);
        Assert.DoesNotContain("   at ", result.Err);
    }

    [Fact]
    public void Every_command_that_reads_models_says_what_opening_found_on_stderr_and_keeps_stdout_clean()
    {
        var records = File.ReadLines(TestPaths.MistralFamily).Count();
        var first = JsonNode.Parse(File.ReadLines(TestPaths.MistralFamily).First())!["id"]!.GetValue<string>();
        var data = Lines("faults.jsonl", o => o);
        File.AppendAllLines(data, [File.ReadLines(TestPaths.MistralFamily).First()]); // the first model twice

        var classify = Cli.Run(["classify", "--data", data, "--format", "json"]);
        var tree = Cli.Run(["tree", first, "--data", data, "--format", "json"]);
        var licenses = Cli.Run(["licenses", "--data", data, "--format", "json"]);

        foreach (var result in new[] { classify, tree, licenses })
        {
            Assert.True(result.Exit == 0, result.ToString());
            var warning = Assert.Single(Warnings(result), w => w.Contains("appear on more than one row", StringComparison.Ordinal));
            Assert.Contains($"{first} ×2", warning);
            JsonNode.Parse(result.Out); // stdout is the json alone
        }
        var rows = JsonNode.Parse(classify.Out)!["rows"]!.GetValue<long>();
        Assert.Equal(records, rows); // counted once
    }

    [Fact]
    public void Explain_and_tree_match_an_id_ignoring_case_and_suggest_the_same_close_id_for_a_typo()
    {
        var data = TestPaths.MistralFamily;
        const string root = "mistralai/Mistral-Small-24B-Base-2501";

        var explain = Cli.Run(["explain", root.ToUpperInvariant(), "--data", data]);
        var tree = Cli.Run(["tree", root.ToLowerInvariant(), "--data", data, "--format", "json"]);
        Assert.True(explain.Exit == 0, explain.ToString());
        Assert.True(tree.Exit == 0, tree.ToString());
        Assert.Contains(root, explain.Out);

        const string typo = "mistralai/Mistral-Smal-24B-Base-2501";
        var explainTypo = Cli.Run(["explain", typo, "--data", data]);
        var treeTypo = Cli.Run(["tree", typo, "--data", data]);
        foreach (var result in new[] { explainTypo, treeTypo })
        {
            Assert.True(result.Exit == 1, result.ToString());
            var error = Assert.Single(result.Err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.Contains($"Did you mean: {root}", error);
        }
    }
}

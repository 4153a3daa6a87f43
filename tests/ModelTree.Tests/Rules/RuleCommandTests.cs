using System.CommandLine;
using System.Text.Json.Nodes;
using ModelTree.Data;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Runner;
using ModelTree.Workbook.Commands;
using Spectre.Console;

namespace ModelTree.Tests.Rules;

/// <summary>The classify and explain commands, and the benchmark's hand-written query (no timings checked).</summary>
[Collection(RunnerCollection.Name)] // these tests redirect the console
public class RuleCommandTests
{
    private static async Task<(int Exit, string Output)> Invoke(params string[] args)
    {
        var original = Console.Out;
        var originalError = Console.Error;
        using var output = new StringWriter();
        Console.SetOut(output);
        Console.SetError(output); // errors go to standard error; these tests read both
        var terminal = Terminal.Standard();
        var root = new RootCommand("test") { ClassifyCommand.Create(terminal), ExplainCommand.Create(terminal) };
        try
        {
            var exit = await CommandLine.InvokeAsync(root, args);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
            Console.SetError(originalError);
        }
    }

    [Fact]
    public async Task Classify_json_has_confusion_per_class_coverage_and_ambiguous()
    {
        var (exit, output) = await Invoke("classify", "--data", TestPaths.MistralFamily, "--format", "json");

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["ruleSet", "rows", "confusion", "perClass", "coverage", "ambiguous", "contested", "accuracy"], json.Select(p => p.Key));
        using var hub = HubData.Open(TestPaths.MistralFamily, new HubDataOptions { DatabasePath = ":memory:" });
        Assert.Equal(hub.Count(), (long)json["rows"]!);
        Assert.Equal(hub.Scalar<long>("SELECT count(*) FROM models WHERE baseModels.relation = 'finetune'"), (long)json["perClass"]!["finetune"]!["support"]!);
    }

    [Fact]
    public async Task Classify_with_a_rule_file_uses_it()
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            var path = Path.Combine(dir, "no-quant-tags.json");
            RuleFile.Save(RuleSet.Study.Without("quantization tags") with { Name = "no quant tags" }, path);

            var (exit, output) = await Invoke("classify", "--data", TestPaths.MistralFamily, "--format", "json", "--rules", path);

            Assert.Equal(0, exit);
            Assert.Equal("no quant tags", (string)JsonNode.Parse(output)!["ruleSet"]!);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Explain_an_unknown_model_exits_1()
    {
        var (exit, output) = await Invoke("explain", "nobody/nothing", "--data", TestPaths.MistralFamily);

        Assert.Equal(1, exit);
        Assert.Contains("No model 'nobody/nothing'", output.Replace("\n", " "));
    }

    [Fact]
    public async Task Bad_rule_file_exits_1()
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            var path = Path.Combine(dir, "bad.json");
            File.WriteAllText(path, "{ \"name\": \"x\" }");

            var (exit, output) = await Invoke("classify", "--data", TestPaths.MistralFamily, "--rules", path);

            Assert.Equal(1, exit);
            Assert.Contains("bad.json", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Hand_written_benchmark_query_counts_the_same_as_the_compiled_rules_on_the_sample()
    {
        using var hub = HubData.Open(WorkbookPaths.SamplePath, new HubDataOptions { DatabasePath = ":memory:" });

        var result = RuleBenchmark.Run(hub, runs: 0);

        Assert.True(result.SameOutput);
        Assert.Equal(hub.Count(), result.CompiledCounts.Values.Sum());
    }
}

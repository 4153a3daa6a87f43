using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelTree.Data;
using ModelTree.Tests.Fixtures;
using ModelTree.Workbook.Commands;
using Spectre.Console;

namespace ModelTree.Tests.Graph;

public sealed class GraphCommandTests
{
    private const string Root = "mistralai/Mistral-Small-24B-Base-2501";

    private static ModelGraph RealGraph()
    {
        using var hub = HubData.Open(TestPaths.MistralFamily, new HubDataOptions { DatabasePath = ":memory:" });
        return ModelGraph.Build(hub);
    }

    private static string Render(Action<IAnsiConsole> write)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 200;
        write(console);
        return text.ToString();
    }

    [Fact]
    public void Tree_json_of_the_real_root_counts_what_the_files_tags_say()
    {
        var records = File.ReadLines(TestPaths.MistralFamily).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var direct = records.Count(r => r.GetProperty("tags").EnumerateArray().Any(t => t.GetString() == $"base_model:finetune:{Root}"));

        var json = JsonNode.Parse(Render(c => TreeCommand.Write(c, RealGraph(), Root, null, "json")))!;

        Assert.Equal(Root, (string?)json["id"]);
        Assert.Empty(json["bases"]!.AsArray());
        Assert.Equal(direct, (int)json["children"]!["finetune"]!);
        Assert.Equal(records.Count - 1, (int)json["descendants"]!);
        Assert.Equal(records.Count - 1, json["byDepth"]!.AsArray().Sum(n => (int)n!));
        Assert.Empty(json["ancestors"]!.AsArray());
    }

    [Fact]
    public void Tree_table_shows_the_box_and_the_ancestors()
    {
        var graph = RealGraph();
        var child = graph.TopBases(2, InfluenceMeasure.DirectChildren).First(i => i.Id != Root).Id;

        var text = Render(c => TreeCommand.Write(c, graph, child, null, "table"));

        Assert.Contains($"Model tree for {child}", text);
        Assert.Contains("Finetuned", text);
        Assert.Contains(Root, text);
        Assert.Contains("Ancestors", text);
    }

    [Fact]
    public void Tree_csv_and_mermaid_cover_the_subtree()
    {
        var graph = RealGraph();

        var csv = Render(c => TreeCommand.Write(c, graph, Root, 1, "csv")).TrimEnd().Split('\n');
        Assert.Equal("child,base,relation,source", csv[0].TrimEnd('\r'));
        Assert.Equal(graph.Box(Root).Finetunes, csv.Length - 1);

        var mermaid = Render(c => TreeCommand.Write(c, graph, Root, null, "mermaid"));
        Assert.StartsWith("graph LR", mermaid);
    }

    [Fact]
    public async Task Tree_of_an_unknown_model_exits_1()
    {
        var exit = await CommandLine.InvokeAsync(new RootCommand { TreeCommand.Create(Terminal.Standard()) },
            ["tree", "mistralai/Mistral-Small-24B-Base", "--data", TestPaths.MistralFamily, "--format", "json"]);

        Assert.Equal(1, exit);
    }

    [Fact]
    public void Families_lists_the_root_and_the_influence_tables()
    {
        var text = Render(c => FamiliesCommand.Write(c, RealGraph(), 3));

        Assert.Contains("Largest families (1 of two or more models", text);
        Assert.Contains(Root, text);
        Assert.Contains("Most influential by downloads of descendants", text);
    }

    [Fact]
    public void Bench_graph_on_the_sample_gets_the_same_descendants_from_the_graph_and_the_recursive_cte()
    {
        var sample = Path.Combine(TestPaths.RepoRoot, "data", "sample", "models.parquet");

        var text = Render(c => BenchGraphCommand.Run(new Terminal(c, c), sample));

        Assert.Contains("CTE / graph", text);
        Assert.DoesNotContain("link parsing differs", text);
    }
}

using System.Text.Json.Nodes;
using System.Xml.Linq;
using ModelTree.Records;
using ModelTree.Tests.Fixtures;
using Plotly.NET;

namespace ModelTree.Tests.Graph;

public sealed class GraphExportTests
{
    private static ModelGraph Diamond()
    {
        using var hub = TestHub.Open(
            new ModelRow("r/root") { Downloads = 5 },
            new ModelRow("x/left") { Bases = ["r/root"], Relation = "finetune" },
            new ModelRow("y/right") { Bases = ["r/root"], Relation = "finetune" },
            new ModelRow("m/merged") { Bases = ["x/left", "y/right"], Relation = "merge" },
            new ModelRow("q/gguf") { Bases = ["m/merged"], Relation = "quantized" },
            new ModelRow("a/lora, \"quoted\"") { Bases = ["r/root"], Relation = "adapter" });
        return ModelGraph.Build(hub);
    }

    [Fact]
    public void Json_tree_places_a_merge_once_and_names_its_other_base()
    {
        var json = JsonNode.Parse(GraphExport.Json(Diamond().Subtree("r/root")))!;

        Assert.Equal(6, (int)json["models"]!);
        var tree = json["tree"]!;
        Assert.Equal("r/root", (string?)tree["id"]);
        var all = Flatten(tree).ToList();
        Assert.Equal(6, all.Count);
        var merged = Assert.Single(all, n => (string?)n["id"] == "m/merged");
        Assert.Equal("merge", (string?)merged["relation"]);
        Assert.Single(merged["otherBases"]!.AsArray());

        static IEnumerable<JsonNode> Flatten(JsonNode node) =>
            new[] { node }.Concat(node["children"]!.AsArray().SelectMany(c => Flatten(c!)));
    }

    [Fact]
    public void Edge_csv_has_a_header_one_line_per_link_and_quotes_commas()
    {
        var csv = GraphExport.EdgeCsv(Diamond().Edges());
        var lines = csv.TrimEnd('\n').Split('\n');

        Assert.Equal("child,base,relation,source", lines[0]);
        Assert.Equal(6, lines.Length - 1); // x, y and the adapter to r; m to x and y; q to m
        Assert.Contains("\"a/lora, \"\"quoted\"\"\",r/root,adapter,baseModels", lines);
        Assert.Contains("m/merged,x/left,merge,baseModels", lines);
    }

    [Fact]
    public void Mermaid_draws_links_with_relations_and_stops_at_the_limit()
    {
        var graph = Diamond();

        var full = GraphExport.Mermaid(graph.Subtree("r/root"));
        Assert.StartsWith("graph LR", full);
        Assert.Contains("-->|merge|", full);
        Assert.DoesNotContain("more models not drawn", full);

        var capped = GraphExport.Mermaid(graph.Subtree("r/root"), maxNodes: 2).Text;
        Assert.Equal(2, capped.Split('\n').Count(l => l.TrimStart().StartsWith('n') && l.Contains("[\"")));
        Assert.Contains("... 4 more models not drawn", capped);
    }

    [Fact]
    public void The_mermaid_diagram_is_also_drawn_as_svg_with_every_model_and_link_it_shows()
    {
        var diagram = GraphExport.Mermaid(Diamond().Subtree("r/root"));

        var svg = XDocument.Parse(diagram.Svg());
        XNamespace s = "http://www.w3.org/2000/svg";
        var labels = svg.Descendants(s + "text").Select(t => t.Value).ToList();
        Assert.Equal(diagram.Nodes.Count, svg.Descendants(s + "rect").Count());
        Assert.Equal(diagram.Edges.Count, svg.Descendants(s + "line").Count());
        Assert.Contains("r/root", labels);
        Assert.Contains("merge", labels);
        Assert.Contains("<svg", diagram.Html());
        Assert.Contains("graph LR", diagram.Html()); // the source, folded below the drawing
    }

    [Fact]
    public void GraphML_is_valid_xml_with_every_node_and_link()
    {
        var xml = XDocument.Parse(GraphExport.GraphMl(Diamond().Subtree("r/root")));
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";

        Assert.Equal(6, xml.Descendants(g + "node").Count());
        Assert.Equal(6, xml.Descendants(g + "edge").Count());
        var merge = xml.Descendants(g + "edge").Where(e => (string?)e.Attribute("source") == "m/merged").ToList();
        Assert.Equal(2, merge.Count);
        Assert.All(merge, e => Assert.Equal("merge", e.Elements(g + "data").Single(d => (string?)d.Attribute("key") == "relation").Value));
    }

    [Fact]
    public void Relation_paths_group_descendants_by_the_relations_on_the_way_down()
    {
        var paths = Diamond().RelationPaths("r/root");

        Assert.Equal(
            [("", 1), ("finetune", 2), ("adapter", 1), ("finetune/merge", 1), ("finetune/merge/quantized", 1)],
            paths.Select(p => (p.Path, p.Models)));
        Assert.Equal(Relation.Quantized, paths[^1].Relation);
        Assert.Equal(3, paths[^1].Depth);
    }

    [Fact]
    public void Charts_carry_the_family_data()
    {
        var graph = Diamond();

        var sunburst = GenericChart.toChartHTML(GraphCharts.FamilySunburst(graph, "r/root"));
        Assert.Contains("\"type\":\"sunburst\"", sunburst);
        Assert.Contains("r/root/finetune/merge", sunburst);

        var sizes = GenericChart.toChartHTML(GraphCharts.FamilySizes(graph));
        Assert.Contains("\"type\":\"log\"", sizes);

        var tree = GenericChart.toChartHTML(GraphCharts.TreeView(graph.Subtree("r/root")));
        Assert.Contains("q/gguf", tree);
        Assert.Contains("other bases (merges)", tree);

        var bars = GenericChart.toChartHTML(GraphCharts.Influence(graph.TopBases(3), InfluenceMeasure.Descendants));
        Assert.Contains("r/root", bars);
    }
}

using System.Text.Json.Nodes;
using ModelTree.Data;
using ModelTree.Graph;
using ModelTree.Records;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Graph;

public sealed class ModelGraphTests
{
    private static ModelRow Base(string id, long downloads = 0) => new(id) { Downloads = downloads };

    private static ModelRow Child(string id, string relation, params string[] bases) =>
        new(id) { Bases = bases, Relation = relation };

    private static ModelGraph Build(params ModelRow[] rows)
    {
        using var hub = TestHub.Open(rows);
        return ModelGraph.Build(hub);
    }

    [Fact]
    public void Chain_gives_each_hop_its_relation_and_depth()
    {
        var graph = Build(Base("a/root"), Child("b/ft", "finetune", "a/root"), Child("c/q", "quantized", "b/ft"));

        var ancestors = graph.Ancestors("c/q");
        Assert.Equal(
            [("b/ft", Relation.Quantized, 1, "c/q"), ("a/root", Relation.Finetune, 2, "b/ft")],
            ancestors.Select(a => (a.Id, a.Relation, a.Depth, a.Child)));
        Assert.True(ancestors[1].IsRoot);
        Assert.False(ancestors[0].IsRoot);

        var below = graph.Descendants("a/root");
        Assert.Equal(2, below.Total);
        Assert.Equal([1, 1], below.ByDepth);
        Assert.Equal(1, below.ByRelation[Relation.Finetune]);
        Assert.Equal(1, below.ByRelation[Relation.Quantized]);
        Assert.Equal(3, below.SubtreeSize);
    }

    [Fact]
    public void Box_counts_direct_children_by_relation_only()
    {
        var graph = Build(
            Base("a/root"),
            Child("x/ft1", "finetune", "a/root"), Child("x/ft2", "finetune", "a/root"),
            Child("x/lora", "adapter", "a/root"), Child("x/gguf", "quantized", "a/root"),
            Child("x/grandchild", "quantized", "x/ft1"));

        var box = graph.Box("a/root");

        Assert.Equal((2, 1, 1, 0, 0), (box.Finetunes, box.Adapters, box.Quantizations, box.Merges, box.Unlabelled));
        Assert.Empty(box.Bases);
        Assert.Null(box.Relation);
        var child = graph.Box("x/ft1");
        Assert.Equal([new BaseLink("a/root", Relation.Finetune, EdgeSource.BaseModels, true)], child.Bases);
        Assert.Equal(1, child.Quantizations);
        Assert.Contains("Finetunes  2 models", box.ToString());
    }

    [Fact]
    public void Merge_diamond_counts_the_shared_descendant_once()
    {
        var graph = Build(
            Base("r/root", 10),
            Child("x/left", "finetune", "r/root") with { Downloads = 1 },
            Child("y/right", "finetune", "r/root") with { Downloads = 2 },
            Child("m/merged", "merge", "x/left", "y/right") with { Downloads = 4 });

        var below = graph.Descendants("r/root");
        Assert.Equal(3, below.Total);
        Assert.Equal([2, 1], below.ByDepth);
        Assert.Equal(7, below.Downloads);

        var box = graph.Box("m/merged");
        Assert.Equal(["x/left", "y/right"], box.Bases.Select(b => b.Id));
        Assert.All(box.Bases, b => Assert.Equal(Relation.Merge, b.Relation));
        Assert.Equal(1, graph.Box("x/left").Merges);

        var ancestors = graph.Ancestors("m/merged");
        Assert.Equal(3, ancestors.Count);
        Assert.Single(ancestors, a => a.Id == "r/root" && a.Depth == 2);

        var top = graph.TopBases(1, InfluenceMeasure.Descendants).Single();
        Assert.Equal(("r/root", 2, 3, 7L), (top.Id, top.DirectChildren, top.Descendants, top.DescendantDownloads));

        var family = Assert.Single(graph.Families());
        Assert.Equal(("r/root", 4, 2, 1, 1), (family.Root, family.Size, family.Depth, family.Roots, family.MultiBase));
    }

    [Fact]
    public void Cycle_is_reported_and_walks_end()
    {
        var graph = Build(
            Child("a/one", "finetune", "b/two"),
            Child("b/two", "finetune", "a/one"),
            Child("c/three", "adapter", "a/one"));

        var cycle = Assert.Single(graph.Report.Cycles);
        Assert.Equal(["a/one", "b/two"], cycle);
        var below = graph.Descendants("a/one");
        Assert.Equal(2, below.Total);
        Assert.Equal(["b/two"], graph.Ancestors("a/one").Select(a => a.Id));
        var family = Assert.Single(graph.Families());
        Assert.True(family.HasCycle);
        Assert.Equal((3, 1, 2), (family.Size, family.Depth, family.Roots));
        Assert.Equal(0, graph.DepthOf("b/two"));
        Assert.Equal(["b/two"], graph.CycleOf("a/one"));
        Assert.Empty(graph.CycleOf("c/three"));
        Assert.Equal(1, graph.DepthOf("c/three"));
    }

    [Fact]
    public void Self_reference_is_reported_and_dropped()
    {
        var graph = Build(Base("r/root"), Child("s/self", "finetune", "s/self", "r/root"));

        Assert.Equal(["s/self"], graph.Report.SelfReferences);
        Assert.True(graph.NamesItself("S/SELF"));
        Assert.False(graph.NamesItself("r/root"));
        Assert.Equal(["r/root"], graph.Box("s/self").Bases.Select(b => b.Id));
        Assert.Equal(0, graph.Descendants("s/self").Total);
        Assert.Empty(graph.Report.Cycles);
    }

    [Fact]
    public void Base_not_in_the_table_is_kept_as_an_external_node()
    {
        var graph = Build(Child("a/ft", "finetune", "gone/base"), Child("b/ft", "adapter", "gone/base"));

        Assert.True(graph.Contains("gone/base"));
        Assert.False(graph.IsInTable("gone/base"));
        Assert.Equal(1, graph.Report.ExternalBases);
        Assert.Equal(2, graph.Report.Models);
        var box = graph.Box("gone/base");
        Assert.False(box.InTable);
        Assert.Equal((1, 1), (box.Finetunes, box.Adapters));
        Assert.False(graph.Box("a/ft").Bases[0].InTable);
        Assert.Equal([("gone/base", 2)], graph.ExternalBases());
        var family = Assert.Single(graph.Families());
        Assert.False(family.RootInTable);
    }

    [Fact]
    public void Tags_stand_in_for_missing_baseModels_with_their_relation()
    {
        var graph = Build(
            Base("r/root"),
            new ModelRow("t/lora") { Tags = ["lora", "base_model:r/root", "base_model:adapter:r/root"] },
            new ModelRow("t/plain") { Tags = ["base_model:r/root"] });

        var lora = Assert.Single(graph.Box("t/lora").Bases);
        Assert.Equal((Relation.Adapter, EdgeSource.Tag), (lora.Relation, lora.Source));
        Assert.Equal(Relation.Unknown, graph.Box("t/plain").Bases.Single().Relation);
        var box = graph.Box("r/root");
        Assert.Equal((1, 1), (box.Adapters, box.Unlabelled));
        Assert.Equal(1, graph.Report.DuplicateEdges);
        Assert.Equal(2, graph.Report.EdgesBySource[EdgeSource.Tag]);
    }

    [Fact]
    public void Card_stands_in_when_baseModels_and_tags_name_no_base()
    {
        var graph = Build(
            Base("r/root"), Base("q/other"),
            new ModelRow("c/list") { Card = new JsonObject { ["base_model"] = new JsonArray("r/root", "https://huggingface.co/q/other"), ["base_model_relation"] = "merge" } },
            new ModelRow("c/one") { Card = new JsonObject { ["base_model"] = "r/root" } },
            new ModelRow("c/bad") { RawCard = "{not json" });

        var merged = graph.Box("c/list");
        Assert.Equal(["r/root", "q/other"], merged.Bases.Select(b => b.Id));
        Assert.All(merged.Bases, b => Assert.Equal((Relation.Merge, EdgeSource.Card), (b.Relation, b.Source)));
        Assert.Equal(EdgeSource.Card, graph.Box("c/one").Bases.Single().Source);
        Assert.Empty(graph.Box("c/bad").Bases);
        Assert.Equal(3, graph.Report.EdgesBySource[EdgeSource.Card]);
    }

    [Fact]
    public void BaseModels_wins_over_tags_and_card()
    {
        var graph = Build(
            Base("r/root"), Base("o/other"),
            new ModelRow("b/both")
            {
                Bases = ["r/root"],
                Relation = "finetune",
                Tags = ["base_model:adapter:o/other"],
                Card = new JsonObject { ["base_model"] = "o/other" },
            });

        var only = Assert.Single(graph.Box("b/both").Bases);
        Assert.Equal(("r/root", Relation.Finetune, EdgeSource.BaseModels), (only.Id, only.Relation, only.Source));
    }

    [Fact]
    public void Ids_match_case_insensitively_and_keep_the_rows_spelling()
    {
        var graph = Build(Child("a/ft", "finetune", "org/Base"), Base("Org/Base"));

        Assert.Equal("Org/Base", graph.Canonical("org/base"));
        Assert.True(graph.IsInTable("ORG/BASE"));
        Assert.Equal(0, graph.Report.ExternalBases);
    }

    [Fact]
    public void Unknown_id_fails_with_close_suggestions()
    {
        var graph = Build(Base("meta-llama/Llama-3.1-8B"), Child("a/ft", "finetune", "meta-llama/Llama-3.1-8B"));

        var error = Assert.Throws<ModelTreeException>(() => graph.Box("meta-llama/Llama-3.1-8b-typo"));
        Assert.Contains("meta-llama/Llama-3.1-8B", error.Message);
    }

    [Fact]
    public void Depth_limit_cuts_descendants_and_says_so()
    {
        var graph = Build(Base("a/0"), Child("a/1", "finetune", "a/0"), Child("a/2", "finetune", "a/1"), Child("a/3", "finetune", "a/2"));

        var below = graph.Descendants("a/0", maxDepth: 2);
        Assert.Equal([1, 1], below.ByDepth);
        Assert.True(below.Truncated);
        Assert.False(graph.Descendants("a/0", maxDepth: 3).Truncated);

        var subtree = graph.Subtree("a/0", maxDepth: 1);
        Assert.Equal(["a/0", "a/1"], subtree.Nodes.Select(n => n.Id));
        Assert.Equal(2, subtree.LeftOut);
    }

    [Fact]
    public void Subtree_keeps_both_links_of_a_merge()
    {
        var graph = Build(Base("r/root"), Child("x/a", "finetune", "r/root"), Child("y/b", "finetune", "r/root"), Child("m/m", "merge", "x/a", "y/b"));

        var subtree = graph.Subtree("r/root");

        Assert.Equal(4, subtree.Nodes.Count);
        Assert.Equal(4, subtree.Edges.Count);
        Assert.Equal(2, subtree.Nodes.Single(n => n.Id == "m/m").Bases);
    }

    [Fact]
    public void Summary_json_has_the_documented_keys()
    {
        var graph = Build(Base("r/root"), Child("x/ft", "finetune", "r/root"), Child("y/q", "quantized", "x/ft"));

        var json = graph.Summary("x/ft").ToJson();

        Assert.Equal(["id", "bases", "children", "descendants", "byDepth", "ancestors"], json.Select(p => p.Key));
        Assert.Equal("x/ft", (string?)json["id"]);
        Assert.Equal("finetune", (string?)json["bases"]![0]!["relation"]);
        Assert.Equal(1, (int)json["children"]!["quantized"]!);
        Assert.Equal(1, (int)json["descendants"]!);
        Assert.Equal(1, (int)json["ancestors"]![0]!["depth"]!);
    }

    [Fact]
    public void Influence_ranks_by_each_measure_exactly()
    {
        var graph = Build(
            Base("a/wide"), Base("b/deep"),
            Child("a/1", "finetune", "a/wide") with { Downloads = 1 }, Child("a/2", "finetune", "a/wide") with { Downloads = 1 },
            Child("a/3", "finetune", "a/wide") with { Downloads = 1 },
            Child("b/1", "finetune", "b/deep") with { Downloads = 100 }, Child("b/2", "finetune", "b/1"),
            Child("b/3", "finetune", "b/2"), Child("b/4", "finetune", "b/3"));

        Assert.Equal("a/wide", graph.TopBases(1, InfluenceMeasure.DirectChildren)[0].Id);
        Assert.Equal("b/deep", graph.TopBases(1, InfluenceMeasure.Descendants)[0].Id);
        // b/deep: 100 below it; a/wide: 3; b/1: 0 below it, first of the zeros by its own 100 downloads.
        Assert.Equal(["b/deep", "a/wide", "b/1"], graph.TopBases(3, InfluenceMeasure.DescendantDownloads).Select(i => i.Id));
    }

    [Fact]
    public void Long_chain_and_long_cycle_do_not_overflow_the_stack()
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            // 200,000 models in one line, and the first names the last: one cycle through all of them.
            var path = TestHub.WriteParquet(dir,
                "SELECT 'm/' || i AS id, []::VARCHAR[] AS tags, []::STRUCT(rfilename VARCHAR)[] AS siblings, " +
                "{'models': [{'_id': NULL::VARCHAR, 'id': 'm/' || ((i + 199999) % 200000)}], 'relation': 'finetune'} AS baseModels " +
                "FROM range(200000) t(i)");
            using var hub = HubData.Open(path, new HubDataOptions { DatabasePath = ":memory:" });
            var graph = ModelGraph.Build(hub);

            Assert.Equal(200000, Assert.Single(graph.Report.Cycles).Count);
            Assert.Equal(199999, graph.Descendants("m/0").Total);
            Assert.Equal(199999, graph.Ancestors("m/5").Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

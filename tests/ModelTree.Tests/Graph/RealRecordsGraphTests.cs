using System.Text.Json;
using ModelTree.Data;
using ModelTree.Records;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Graph;

/// <summary>The model tree of the real Mistral-Small-24B-Base-2501 family, checked against the file's own tags.</summary>
public sealed class RealRecordsGraphTests
{
    private const string Root = "mistralai/Mistral-Small-24B-Base-2501";

    /// <summary>child -> (relation, base) from each record's <c>base_model:&lt;relation&gt;:&lt;id&gt;</c> tags, read here without the library.</summary>
    private static List<(string Child, string Relation, string Base)> TagLinks() =>
        File.ReadLines(TestPaths.MistralFamily)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .SelectMany(r => r.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? tags.EnumerateArray().Select(t => t.GetString()!.Split(':'))
                    .Where(p => p.Length == 3 && p[0] == "base_model")
                    .Select(p => (r.GetProperty("id").GetString()!, p[1], p[2]))
                : [])
            .ToList();

    private static ModelGraph Build()
    {
        using var hub = HubData.Open(TestPaths.MistralFamily, new HubDataOptions { DatabasePath = ":memory:" });
        return ModelGraph.Build(hub);
    }

    [Fact]
    public void Root_box_matches_the_relation_tags_that_name_it()
    {
        var expected = TagLinks().Where(l => l.Base == Root).GroupBy(l => l.Relation).ToDictionary(g => g.Key, g => g.Count());

        var box = Build().Box(Root);

        Assert.Empty(box.Bases);
        Assert.True(box.InTable);
        Assert.Equal(expected.GetValueOrDefault("finetune"), box.Finetunes);
        Assert.Equal(expected.GetValueOrDefault("adapter"), box.Adapters);
        Assert.Equal(expected.GetValueOrDefault("quantized"), box.Quantizations);
        Assert.Equal(expected.GetValueOrDefault("merge"), box.Merges);
        Assert.Equal(0, box.Unlabelled);
    }

    [Fact]
    public void Root_descendants_match_a_walk_over_the_tags()
    {
        var links = TagLinks();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Root };
        var levels = new List<int>();
        var frontier = new List<string> { Root };
        while (frontier.Count > 0)
        {
            frontier = links.Where(l => frontier.Contains(l.Base, StringComparer.OrdinalIgnoreCase) && seen.Add(l.Child))
                .Select(l => l.Child).Distinct().ToList();
            if (frontier.Count > 0)
            {
                levels.Add(frontier.Count);
            }
        }

        var graph = Build();
        var below = graph.Descendants(Root);

        Assert.Equal(levels.Sum(), below.Total);
        Assert.Equal(levels, below.ByDepth);
        Assert.Equal(links.Select(l => l.Relation).Distinct().Order(), below.ByRelation.Keys.Select(r => r.Label()).Order());
    }

    [Fact]
    public void Real_family_is_one_family_rooted_at_the_base_without_cycles()
    {
        var records = File.ReadLines(TestPaths.MistralFamily).Count(l => l.Trim().Length > 0);

        var graph = Build();
        var family = Assert.Single(graph.Families());

        Assert.Equal(Root, family.Root);
        Assert.Equal(records, family.Size);
        Assert.Empty(graph.Report.Cycles);
        Assert.Empty(graph.Report.SelfReferences);
        Assert.Equal(0, graph.Report.ExternalBases);
        var deepest = graph.Deepest(family);
        var lineage = graph.Lineage(deepest);
        Assert.Equal(Root, lineage[^1].Id);
        Assert.Equal(family.Depth, lineage.Count);
        Assert.Equal(Relation.Finetune, lineage[0].Relation);
    }
}

using System.Text.Json.Nodes;
using ModelTree.Ecosystem;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Ecosystem;

public sealed class EcosystemStatsTests
{
    // Six models whose every statistic is known by hand.
    private static ModelRow[] Rows =>
    [
        new("a/one")
        {
            PipelineTag = "text-generation", LibraryName = "transformers", Card = new JsonObject { ["license"] = "mit" },
            Parameters = new() { ["BF16"] = 7_000_000_000 }, Downloads = 100, Likes = 10, Bases = ["x/base"], Relation = "finetune",
            CreatedAt = "2024-05-03T00:00:00Z",
        },
        new("a/two")
        {
            // A card whose fields are all null is no card; the license comes from the tag.
            PipelineTag = "text-generation", Card = new JsonObject { ["license"] = null, ["base_model"] = null },
            Tags = ["license:apache-2.0"], Parameters = new() { ["F32"] = 100_000_000, ["BF16"] = 50 }, Downloads = 300, Likes = 0,
            CreatedAt = "2024-05-20T00:00:00Z",
        },
        new("b/three")
        {
            Author = "", PipelineTag = "fill-mask", LibraryName = "transformers", Card = new JsonObject { ["base_model"] = "x/base" },
            Parameters = new() { ["F16"] = 150_000_000 }, Downloads = 7, Likes = 1, CreatedAt = "2024-06-01T00:00:00Z",
        },
        new("b/four")
        {
            PipelineTag = "automatic-speech-recognition", Tags = ["base_model:x/base", "license:mit"], Card = new JsonObject { ["language"] = "en" },
            Downloads = 0, Likes = 5, CreatedAt = "2024-06-02T00:00:00Z",
        },
        new("c/five") { PipelineTag = "", LibraryName = " ", RawCard = "not json", Parameters = new() { ["F32"] = 30_000_000_000 } },
        new("gpt2") { Author = "", LibraryName = "transformers", Card = new JsonObject { ["license"] = "  " } },
    ];

    [Fact]
    public void Missing_counts_each_field_by_its_definition()
    {
        using var hub = TestHub.Open(Rows);
        var missing = new EcosystemStats(hub).Missing().ToDictionary(m => m.Field, m => m.Missing);

        Assert.Equal(EcosystemStats.Fields, missing.Keys);
        Assert.Equal(2, missing["parameters"]);  // b/four, gpt2
        Assert.Equal(2, missing["task"]);        // c/five (empty), gpt2
        Assert.Equal(3, missing["license"]);     // b/three, c/five, gpt2 (blank)
        Assert.Equal(3, missing["library"]);     // a/two, b/four, c/five (blank)
        Assert.Equal(3, missing["baseModel"]);   // a/two (null in the card), c/five, gpt2
        Assert.Equal(2, missing["card"]);        // a/two (all null), c/five (not JSON)
        Assert.All(new EcosystemStats(hub).Missing(), m => Assert.Equal(6, m.Models));
    }

    [Fact]
    public void An_empty_base_model_list_or_string_in_the_card_names_no_base()
    {
        using var hub = TestHub.Open(
            new ModelRow("e/list") { Card = new JsonObject { ["base_model"] = new JsonArray() } },
            new ModelRow("e/blank") { Card = new JsonObject { ["base_model"] = "" } },
            new ModelRow("e/number") { Card = new JsonObject { ["base_model"] = 3 } },
            new ModelRow("e/named") { Card = new JsonObject { ["base_model"] = new JsonArray("", "x/base") } });

        var missing = new EcosystemStats(hub).Missing().Single(m => m.Field == "baseModel");

        Assert.Equal(3, missing.Missing); // all but e/named, whose list names x/base after an empty item
    }

    [Fact]
    public void Top_tasks_and_authors_count_models_and_break_ties_by_name()
    {
        using var hub = TestHub.Open(Rows);
        var stats = new EcosystemStats(hub);

        Assert.Equal([new NamedCount("text-generation", 2), new NamedCount("automatic-speech-recognition", 1), new NamedCount("fill-mask", 1)],
            stats.TopTasks(5));
        // b/three has no author: its namespace counts; gpt2 has none at all.
        Assert.Equal([new NamedCount("a", 2), new NamedCount("b", 2)], stats.TopAuthors(2));
        Assert.Equal(["(no namespace)", "a", "b", "c"], stats.TopAuthors(10).Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, stats.AuthorRank("B"));
        Assert.Null(stats.AuthorRank("nobody"));
    }

    [Fact]
    public void Size_bins_follow_the_seeds_edges()
    {
        using var hub = TestHub.Open(Rows);
        var bins = new EcosystemStats(hub).SizeBins();

        Assert.Equal([1, 1, 0, 1, 1], bins.Select(b => b.Models));
        Assert.Equal((100_000_050, 100_000_050), (bins[0].Min, bins[0].Max));
        Assert.Equal((150_000_000, 150_000_000), (bins[1].Min, bins[1].Max));
        Assert.Equal(726_500_000, bins[2].Min);
        Assert.Equal("30B - 30B", bins[4].Range);
    }

    [Fact]
    public void Size_clusters_find_well_separated_groups_and_say_why_that_k()
    {
        var sizes = new[] { 1_000_000L, 1_200_000, 1_100_000, 2_000_000_000, 2_100_000_000, 2_200_000_000, 300_000_000_000_000, 310_000_000_000_000 };
        using var hub = TestHub.Open(sizes.Select((n, i) => new ModelRow($"m/{i}") { Parameters = new() { ["F32"] = n } }).ToArray());
        var clusters = new EcosystemStats(hub).SizeClusters();

        Assert.Equal(3, clusters.K);
        Assert.Equal([(1_000_000L, 1_200_000L, 3L), (2_000_000_000, 2_200_000_000, 3), (300_000_000_000_000, 310_000_000_000_000, 2)],
            clusters.Clusters.Select(c => (c.Min, c.Max, c.Models)));
        Assert.Equal(8, clusters.Models);
        Assert.Equal(clusters.Candidates.Max(c => c.Silhouette), clusters.Silhouette, 9);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], clusters.Candidates.Select(c => c.K));
    }

    [Fact]
    public void Popularity_gives_mean_and_median_per_group()
    {
        using var hub = TestHub.Open(Rows);
        var frame = new EcosystemStats(hub).Popularity(PopularityBy.Task, 2);

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("text-generation", frame["task"][0]);
        Assert.Equal(2L, frame["models"][0]);
        Assert.Equal(200.0, frame["mean_downloads"][0]);
        Assert.Equal(200.0, frame["median_downloads"][0]);
        Assert.Equal(5.0, frame["mean_likes"][0]);
        Assert.Equal(400L, frame["total_downloads"][0]);
        Assert.Equal("automatic-speech-recognition", frame["task"][1]);

        var leaders = new EcosystemStats(hub).Leaders(3);
        Assert.Equal(new PopularityLeaders("a", "a", "a"), leaders);
    }

    [Fact]
    public void Created_by_month_splits_by_relation()
    {
        using var hub = TestHub.Open(Rows);
        var frame = new EcosystemStats(hub).CreatedByMonth();
        var rows = Enumerable.Range(0, (int)frame.Rows.Count).Select(i => ((string)frame["month"][i], (string)frame["relation"][i], (long)frame["models"][i])).ToList();

        Assert.Equal([("2024-05", "finetune", 1L), ("2024-05", "no base", 1L), ("2024-06", "no base", 2L), ("2025-08", "no base", 2L)], rows);
    }

    [Fact]
    public void Tensor_types_count_models_by_any_and_by_main_dtype()
    {
        using var hub = TestHub.Open(Rows);
        var frame = new EcosystemStats(hub).TensorTypes();
        var rows = Enumerable.Range(0, (int)frame.Rows.Count).ToDictionary(i => (string)frame["dtype"][i],
            i => ((long)frame["models"][i], (long)frame["models_mostly_in_it"][i], (double)frame["parameters"][i]));

        Assert.Equal((2L, 1L, 7_000_000_050.0), rows["BF16"]);
        Assert.Equal((2L, 2L, 30_100_000_000.0), rows["F32"]);
        Assert.Equal((1L, 1L, 150_000_000.0), rows["F16"]);
    }
}

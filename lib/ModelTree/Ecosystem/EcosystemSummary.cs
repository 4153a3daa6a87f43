using System.Text.Json.Nodes;

namespace ModelTree.Ecosystem;

/// <summary>The <c>stats</c> command's figures.</summary>
public sealed record EcosystemSummary(long Models, IReadOnlyList<MissingShare> Missing, IReadOnlyList<NamedCount> TopTasks,
    IReadOnlyList<NamedCount> TopAuthors, SizeClustering SizeClusters, IReadOnlyList<SizeCluster> SeedBins)
{
    /// <summary>
    /// As JSON: <c>models</c>, <c>missing</c> (field to share), <c>topTasks</c> [{task, models}], <c>topAuthors</c>
    /// [{author, models}], <c>sizeClusters</c> [{min, max, models}], and beside them <c>sizeK</c>, <c>silhouette</c>,
    /// <c>clusterChoices</c> [{k, silhouette}] and <c>seedBins</c> [{min, max, models}].
    /// </summary>
    public JsonObject ToJson()
    {
        JsonArray Clusters(IEnumerable<SizeCluster> list) =>
            new(list.Select(c => (JsonNode?)new JsonObject { ["min"] = c.Min, ["max"] = c.Max, ["models"] = c.Models }).ToArray());
        var missing = new JsonObject();
        foreach (var m in Missing)
        {
            missing[m.Field] = Math.Round(m.Share, 6);
        }
        return new JsonObject
        {
            ["models"] = Models,
            ["missing"] = missing,
            ["topTasks"] = new JsonArray(TopTasks.Select(t => (JsonNode?)new JsonObject { ["task"] = t.Name, ["models"] = t.Models }).ToArray()),
            ["topAuthors"] = new JsonArray(TopAuthors.Select(t => (JsonNode?)new JsonObject { ["author"] = t.Name, ["models"] = t.Models }).ToArray()),
            ["sizeClusters"] = Clusters(SizeClusters.Clusters),
            ["sizeK"] = SizeClusters.K,
            ["silhouette"] = Math.Round(SizeClusters.Silhouette, 6),
            ["clusterChoices"] = new JsonArray(SizeClusters.Candidates.Select(c => (JsonNode?)new JsonObject
            {
                ["k"] = c.K,
                ["silhouette"] = Math.Round(c.Silhouette, 6),
            }).ToArray()),
            ["seedBins"] = Clusters(SeedBins),
        };
    }
}

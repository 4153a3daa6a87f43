using System.Text.Json.Nodes;

namespace ModelTree.Tests.Fixtures;

/// <summary>One hand-made model for a small test table, in Hub API record form.</summary>
public sealed record ModelRow(string Id)
{
    public string? Author { get; init; }
    public string[]? Tags { get; init; } = [];
    public string[]? Files { get; init; } = [];
    public string[]? Bases { get; init; }
    public string? Relation { get; init; }
    public string? LibraryName { get; init; }
    public string? PipelineTag { get; init; }
    public long Downloads { get; init; }
    public long Likes { get; init; }
    public string CreatedAt { get; init; } = "2025-08-01T00:00:00Z";

    /// <summary>The card's front matter as a JSON object (null: no card).</summary>
    public JsonObject? Card { get; init; }

    /// <summary>The card as raw text, to test malformed cards; wins over <see cref="Card"/>.</summary>
    public string? RawCard { get; init; }

    /// <summary>The Hub's <c>safetensors</c> summary: parameters by dtype, and their total (null: none).</summary>
    public Dictionary<string, long>? Parameters { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["author"] = Author ?? Id.Split('/')[0],
            ["createdAt"] = CreatedAt,
            ["downloads"] = Downloads,
            ["likes"] = Likes,
            ["library_name"] = LibraryName,
            ["pipeline_tag"] = PipelineTag,
            ["tags"] = Tags is null ? null : new JsonArray(Tags.Select(t => (JsonNode?)t).ToArray()),
            ["siblings"] = Files is null ? null : new JsonArray(Files.Select(f => (JsonNode?)new JsonObject { ["rfilename"] = f }).ToArray()),
            ["cardData"] = RawCard is not null ? RawCard : Card?.DeepClone(),
            ["baseModels"] = Bases is null ? null : new JsonObject
            {
                ["models"] = new JsonArray(Bases.Select(b => (JsonNode?)new JsonObject { ["_id"] = null, ["id"] = b }).ToArray()),
                ["relation"] = Relation,
            },
        };
        if (Parameters is not null)
        {
            // Only rows that set it carry the key, so other tests' tables keep their column set.
            json["safetensors"] = new JsonObject
            {
                ["parameters"] = new JsonObject(Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["total"] = Parameters.Values.Sum(),
            };
        }
        return json;
    }
}

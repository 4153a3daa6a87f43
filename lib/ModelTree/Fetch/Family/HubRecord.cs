using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelTree.Records;

namespace ModelTree.Fetch.Family;

/// <summary>
/// Turns one Hub API model answer into a record of the hub-stats shape (the field names, order and
/// shapes of the real records in the workbook): dates to the second, <c>siblings</c> as
/// <c>{"rfilename": …}</c> items, <c>baseModels</c> as the API gives it or, when it does not, derived from
/// the Hub's <c>base_model:&lt;relation&gt;:&lt;id&gt;</c> tags (every base listed; relation merge when any
/// tag says merge).
/// </summary>
internal static class HubRecord
{
    /// <summary>What the walk asks the API to include (<c>expand</c>); <c>id</c> always comes.</summary>
    public static IReadOnlyList<string> Expand { get; } =
    [
        "author", "createdAt", "lastModified", "downloads", "downloadsAllTime", "likes", "library_name", "pipeline_tag", "tags",
        "gated", "cardData", "siblings", "safetensors", "gguf", "transformersInfo", "baseModels",
    ];

    public static JsonSerializerOptions LineOptions { get; } = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The record, and whether its <c>baseModels</c> had to be derived from the tags.</summary>
    public static (JsonObject Record, bool Derived) From(JsonObject api)
    {
        var id = Text(api["id"]) ?? Text(api["modelId"]) ?? throw new JsonException("the answer has no \"id\"");
        var derived = !api.ContainsKey("baseModels");
        var record = new JsonObject
        {
            ["id"] = id,
            ["author"] = Copy(api["author"]) ?? (id.Contains('/') ? id[..id.IndexOf('/')] : null),
            ["createdAt"] = Date(api["createdAt"]),
            ["lastModified"] = Date(api["lastModified"]),
            ["downloads"] = Copy(api["downloads"]),
            ["downloadsAllTime"] = Copy(api["downloadsAllTime"]),
            ["likes"] = Copy(api["likes"]),
            ["library_name"] = Copy(api["library_name"]),
            ["pipeline_tag"] = Copy(api["pipeline_tag"]),
            ["tags"] = Copy(api["tags"]),
            ["gated"] = Copy(api["gated"]),
            ["cardData"] = Copy(api["cardData"]),
            ["siblings"] = Siblings(api["siblings"]),
            ["safetensors"] = Pick(api["safetensors"], "parameters", "total"),
            ["gguf"] = Copy(api["gguf"]),
            ["transformersInfo"] = Pick(api["transformersInfo"], "auto_model", "custom_class", "pipeline_tag", "processor"),
            ["baseModels"] = derived ? FromTags(api["tags"]) : BaseModels(api["baseModels"]),
        };
        return (record, derived);
    }

    /// <summary>
    /// <c>baseModels</c> from the tags: every <c>base_model:&lt;relation&gt;:&lt;id&gt;</c> base, in tag order,
    /// items with <c>id</c> only; the relation is merge when any tag says merge, else the first tag's. Null without such tags.
    /// </summary>
    public static JsonObject? FromTags(JsonNode? tags)
    {
        var bases = new List<(string Relation, string Id)>();
        foreach (var tag in tags is JsonArray array ? array.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : null) : [])
        {
            var parts = tag?.Split(':', 3);
            if (parts is ["base_model", var relation, var baseId] && Relations.Known.Contains(relation) && baseId.Length > 0
                && !bases.Any(b => b.Id == baseId))
            {
                bases.Add((relation, baseId));
            }
        }
        if (bases.Count == 0)
        {
            return null;
        }
        var models = new JsonArray([.. bases.Select(b => (JsonNode)new JsonObject { ["id"] = b.Id })]);
        var label = bases.Any(b => b.Relation == "merge") ? "merge" : bases[0].Relation;
        return new JsonObject { ["models"] = models, ["relation"] = label };
    }

    private static JsonNode? BaseModels(JsonNode? given) => given switch
    {
        JsonObject o => new JsonObject
        {
            ["models"] = o["models"] is JsonArray models
                ? new JsonArray([.. models.OfType<JsonObject>().Select(m => (JsonNode)Pick(m, keepMissing: false, "_id", "id")!)])
                : null,
            ["relation"] = Copy(o["relation"]),
        },
        _ => null,
    };

    private static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>The node's text when it is a JSON string, else null (never an exception for another type).</summary>
    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The listed properties in that order (missing ones as null unless told otherwise), or null for a non-object.</summary>
    private static JsonObject? Pick(JsonNode? node, params string[] names) => Pick(node, true, names);

    private static JsonObject? Pick(JsonNode? node, bool keepMissing, params string[] names)
    {
        if (node is not JsonObject o)
        {
            return null;
        }
        var picked = new JsonObject();
        foreach (var name in names.Where(n => keepMissing || o.ContainsKey(n)))
        {
            picked[name] = Copy(o[name]);
        }
        return picked;
    }

    private static JsonArray? Siblings(JsonNode? node) => node is JsonArray files
        ? new JsonArray([.. files.OfType<JsonObject>().Select(f => (JsonNode)new JsonObject { ["rfilename"] = Copy(f["rfilename"]) })])
        : null;

    /// <summary>An ISO date as the real records write it (<c>2023-07-13T16:45:23Z</c>); anything unreadable is kept as it came.</summary>
    private static JsonNode? Date(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var text) &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? JsonValue.Create(date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            : Copy(node);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using ModelTree.Records;

namespace ModelTree.Graph;

/// <summary>One model's tree: its box, what is below it and what is above it.</summary>
/// <param name="Box">The model-tree box, as the Hub shows it.</param>
/// <param name="Descendants">Counts below the model.</param>
/// <param name="Ancestors">Everything above it, nearest first.</param>
public sealed record TreeSummary(ModelTreeBox Box, DescendantCounts Descendants, IReadOnlyList<Ancestor> Ancestors)
{
    /// <summary>
    /// The JSON of <c>tree --format json</c>: <c>id</c>, <c>bases</c> [{id, relation}], <c>children</c>
    /// {relation: count of direct children}, <c>descendants</c> (total), <c>byDepth</c> (counts, depth 1
    /// first), <c>ancestors</c> [{id, relation, depth}].
    /// </summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Box.Id,
        ["bases"] = new JsonArray(Box.Bases.Select(b => (JsonNode)new JsonObject
        {
            ["id"] = b.Id,
            ["relation"] = b.Relation.Label(),
        }).ToArray()),
        ["children"] = new JsonObject(Box.Children.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["descendants"] = Descendants.Total,
        ["byDepth"] = new JsonArray(Descendants.ByDepth.Select(n => (JsonNode)n).ToArray()),
        ["ancestors"] = new JsonArray(Ancestors.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id,
            ["relation"] = a.Relation.Label(),
            ["depth"] = a.Depth,
        }).ToArray()),
    };

    /// <summary><see cref="ToJson"/> as indented text.</summary>
    public string ToJsonString() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public override string ToString() => $"{Box}{Environment.NewLine}{Descendants}";
}

using System.Collections;
using ModelTree.Data;

namespace ModelTree.Records;

/// <summary>Reads rows of <c>models</c> as <see cref="ModelRecord"/>s.</summary>
public static class ModelReader
{
    private const string Columns =
        "id, author, createdAt, downloads, likes, library_name, pipeline_tag, tags, " +
        "list_transform(siblings, lambda s: s.rfilename) AS files, cardData, " +
        "list_transform(baseModels.models, lambda m: m.id) AS bases, baseModels.relation AS relation";

    /// <summary>Every model matching an optional SQL condition on <c>models</c> (e.g. <c>"baseModels IS NOT NULL"</c>), streamed.</summary>
    public static IEnumerable<ModelRecord> Read(this HubData hub, string? where = null)
    {
        using var reader = hub.Reader($"SELECT {Columns} FROM models{(where is null ? "" : $" WHERE {where}")}");
        while (reader.Read())
        {
            yield return new ModelRecord
            {
                Id = reader.GetString(0),
                Author = reader.IsDBNull(1) ? null : reader.GetString(1),
                CreatedAt = reader.IsDBNull(2) ? null : reader.GetDateTime(2),
                Downloads = reader.IsDBNull(3) ? 0 : reader.GetInt64(3),
                Likes = reader.IsDBNull(4) ? 0 : reader.GetInt64(4),
                LibraryName = reader.IsDBNull(5) ? null : reader.GetString(5),
                PipelineTag = reader.IsDBNull(6) ? null : reader.GetString(6),
                Tags = Strings(reader.GetValue(7)),
                Files = Strings(reader.GetValue(8)),
                Card = CardData.Parse(reader.IsDBNull(9) ? null : reader.GetString(9)),
                BaseModels = Strings(reader.GetValue(10)),
                Relation = reader.IsDBNull(11) ? null : reader.GetString(11),
            };
        }
    }

    /// <summary>
    /// One model by id, or null when the data has no such model. The id is trimmed and matched as written first, then
    /// ignoring case (as the Hub and the model graph do); when the data spells it several ways, the first in order.
    /// </summary>
    public static ModelRecord? Find(this HubData hub, string id)
    {
        var wanted = id.Trim();
        return hub.Read($"id = {Sql.Literal(wanted)}").FirstOrDefault()
            ?? hub.Read($"lower(id) = {Sql.Literal(wanted.ToLowerInvariant())} ORDER BY id").FirstOrDefault();
    }

    private static List<string> Strings(object value) =>
        value is IEnumerable list and not string ? list.OfType<string>().ToList() : [];
}

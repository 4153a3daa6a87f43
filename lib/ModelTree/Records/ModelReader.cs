using System.Data.Common;
using ModelTree.Records;

namespace ModelTree;

/// <summary>Reads rows of <c>models</c> as <see cref="ModelRecord"/>s.</summary>
public static class ModelReader
{
    private const string Columns =
        "id, author, createdAt, downloads, likes, library_name, pipeline_tag, tags, " +
        "list_transform(siblings, lambda s: s.rfilename) AS files, cardData, " +
        "list_transform(baseModels.models, lambda m: m.id) AS bases, baseModels.relation AS relation";

    /// <summary>Every model of <c>models</c>, streamed in table order.</summary>
    public static IEnumerable<ModelRecord> Read(this HubData hub) => Where(hub, null);

    /// <summary>
    /// The models whose ids a query returns (one column), streamed in table order: e.g.
    /// <c>hub.Read("SELECT id FROM model_facts WHERE has_adapter_files")</c>. A whole query, not a piece of one.
    /// </summary>
    public static IEnumerable<ModelRecord> Read(this HubData hub, string idQuery) => Where(hub, $"id IN ({idQuery})");

    /// <summary>The models with these ids (as written), streamed in table order; ids the data lacks are skipped.</summary>
    public static IEnumerable<ModelRecord> Read(this HubData hub, IEnumerable<string> ids)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToArray();
        return wanted.Length == 0 ? [] : Where(hub, $"id IN ({Placeholders(wanted.Length)})", wanted);
    }

    /// <summary><c>$1, $2, ... $n</c>: the places of <paramref name="count"/> parameters.</summary>
    internal static string Placeholders(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => $"${i}"));

    /// <summary>The models matching a condition on <c>models</c> (the library's own; values as parameters).</summary>
    internal static IEnumerable<ModelRecord> Where(HubData hub, string? condition, params object?[] parameters)
    {
        using var reader = (DbDataReader)hub.Reader($"SELECT {Columns} FROM models{(condition is null ? "" : $" WHERE {condition}")}", parameters);
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
                Tags = Strings(reader, 7),
                Files = Strings(reader, 8),
                Card = CardData.Parse(reader.IsDBNull(9) ? null : reader.GetString(9)),
                BaseModels = Strings(reader, 10),
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
        return Where(hub, "id = $1", wanted).FirstOrDefault()
            ?? Where(hub, "lower(id) = $1 ORDER BY id", wanted.ToLowerInvariant()).FirstOrDefault();
    }

    // A list read as a typed list (DuckDB.NET fills it without boxing each item); NULL items are left out, a NULL list is empty.
    private static List<string> Strings(DbDataReader reader, int column)
    {
        if (reader.IsDBNull(column))
        {
            return [];
        }
        var list = reader.GetFieldValue<List<string?>>(column);
        list.RemoveAll(item => item is null);
        return list!;
    }
}

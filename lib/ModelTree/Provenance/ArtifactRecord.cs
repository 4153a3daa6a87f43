using ModelTree.Records;

namespace ModelTree.Provenance;

/// <summary>A model's record with what provenance also needs from <c>safetensors</c> and <c>gguf</c>: parameters by dtype and in total.</summary>
internal sealed record ArtifactRecord(ModelRecord Model, IReadOnlyDictionary<string, long> Dtypes, long? Parameters)
{
    /// <summary>Reads the records of the given ids (those that are rows of the data), keyed case-insensitively.</summary>
    public static Dictionary<string, ArtifactRecord> Read(HubData hub, IEnumerable<string> ids)
    {
        var wanted = ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new Dictionary<string, ArtifactRecord>(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0)
        {
            return found;
        }
        var places = ModelReader.Placeholders(wanted.Count);
        var parameters = wanted.Cast<object?>().ToArray();
        var stats = new Dictionary<string, (Dictionary<string, long> Dtypes, long? Total)>(StringComparer.OrdinalIgnoreCase);
        using (var reader = hub.Reader(
            "SELECT id, map_keys(safetensors.parameters), map_values(safetensors.parameters), coalesce(safetensors.total, gguf.total) " +
            $"FROM models WHERE id IN ({places})", parameters))
        {
            while (reader.Read())
            {
                var dtypes = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
                if (!reader.IsDBNull(1) && !reader.IsDBNull(2) && reader.GetValue(1) is System.Collections.IList keys
                    && reader.GetValue(2) is System.Collections.IList values)
                {
                    for (var i = 0; i < keys.Count && i < values.Count; i++)
                    {
                        if (keys[i] is string key && values[i] is not null)
                        {
                            dtypes[key] = Convert.ToInt64(values[i], System.Globalization.CultureInfo.InvariantCulture);
                        }
                    }
                }
                stats.TryAdd(reader.GetString(0), (dtypes, reader.IsDBNull(3) ? null : reader.GetInt64(3)));
            }
        }
        foreach (var model in ModelReader.Where(hub, $"id IN ({places})", parameters))
        {
            var (dtypes, total) = stats.TryGetValue(model.Id, out var s) ? s : ([], null);
            found.TryAdd(model.Id, new ArtifactRecord(model, dtypes, total));
        }
        return found;
    }
}

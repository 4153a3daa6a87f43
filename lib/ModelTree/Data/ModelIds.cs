namespace ModelTree.Data;

/// <summary>
/// How the workbook matches a model id a reader typed: trimmed and without regard to case (the Hub redirects
/// <c>Mistralai/mistral-7b</c> to <c>mistralai/Mistral-7B</c>), and, when nothing matches, the closest ids by edit
/// distance. <c>explain</c>, <c>tree</c>, <c>provenance</c> and the notebooks all ask here, so one typo gets one answer.
/// </summary>
public static class ModelIds
{
    /// <summary>How many close ids a "did you mean" names.</summary>
    public const int SuggestionCount = 5;

    // Candidates share a stretch of the typed name or its author; the rest are too far to help.
    private const int ProbeLength = 24;
    private const int MaxCandidates = 5000;

    /// <summary>An id as the workbook's tables show it: marked when it is not a row of the data (a base named but not held).</summary>
    internal static string Shown(string id, bool inTable) => inTable ? id : $"{id} (not in the data)";

    /// <summary>The ids closest to <paramref name="wanted"/>, best first (edit distance ignoring case, then ordinal).</summary>
    public static IReadOnlyList<string> Closest(IEnumerable<string> ids, string wanted, int count = SuggestionCount)
    {
        var (author, probe) = Parts(wanted);
        var candidates = new List<string>();
        foreach (var id in ids)
        {
            if ((probe.Length >= 3 && id.Contains(probe, StringComparison.OrdinalIgnoreCase)) ||
                (author is not null && id.StartsWith(author, StringComparison.OrdinalIgnoreCase)))
            {
                candidates.Add(id);
                if (candidates.Count >= MaxCandidates)
                {
                    break;
                }
            }
        }
        var target = wanted.Trim().ToLowerInvariant();
        return candidates
            .Select(c => (Id: c, Distance: Distance(c.ToLowerInvariant(), target)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(count).Select(x => x.Id).ToList();
    }

    /// <summary>The ids of <c>models</c> closest to <paramref name="wanted"/>: the same ranking as the list form, over the rows.</summary>
    public static IReadOnlyList<string> Closest(HubData hub, string wanted, int count = SuggestionCount)
    {
        var (author, probe) = Parts(wanted);
        var conditions = new List<string>();
        if (probe.Length >= 3)
        {
            conditions.Add($"contains(lower(id), {Sql.Literal(probe.ToLowerInvariant())})");
        }
        if (author is not null)
        {
            conditions.Add($"starts_with(lower(id), {Sql.Literal(author.ToLowerInvariant())})");
        }
        if (conditions.Count == 0)
        {
            return [];
        }
        var ids = new List<string>();
        using (var reader = hub.Reader($"SELECT id FROM models WHERE id IS NOT NULL AND ({string.Join(" OR ", conditions)}) LIMIT {MaxCandidates}"))
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }
        return Closest(ids, wanted, count);
    }

    /// <summary>" Did you mean: a, b?" or a hint when there is nothing close; for the end of an error message.</summary>
    public static string DidYouMean(IReadOnlyList<string> close) =>
        close.Count > 0 ? $" Did you mean: {string.Join(", ", close)}?" : " Check the id (owner/name, as in the model's Hub URL).";

    private static (string? Author, string Probe) Parts(string wanted)
    {
        var trimmed = wanted.Trim();
        var slash = trimmed.IndexOf('/');
        var author = slash > 0 ? trimmed[..(slash + 1)] : null;
        var name = slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
        return (author, name.Length > ProbeLength ? name[..ProbeLength] : name);
    }

    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

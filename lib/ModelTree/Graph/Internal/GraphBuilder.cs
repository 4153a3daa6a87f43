using System.Diagnostics;
using ModelTree.Records;

namespace ModelTree.Graph.Internal;

/// <summary>
/// Reads every model id and every base link of <c>models</c> in one query (lists unnested by DuckDB,
/// no model records built), interns ids to ints, and lays the links out as compact arrays.
/// </summary>
internal sealed class GraphBuilder
{
    // One scan of models: each model's bases from baseModels; where it is missing, its base_model tags
    // (parsed in C#); where those are missing too, the card's base_model. Unnested to one row per link
    // (a model with no base keeps one row with a NULL base); pos = 1 marks a model's first row.
    internal static readonly string Sql = $"""
        SELECT id, downloads, source, relation,
               unnest(CASE WHEN len(bases) > 0 THEN bases ELSE [NULL::VARCHAR] END) AS base,
               generate_subscripts(CASE WHEN len(bases) > 0 THEN bases ELSE [NULL::VARCHAR] END, 1) AS pos
        FROM (
            SELECT id, downloads,
                   CASE WHEN len(bm) > 0 THEN 0 WHEN len(bt) > 0 THEN 1 ELSE 2 END AS source,
                   CASE WHEN len(bm) > 0 THEN bm_relation WHEN len(bt) > 0 THEN NULL
                        WHEN contains(cardData, 'base_model_relation') AND json_valid(cardData)
                        THEN cardData ->> '$.base_model_relation' END AS relation,
                   CASE WHEN len(bm) > 0 THEN bm WHEN len(bt) > 0 THEN bt
                        WHEN contains(cardData, 'base_model') AND json_valid(cardData)
                        THEN {CardSql.BaseModels("cardData")} END AS bases
            FROM (
                SELECT id, downloads, cardData, baseModels.relation AS bm_relation,
                       list_transform(baseModels.models, lambda b: b.id) AS bm,
                       list_filter(tags, lambda t: starts_with(t, 'base_model:')) AS bt
                FROM models))
        """;

    private readonly Dictionary<string, int> _index;
    private readonly List<string> _names;
    private readonly List<long> _downloads;
    private readonly List<bool> _inTable;
    private readonly List<int> _child;
    private readonly List<int> _base;
    private readonly List<byte> _relation;
    private readonly List<byte> _source;
    private int _duplicateIds;
    private int _rowsWithoutId;

    public static ModelGraph Build(HubData hub)
    {
        var clock = Stopwatch.StartNew();
        var builder = new GraphBuilder((int)Math.Min(hub.Count() + 16, int.MaxValue / 2));
        builder.Read(hub);
        return builder.Assemble(clock);
    }

    private GraphBuilder(int rows)
    {
        // Sized for the rows up front: no rehashing of two million ids on the way.
        var nodes = rows + (rows / 8);
        _index = new Dictionary<string, int>(nodes, StringComparer.OrdinalIgnoreCase);
        _names = new List<string>(nodes);
        _downloads = new List<long>(nodes);
        _inTable = new List<bool>(nodes);
        _child = new List<int>(rows);
        _base = new List<int>(rows);
        _relation = new List<byte>(rows);
        _source = new List<byte>(rows);
    }

    private void Read(HubData hub)
    {
        using var reader = hub.Reader(Sql);
        var child = -1;
        while (reader.Read())
        {
            if (reader.IsDBNull(0))
            {
                _rowsWithoutId++;
                continue;
            }
            if (reader.GetInt64(5) == 1)
            {
                child = AddRow(reader.GetString(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
            }
            if (child < 0 || reader.IsDBNull(4))
            {
                continue;
            }
            var source = (EdgeSource)reader.GetInt32(2);
            var raw = reader.GetString(4);
            string? baseId;
            byte relation;
            if (source == EdgeSource.Tag)
            {
                if (!RelationCodes.TryParseTag(raw, out var tagBase, out relation))
                {
                    continue;
                }
                baseId = tagBase;
            }
            else
            {
                baseId = CleanId(raw);
                relation = RelationCodes.Of(reader.IsDBNull(3) ? null : reader.GetString(3));
            }
            if (baseId is null)
            {
                continue;
            }
            _child.Add(child);
            _base.Add(Intern(baseId));
            _relation.Add(relation);
            _source.Add((byte)source);
        }
    }

    /// <summary>A base id as users write it in cards: trimmed, without a leading Hub URL; null when it cannot be an id.</summary>
    internal static string? CleanId(string raw)
    {
        var id = raw.Trim();
        foreach (var prefix in (ReadOnlySpan<string>)["https://huggingface.co/", "http://huggingface.co/", "hf.co/"])
        {
            if (id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                id = id[prefix.Length..].TrimEnd('/');
            }
        }
        return id.Length == 0 || id.Contains(':') || id.Contains(' ') || id.StartsWith('{') || id.StartsWith('[') ? null : id;
    }

    /// <summary>Adds a model's row; returns its node, or -1 when the id repeats an earlier row's (its links are dropped).</summary>
    private int AddRow(string id, long downloads)
    {
        if (_index.TryGetValue(id, out var existing))
        {
            if (_inTable[existing])
            {
                _duplicateIds++;
                return -1;
            }
            _names[existing] = id; // named as a base before its row came: keep the row's spelling
            _inTable[existing] = true;
            _downloads[existing] = downloads;
            return existing;
        }
        _index[id] = _names.Count;
        _names.Add(id);
        _downloads.Add(downloads);
        _inTable.Add(true);
        return _names.Count - 1;
    }

    private int Intern(string id)
    {
        if (_index.TryGetValue(id, out var ix))
        {
            return ix;
        }
        ix = _names.Count;
        _index[id] = ix;
        _names.Add(id);
        _downloads.Add(0);
        _inTable.Add(false);
        return ix;
    }

    private ModelGraph Assemble(Stopwatch clock)
    {
        var n = _names.Count;
        var selfReferences = new SortedSet<int>();

        // Links grouped by child (counting sort), self-references set aside.
        var upStart = new int[n + 1];
        for (var e = 0; e < _child.Count; e++)
        {
            if (_child[e] == _base[e])
            {
                selfReferences.Add(_child[e]);
                continue;
            }
            upStart[_child[e] + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            upStart[v + 1] += upStart[v];
        }
        var m = upStart[n];
        var upBase = new int[m];
        var upRelation = new byte[m];
        var upSource = new byte[m];
        var fill = upStart[..n];
        for (var e = 0; e < _child.Count; e++)
        {
            var c = _child[e];
            if (c == _base[e])
            {
                continue;
            }
            var at = fill[c]++;
            upBase[at] = _base[e];
            upRelation[at] = _relation[e];
            upSource[at] = _source[e];
        }

        // Repeated links (same child, same base) dropped, keeping one with a known relation.
        var duplicates = 0;
        var write = 0;
        var newStart = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            newStart[v] = write;
            var from = upStart[v];
            var to = upStart[v + 1];
            for (var i = from; i < to; i++)
            {
                var dup = -1;
                for (var j = newStart[v]; j < write; j++)
                {
                    if (upBase[j] == upBase[i])
                    {
                        dup = j;
                        break;
                    }
                }
                if (dup >= 0)
                {
                    duplicates++;
                    if (upRelation[dup] == (byte)Relation.Unknown && upRelation[i] != (byte)Relation.Unknown)
                    {
                        upRelation[dup] = upRelation[i];
                        upSource[dup] = upSource[i];
                    }
                    continue;
                }
                upBase[write] = upBase[i];
                upRelation[write] = upRelation[i];
                upSource[write] = upSource[i];
                write++;
            }
        }
        newStart[n] = write;
        if (write < m)
        {
            Array.Resize(ref upBase, write);
            Array.Resize(ref upRelation, write);
            Array.Resize(ref upSource, write);
        }
        upStart = newStart;
        m = write;

        // The same links grouped by base: children of each model, pointing back at the link's slot.
        var downStart = new int[n + 1];
        for (var e = 0; e < m; e++)
        {
            downStart[upBase[e] + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            downStart[v + 1] += downStart[v];
        }
        var downChild = new int[m];
        var downEdge = new int[m];
        fill = downStart[..n];
        for (var c = 0; c < n; c++)
        {
            for (var e = upStart[c]; e < upStart[c + 1]; e++)
            {
                var at = fill[upBase[e]]++;
                downChild[at] = c;
                downEdge[at] = e;
            }
        }

        var (component, components) = SccFinder.Find(n, downStart, downChild);
        var componentSize = new int[components];
        foreach (var c in component)
        {
            componentSize[c]++;
        }
        var cycles = new Dictionary<int, List<string>>();
        for (var v = 0; v < n; v++)
        {
            if (componentSize[component[v]] > 1)
            {
                if (!cycles.TryGetValue(component[v], out var members))
                {
                    cycles[component[v]] = members = [];
                }
                members.Add(_names[v]);
            }
        }

        var bySource = new Dictionary<EdgeSource, int> { [EdgeSource.BaseModels] = 0, [EdgeSource.Tag] = 0, [EdgeSource.Card] = 0 };
        foreach (var s in upSource)
        {
            bySource[(EdgeSource)s]++;
        }
        var inTable = _inTable.ToArray();
        var report = new GraphReport
        {
            Models = inTable.Count(x => x),
            ExternalBases = inTable.Count(x => !x),
            Edges = m,
            EdgesBySource = bySource,
            SelfReferences = selfReferences.Select(v => _names[v]).ToList(),
            Cycles = cycles.Values.Select(c => (IReadOnlyList<string>)c.Order(StringComparer.Ordinal).ToList())
                .OrderByDescending(c => c.Count).ThenBy(c => c[0], StringComparer.Ordinal).ToList(),
            DuplicateEdges = duplicates,
            DuplicateIds = _duplicateIds,
            RowsWithoutId = _rowsWithoutId,
            BuildTime = clock.Elapsed,
        };

        return new ModelGraph(
            _names.ToArray(), _downloads.ToArray(), inTable, _index,
            upStart, upBase, upRelation, upSource,
            downStart, downChild, downEdge,
            component, componentSize, report);
    }
}

using ModelTree.Data;
using ModelTree.Graph;
using ModelTree.Graph.Internal;
using ModelTree.Records;

namespace ModelTree;

/// <summary>
/// The model tree of a whole dataset, built once: every model and every base it names, as a directed
/// graph child -> base (a DAG in general, since merges have several bases; user data adds cycles and
/// self-references, which are reported and never followed forever). Ids are interned to ints and the
/// links stored as compact arrays, so the full Hub (about two million models) fits in a few hundred MB
/// and a model's box is a lookup.
/// </summary>
public sealed partial class ModelGraph
{
    private readonly string[] _names;
    private readonly long[] _downloads;
    private readonly bool[] _inTable;
    private readonly Dictionary<string, int> _index;

    // Links by child: bases of v are _upBase[_upStart[v].._upStart[v + 1]], with relation and source.
    private readonly int[] _upStart;
    private readonly int[] _upBase;
    private readonly byte[] _upRelation;
    private readonly byte[] _upSource;

    // The same links by base: children of v, each with the slot of its link in the arrays above.
    private readonly int[] _downStart;
    private readonly int[] _downChild;
    private readonly int[] _downEdge;

    // Strongly connected components (cycles): numbered children-first.
    private readonly int[] _component;
    private readonly int[] _componentSize;

    internal ModelGraph(
        string[] names, long[] downloads, bool[] inTable, Dictionary<string, int> index,
        int[] upStart, int[] upBase, byte[] upRelation, byte[] upSource,
        int[] downStart, int[] downChild, int[] downEdge,
        int[] component, int[] componentSize, GraphReport report)
    {
        _names = names;
        _downloads = downloads;
        _inTable = inTable;
        _index = index;
        _upStart = upStart;
        _upBase = upBase;
        _upRelation = upRelation;
        _upSource = upSource;
        _downStart = downStart;
        _downChild = downChild;
        _downEdge = downEdge;
        _component = component;
        _componentSize = componentSize;
        Report = report;
        _families = new Lazy<FamilyIndex>(() => FamilyIndex.Build(this));
    }

    /// <summary>
    /// Builds the graph of a dataset: links from <c>baseModels</c>; where it is missing, from the Hub's
    /// <c>base_model:&lt;relation&gt;:&lt;id&gt;</c> tags; where those are missing too, from the card's
    /// <c>base_model</c> (with its <c>base_model_relation</c>, if declared).
    /// </summary>
    public static ModelGraph Build(HubData hub) => GraphBuilder.Build(hub);

    /// <summary>
    /// The one query the graph reads <c>models</c> with: a row per link (<c>id</c>, <c>downloads</c>,
    /// <c>source</c> 0 baseModels / 1 tag / 2 card, <c>relation</c>, <c>base</c>: a base id, or for tags the raw
    /// <c>base_model:...</c> tag, <c>pos</c>), and one row with a NULL base for a model that names none.
    /// </summary>
    public static string LinkQuery => GraphBuilder.Sql;

    /// <summary>What the build found: sizes, link sources, self-references, cycles, external bases.</summary>
    public GraphReport Report { get; }

    /// <summary>Models plus external bases.</summary>
    public int NodeCount => _names.Length;

    /// <summary>Links child -> base.</summary>
    public int EdgeCount => _upBase.Length;

    /// <summary>True when the id is a model of the data or a base one names (case-insensitive, as on the Hub).</summary>
    public bool Contains(string id) => _index.ContainsKey(id);

    /// <summary>True when the id is a row of the data (not only named as a base).</summary>
    public bool IsInTable(string id) => _index.TryGetValue(id, out var v) && _inTable[v];

    /// <summary>The id as the data spells it.</summary>
    public string Canonical(string id) => _names[Node(id)];

    /// <summary>A model's downloads (0 for an external base).</summary>
    public long Downloads(string id) => _downloads[Node(id)];

    /// <summary>The other models in a cycle of base links with this one (empty when it is in none).</summary>
    public IReadOnlyList<string> CycleOf(string id)
    {
        var v = Node(id);
        var c = _component[v];
        if (_componentSize[c] < 2)
        {
            return [];
        }
        var members = new List<string>();
        for (var u = 0; u < _names.Length && members.Count < _componentSize[c]; u++)
        {
            if (_component[u] == c && u != v)
            {
                members.Add(_names[u]);
            }
        }
        return members;
    }

    /// <summary>True when the model names itself among its bases (that link is dropped).</summary>
    public bool NamesItself(string id) =>
        Report.SelfReferences.Contains(Canonical(id), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every link child -> base.</summary>
    public IEnumerable<GraphEdge> Edges()
    {
        for (var c = 0; c < _names.Length; c++)
        {
            for (var e = _upStart[c]; e < _upStart[c + 1]; e++)
            {
                yield return Edge(c, e);
            }
        }
    }

    /// <summary>The bases named most often that are not rows of the data.</summary>
    public IReadOnlyList<(string Id, int Children)> ExternalBases(int top = 10) =>
        Enumerable.Range(0, _names.Length).Where(v => !_inTable[v])
            .Select(v => (Id: _names[v], Children: _downStart[v + 1] - _downStart[v]))
            .OrderByDescending(x => x.Children).ThenBy(x => x.Id, StringComparer.Ordinal).Take(top).ToList();

    /// <summary>Ids close to one that is not in the graph (same name under another author, small typos), best first.</summary>
    public IReadOnlyList<string> Suggest(string id, int count = ModelIds.SuggestionCount) => ModelIds.Closest(_names, id, count);

    public override string ToString() => $"model graph: {Report}";

    internal string Name(int v) => _names[v];

    internal int Node(string id)
    {
        if (_index.TryGetValue(id.Trim(), out var v))
        {
            return v;
        }
        var close = Suggest(id);
        throw new ModelTreeException(
            $"'{id}' is not a model of this data, nor a base any model names." + ModelIds.DidYouMean(close));
    }

    private GraphEdge Edge(int child, int slot) =>
        new(_names[child], _names[_upBase[slot]], (Relation)_upRelation[slot], (EdgeSource)_upSource[slot]);

    private bool IsRootNode(int v)
    {
        for (var e = _upStart[v]; e < _upStart[v + 1]; e++)
        {
            if (_component[_upBase[e]] != _component[v])
            {
                return false;
            }
        }
        return true;
    }
}

namespace ModelTree.Sample;

/// <summary>
/// Grows the synthetic Hub one row at a time: picks what each model is (kind and case), where it
/// sits (family and bases), and what the Hub would store for it (tags, files, card, counts). All the
/// state it keeps is compact per-row arrays and per-family index lists, so 2 million rows fit easily.
/// </summary>
/// <remarks>
/// One class over several files: this one keeps the state, the plan of planted rows and the bookkeeping;
/// <c>SampleWorld.Roots.cs</c> makes the rows without a base, <c>SampleWorld.Derived.cs</c> the rows with one,
/// <c>SampleWorld.Families.cs</c> picks their family and bases, and <c>SampleWorld.DerivedContent.cs</c> what a
/// derived repository holds. The file lists come from <see cref="SampleFiles"/>, the tags, card and figures from
/// <see cref="SampleContent"/>; all three draw from the one <see cref="SampleRandom"/>, in the order they always did.
/// </remarks>
internal sealed partial class SampleWorld
{
    // Shares of what derived repos (indexed by SampleKind) physically are. Some adapters and quantizations are labelled finetune (Hub-style
    // labelling, as on the real records), so the kinds are set above the study's full-Hub label counts (finetune 244,723;
    // adapter 266,041; quantized 125,673) for the labels to land near them; a few percent are merges.
    private static readonly double[] KindShares = [0, 0.27, 0.45, 0.247, 0.033];

    private const double DerivedShare = 0.34;

    private readonly SampleRandom _rng;
    private readonly int _rows;
    private readonly IdStore _ids = new();
    private readonly List<int> _familyOf = [];
    private readonly List<short> _depth = [];
    private readonly List<long> _created = [];
    private readonly List<SampleFamily> _families = [];
    private readonly List<int> _externalFamilies = [];
    private readonly List<int> _namedFamilies = [];
    private readonly List<int> _derived = [];
    private readonly List<int> _standalone = [];
    private readonly Dictionary<int, int> _standaloneFamily = [];
    private readonly Dictionary<int, int> _standaloneProfileOf = [];
    private readonly Dictionary<int, string> _plan = [];
    private readonly Dictionary<ulong, int> _nextSuffix = [];
    private readonly SampleKind[] _chainKinds = [SampleKind.Finetune, SampleKind.Finetune, SampleKind.Quantized, SampleKind.Finetune, SampleKind.Adapter];
    private int _chainStep;
    private int _chainLast;
    private readonly int _authorPool;
    private readonly SampleFiles _files;
    private readonly SampleContent _content;

    public SampleWorld(int rows, int seed)
    {
        _rows = rows;
        _rng = new SampleRandom(seed);
        _files = new SampleFiles(_rng);
        _content = new SampleContent(_rng);
        _authorPool = Math.Max(300, rows / 7);
        foreach (var (id, profile) in SampleCatalog.ExternalRoots)
        {
            _ids.Reserve(id);
            _externalFamilies.Add(_families.Count);
            _families.Add(new SampleFamily(id, -1, profile));
        }
        PlanSpecials();
    }

    public int Emitted => _ids.Count;

    private void PlanSpecials()
    {
        var first = SampleCatalog.NamedRoots.Length;
        var span = Math.Max(1, _rows - first - 10);
        for (var k = 0; k < _chainKinds.Length; k++)
        {
            _plan[first + 1 + (int)((long)span * (k + 1) / (_chainKinds.Length + 2))] = "chain";
        }
        var selfRefs = Math.Max(2, _rows / 10_000);
        var twoCycles = Math.Max(1, _rows / 15_000);
        for (var k = 0; k < selfRefs; k++)
        {
            PlanAt(first + _rng.Next(span), "self");
        }
        for (var k = 0; k < twoCycles; k++)
        {
            PlanAt(first + _rng.Next(span), "cycle2");
        }
        PlanAt(first + _rng.Next(span), "cycle3");
        PlanAt(first + span * 4 / 5, "merge10");
    }

    private void PlanAt(int position, string what)
    {
        while (_plan.ContainsKey(position) || _plan.ContainsKey(position + 1) || _plan.ContainsKey(position + 2) || _plan.ContainsKey(position - 1))
        {
            position++;
        }
        _plan[position] = what;
    }

    /// <summary>The next row or rows (a cycle comes as a group); never more than the rows left.</summary>
    public IEnumerable<SampleModel> Next()
    {
        var index = Emitted;
        var left = _rows - index;
        if (index < SampleCatalog.NamedRoots.Length)
        {
            yield return NamedRootRow(SampleCatalog.NamedRoots[index]);
            yield break;
        }
        if (_plan.TryGetValue(index, out var what))
        {
            if (what == "chain")
            {
                yield return ChainRow();
                yield break;
            }
            if (what == "merge10")
            {
                yield return DerivedRow(SampleKind.Merge, -1, _families[_namedFamilies[0]].Full.Count >= 10 ? 10 : 0);
                yield break;
            }
            if (what == "self")
            {
                yield return SelfReferenceRow();
                yield break;
            }
            var size = what == "cycle2" ? 2 : 3;
            if (left >= size)
            {
                foreach (var row in CycleRows(size))
                {
                    yield return row;
                }
                yield break;
            }
        }
        yield return _rng.Chance(DerivedShare) ? DerivedRow(null, -1) : StandaloneRow();
    }

    // ---- bookkeeping -------------------------------------------------------------------------

    private string UniqueId(string author, string name)
    {
        name = name.Length > 90 ? name[..90] : name;
        var id = $"{author}/{name}";
        if (!_ids.Contains(id))
        {
            return id;
        }
        // Taken: number it, starting after the last number given to this name (no rescans).
        var key = IdStore.Hash(id);
        var n = _nextSuffix.TryGetValue(key, out var next) ? next : 2;
        var candidate = $"{id}-{n}";
        while (_ids.Contains(candidate))
        {
            candidate = $"{id}-{++n}";
        }
        _nextSuffix[key] = n + 1;
        return candidate;
    }

    private int Register(string id, int family, int depth, DateTime created)
    {
        _ids.Add(id);
        _familyOf.Add(family);
        _depth.Add((short)Math.Min(depth, short.MaxValue));
        _created.Add(created.Ticks);
        return _ids.Count - 1;
    }

    private DateTime CreatedOf(int index) => new(_created[index], DateTimeKind.Utc);

    private string Author(SampleKind kind)
    {
        if (kind == SampleKind.Quantized && _rng.Chance(0.55))
        {
            return _rng.Pick(SampleCatalog.Quantizers);
        }
        if (kind == SampleKind.Merge && _rng.Chance(0.35))
        {
            return _rng.Pick(SampleCatalog.Mergers);
        }
        var k = (int)(_authorPool * Math.Pow(_rng.NextDouble(), 1.6));
        var first = SampleCatalog.FirstParts;
        var second = SampleCatalog.SecondParts;
        var a = first[k % first.Length];
        var b = second[(k / first.Length) % second.Length];
        var n = k / (first.Length * second.Length);
        var sep = (k % 3) switch { 0 => "-", 1 => "", _ => "_" };
        return n == 0 ? $"{a}{sep}{b}" : $"{a}{sep}{b}{n}";
    }

    private DateTime ChildDate(DateTime parent)
    {
        var latest = SampleCatalog.Snapshot.AddHours(-1);
        if (parent >= latest)
        {
            return parent.AddMinutes(1);
        }
        var created = parent.AddDays(1 + _rng.Exponential(110));
        if (created > latest)
        {
            created = parent.AddTicks((long)((latest - parent).Ticks * (0.05 + 0.95 * _rng.NextDouble())));
        }
        return created;
    }
}

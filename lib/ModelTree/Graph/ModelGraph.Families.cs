using ModelTree.Graph;

namespace ModelTree;

public sealed partial class ModelGraph
{
    private readonly Lazy<FamilyIndex> _families;

    /// <summary>
    /// The families (models linked by base links in either direction, at least two of them), largest
    /// first. Computed on first use, then kept.
    /// </summary>
    public IReadOnlyList<Family> Families() => _families.Value.Families;

    /// <summary>Models that name no base and that no model names: families of one, left out of <see cref="Families"/>.</summary>
    public int IsolatedModels => _families.Value.Isolated;

    /// <summary>The family a model belongs to (null for an isolated model).</summary>
    public Family? FamilyOf(string id)
    {
        var f = _families.Value.FamilyOf[Node(id)];
        return f < 0 ? null : _families.Value.Families[f];
    }

    /// <summary>Hops from the model up to its nearest root (0 for a root).</summary>
    public int DepthOf(string id) => _families.Value.Depth[Node(id)];

    /// <summary>The members of a family.</summary>
    public IEnumerable<string> Members(Family family)
    {
        var index = _families.Value;
        var f = index.Number(family);
        for (var v = 0; v < _names.Length; v++)
        {
            if (index.FamilyOf[v] == f)
            {
                yield return _names[v];
            }
        }
    }

    /// <summary>The deepest member of a family (ties: most downloads, then id): a good model to trace a lineage from.</summary>
    public string Deepest(Family family)
    {
        var index = _families.Value;
        var f = index.Number(family);
        var best = -1;
        for (var v = 0; v < _names.Length; v++)
        {
            if (index.FamilyOf[v] != f)
            {
                continue;
            }
            if (best < 0 || index.Depth[v] > index.Depth[best] ||
                (index.Depth[v] == index.Depth[best] && (_downloads[v] > _downloads[best] ||
                    (_downloads[v] == _downloads[best] && string.CompareOrdinal(_names[v], _names[best]) < 0))))
            {
                best = v;
            }
        }
        return _names[best];
    }

    /// <summary>How many families have each size, smallest size first.</summary>
    public IReadOnlyList<(int Size, int Families)> FamilySizeDistribution() =>
        Families().GroupBy(f => f.Size).Select(g => (g.Key, g.Count())).OrderBy(x => x.Key).ToList();

    /// <summary>How many families have each depth, shallowest first.</summary>
    public IReadOnlyList<(int Depth, int Families)> FamilyDepthDistribution() =>
        Families().GroupBy(f => f.Depth).Select(g => (g.Key, g.Count())).OrderBy(x => x.Key).ToList();

    /// <summary>
    /// The most influential models: by direct children, by descendants at any depth, or by the downloads
    /// of those descendants. Exact (each descendant once): candidates are taken in order of a cheap upper
    /// bound and walked until no remaining candidate can enter the top.
    /// </summary>
    public IReadOnlyList<BaseInfluence> TopBases(int top = 10, InfluenceMeasure by = InfluenceMeasure.Descendants)
    {
        if (top <= 0)
        {
            return [];
        }
        var result = new List<BaseInfluence>();
        if (by == InfluenceMeasure.DirectChildren)
        {
            var ranked = Enumerable.Range(0, _names.Length)
                .Where(v => _downStart[v + 1] > _downStart[v])
                .OrderByDescending(v => _downStart[v + 1] - _downStart[v]).ThenByDescending(v => _downloads[v])
                .ThenBy(v => _names[v], StringComparer.Ordinal)
                .Take(top);
            return ranked.Select(Influence).ToList();
        }

        var bound = by == InfluenceMeasure.Descendants ? _families.Value.CountBound : _families.Value.DownloadBound;
        var candidates = Enumerable.Range(0, _names.Length)
            .Where(v => _downStart[v + 1] > _downStart[v])
            .OrderByDescending(v => bound[v]).ToList();
        foreach (var v in candidates)
        {
            if (result.Count >= top && bound[v] < Value(result[top - 1]))
            {
                break;
            }
            result.Add(Influence(v));
            result.Sort((a, b) => Value(b).CompareTo(Value(a)) is var c && c != 0 ? c
                : b.Downloads.CompareTo(a.Downloads) is var d && d != 0 ? d : string.CompareOrdinal(a.Id, b.Id));
            if (result.Count > top)
            {
                result.RemoveAt(result.Count - 1);
            }
        }
        return result;

        double Value(BaseInfluence i) => by == InfluenceMeasure.Descendants ? i.Descendants : i.DescendantDownloads;
    }

    /// <summary>One model's influence figures.</summary>
    public BaseInfluence Influence(string id) => Influence(Node(id));

    private BaseInfluence Influence(int v)
    {
        var count = 0;
        long downloads = 0;
        Walk(v, int.MaxValue, (child, _, _, _) =>
        {
            count++;
            downloads += _downloads[child];
        });
        return new BaseInfluence(_names[v], _downStart[v + 1] - _downStart[v], count, downloads, _downloads[v], _inTable[v]);
    }

    /// <summary>Families, depths and influence bounds, computed together once.</summary>
    private sealed record FamilyIndex(IReadOnlyList<Family> Families, int[] FamilyOf, int[] Depth, int Isolated, double[] CountBound, double[] DownloadBound)
    {
        public Dictionary<Family, int> Numbers { get; } = Families.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);

        public int Number(Family family) => Numbers.TryGetValue(family, out var f) ? f
            : throw new ModelTreeException($"The family of {family.Root} is not a family of this graph.");

        public static FamilyIndex Build(ModelGraph g)
        {
            var n = g._names.Length;

            // Weakly connected components: union-find over the links, iterative, with path halving.
            var parent = new int[n];
            for (var v = 0; v < n; v++)
            {
                parent[v] = v;
            }
            for (var c = 0; c < n; c++)
            {
                for (var e = g._upStart[c]; e < g._upStart[c + 1]; e++)
                {
                    var a = Find(parent, c);
                    var b = Find(parent, g._upBase[e]);
                    if (a != b)
                    {
                        parent[Math.Max(a, b)] = Math.Min(a, b);
                    }
                }
            }

            // Depth: fewest hops from a root, by a breadth-first walk down from every root at once.
            var depth = new int[n];
            Array.Fill(depth, -1);
            var queue = new int[n];
            int head = 0, tail = 0;
            for (var v = 0; v < n; v++)
            {
                if (g.IsRootNode(v))
                {
                    depth[v] = 0;
                    queue[tail++] = v;
                }
            }
            while (head < tail)
            {
                var v = queue[head++];
                for (var k = g._downStart[v]; k < g._downStart[v + 1]; k++)
                {
                    var c = g._downChild[k];
                    if (depth[c] < 0)
                    {
                        depth[c] = depth[v] + 1;
                        queue[tail++] = c;
                    }
                }
            }

            // Aggregate per component of two or more models.
            var componentOf = new int[n];
            var size = new Dictionary<int, int>();
            for (var v = 0; v < n; v++)
            {
                componentOf[v] = Find(parent, v);
                size[componentOf[v]] = size.GetValueOrDefault(componentOf[v]) + 1;
            }
            var number = new Dictionary<int, int>();
            var builders = new List<FamilyBuilder>();
            var familyOf = new int[n];
            var isolated = 0;
            for (var v = 0; v < n; v++)
            {
                if (size[componentOf[v]] < 2)
                {
                    familyOf[v] = -1;
                    isolated++;
                    continue;
                }
                if (!number.TryGetValue(componentOf[v], out var f))
                {
                    number[componentOf[v]] = f = builders.Count;
                    builders.Add(new FamilyBuilder());
                }
                familyOf[v] = f;
                builders[f].Add(g, v, depth[v]);
            }

            // Families numbered largest first.
            var built = builders.Select((b, i) => (Family: b.ToFamily(g), Old: i))
                .OrderByDescending(x => x.Family.Size).ThenBy(x => x.Family.Root, StringComparer.Ordinal).ToList();
            var renumber = new int[built.Count];
            for (var i = 0; i < built.Count; i++)
            {
                renumber[built[i].Old] = i;
            }
            for (var v = 0; v < n; v++)
            {
                if (familyOf[v] >= 0)
                {
                    familyOf[v] = renumber[familyOf[v]];
                }
            }
            var families = built.Select(x => x.Family).ToList();
            var (countBound, downloadBound) = Bounds(g);
            return new FamilyIndex(families, familyOf, depth, isolated, countBound, downloadBound);
        }

        private static int Find(int[] parent, int v)
        {
            while (parent[v] != v)
            {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }
            return v;
        }

        // Upper bounds of each model's descendants (and their downloads), summed over the children as if
        // no two paths met: exact on trees, too high below merges. Computed on the components of
        // cycles, which are numbered children-first, so each sum needs only finished ones.
        private static (double[] Count, double[] Downloads) Bounds(ModelGraph g)
        {
            var n = g._names.Length;
            var components = g._componentSize.Length;
            var members = new int[components + 1];
            foreach (var c in g._component)
            {
                members[c + 1]++;
            }
            for (var c = 0; c < components; c++)
            {
                members[c + 1] += members[c];
            }
            var order = new int[n];
            var fill = members[..components];
            for (var v = 0; v < n; v++)
            {
                order[fill[g._component[v]]++] = v;
            }

            var own = new double[components];
            for (var v = 0; v < n; v++)
            {
                own[g._component[v]] += g._downloads[v];
            }
            var countSum = new double[components];
            var downloadSum = new double[components];
            for (var c = 0; c < components; c++)
            {
                double count = g._componentSize[c] - 1, downloads = own[c];
                for (var i = members[c]; i < members[c + 1]; i++)
                {
                    var v = order[i];
                    for (var k = g._downStart[v]; k < g._downStart[v + 1]; k++)
                    {
                        var t = g._component[g._downChild[k]];
                        if (t != c)
                        {
                            count += g._componentSize[t] + countSum[t];
                            downloads += own[t] + downloadSum[t];
                        }
                    }
                }
                countSum[c] = count;
                downloadSum[c] = downloads;
            }

            var countBound = new double[n];
            var downloadBound = new double[n];
            for (var v = 0; v < n; v++)
            {
                countBound[v] = countSum[g._component[v]];
                downloadBound[v] = downloadSum[g._component[v]];
            }
            return (countBound, downloadBound);
        }
    }

    private sealed class FamilyBuilder
    {
        private int _root = -1;
        private int _roots;
        private int _size;
        private int _depth;
        private long _downloads;
        private int _multiBase;
        private bool _cycle;

        public void Add(ModelGraph g, int v, int depth)
        {
            _size++;
            _depth = Math.Max(_depth, depth);
            _downloads += g._downloads[v];
            if (g._upStart[v + 1] - g._upStart[v] > 1)
            {
                _multiBase++;
            }
            _cycle |= g._componentSize[g._component[v]] > 1;
            if (depth == 0)
            {
                _roots++;
                if (_root < 0 || Children(g, v) > Children(g, _root) ||
                    (Children(g, v) == Children(g, _root) && g._downloads[v] > g._downloads[_root]))
                {
                    _root = v;
                }
            }
        }

        public Family ToFamily(ModelGraph g) => new()
        {
            Root = g._names[_root],
            RootInTable = g._inTable[_root],
            Roots = _roots,
            Size = _size,
            Depth = _depth,
            Downloads = _downloads,
            MultiBase = _multiBase,
            HasCycle = _cycle,
        };

        private static int Children(ModelGraph g, int v) => g._downStart[v + 1] - g._downStart[v];
    }
}

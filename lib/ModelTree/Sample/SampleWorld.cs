using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelTree.Sample;

/// <summary>
/// Grows the synthetic Hub one row at a time: picks what each model is (kind and case), where it
/// sits (family and bases), and what the Hub would store for it (tags, files, card, counts). All the
/// state it keeps is compact per-row arrays and per-family index lists, so 2 million rows fit easily.
/// </summary>
internal sealed class SampleWorld
{
    private const byte KindBase = 0, KindFinetune = 1, KindAdapter = 2, KindQuantized = 3, KindMerge = 4;
    private static readonly string[] KindNames = ["base", "finetune", "adapter", "quantized", "merge"];

    // Shares of what derived repos physically are. Some adapters and quantizations are labelled finetune (Hub-style
    // labelling, as on the real records), so the kinds are set above the study's full-Hub label counts (finetune 244,723;
    // adapter 266,041; quantized 125,673) for the labels to land near them; a few percent are merges.
    private static readonly double[] KindShares = [0, 0.27, 0.45, 0.247, 0.033];

    private const double DerivedShare = 0.34;

    private readonly SampleRandom _rng;
    private readonly int _rows;
    private readonly IdStore _ids = new();
    private readonly List<int> _familyOf = [];
    private readonly List<short> _depth = [];
    private readonly List<byte> _kind = [];
    private readonly List<long> _created = [];
    private readonly List<SampleFamily> _families = [];
    private readonly List<int> _externalFamilies = [];
    private readonly List<int> _namedFamilies = [];
    private readonly List<int> _derived = [];
    private readonly List<int> _standalone = [];
    private readonly Dictionary<int, int> _standaloneFamily = [];
    private readonly List<FamilyProfile> _standaloneProfile = [];
    private readonly Dictionary<int, int> _standaloneProfileOf = [];
    private readonly Dictionary<int, string> _plan = [];
    private readonly Dictionary<ulong, int> _nextSuffix = [];
    private readonly byte[] _chainKinds = [KindFinetune, KindFinetune, KindQuantized, KindFinetune, KindAdapter];
    private int _chainStep;
    private int _chainLast;
    private readonly int _authorPool;
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public SampleWorld(int rows, int seed)
    {
        _rows = rows;
        _rng = new SampleRandom(seed);
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
                yield return DerivedRow(KindMerge, -1, _families[_namedFamilies[0]].Full.Count >= 10 ? 10 : 0);
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

    private int Register(string id, int family, int depth, byte kind, DateTime created)
    {
        _ids.Add(id);
        _familyOf.Add(family);
        _depth.Add((short)Math.Min(depth, short.MaxValue));
        _kind.Add(kind);
        _created.Add(created.Ticks);
        return _ids.Count - 1;
    }

    private DateTime CreatedOf(int index) => new(_created[index], DateTimeKind.Utc);

    private static string ObjectId(string id, DateTime created)
    {
        var seconds = (uint)(created - DateTime.UnixEpoch).TotalSeconds;
        return seconds.ToString("x8", CultureInfo.InvariantCulture) + IdStore.Hash(id).ToString("x16", CultureInfo.InvariantCulture);
    }

    private string Author(byte kind)
    {
        if (kind == KindQuantized && _rng.Chance(0.55))
        {
            return _rng.Pick(SampleCatalog.Quantizers);
        }
        if (kind == KindMerge && _rng.Chance(0.35))
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

    private static string ShortName(string id) => id[(id.IndexOf('/') + 1)..];

    // ---- rows without a base ------------------------------------------------------------------

    private SampleModel NamedRootRow(NamedRoot root)
    {
        var index = Register(root.Id, _families.Count, 0, KindBase, root.CreatedAt);
        _namedFamilies.Add(_families.Count);
        _families.Add(new SampleFamily(root.Id, index, root.Profile));
        var p = root.Profile;
        var author = root.Id[..root.Id.IndexOf('/')];
        var model = new SampleModel
        {
            Id = root.Id,
            Author = author,
            Kind = "base",
            Case = SampleCases.Typical,
            Family = root.Id,
            Depth = 0,
            Bases = [],
            CreatedAt = root.CreatedAt,
            Downloads = root.Downloads,
            Likes = root.Likes,
            Gated = root.Gated,
        };
        model.LastModified = root.CreatedAt.AddDays(20 + _rng.Next(200));
        model.DownloadsAllTime = root.Downloads * (6 + _rng.Next(20));
        model.TrendingScore = _rng.Between(5, 60);
        var files = FullWeightFiles(p, root.CreatedAt, ShortName(root.Id), true);
        AddWeight(files, p, KindBase, root.CreatedAt, ShortName(root.Id));
        var cardTags = new List<string>();
        if (p.IsLlm)
        {
            cardTags.Add(p.Arch);
        }
        Fill(model, p, KindBase, p.Library, files, cardTags, root.Languages, p.License, baseIds: [], relation: null, declared: null,
            cardBase: CardBase.None, datasets: false);
        return model;
    }

    private SampleModel StandaloneRow()
    {
        var profileIndex = _rng.Weighted(SampleCatalog.StandaloneWeights);
        var p = SampleCatalog.StandaloneProfiles[profileIndex];
        var created = SampleCatalog.Start.AddTicks((long)((SampleCatalog.Snapshot - SampleCatalog.Start).Ticks * Math.Pow(_rng.NextDouble(), 0.6)));
        var author = Author(KindBase);
        var word = _rng.Pick(SampleCatalog.StandaloneNames[profileIndex]);
        var id = UniqueId(author, _rng.Chance(0.5) ? word : $"{word}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}");
        var index = Register(id, -1, 0, KindBase, created);
        _standalone.Add(index);
        _standaloneProfileOf[index] = profileIndex;

        var model = new SampleModel
        {
            Id = id,
            Author = author,
            Kind = "base",
            Case = SampleCases.Typical,
            Family = id,
            Depth = 0,
            Bases = [],
            CreatedAt = created,
        };
        var license = SampleCatalog.Licenses[_rng.Weighted(SampleCatalog.LicenseWeights)];
        var files = FullWeightFiles(p, created, ShortName(id), false, standalone: true);
        AddWeight(files, p, KindBase, created, ShortName(id));
        var langs = p.Modality is "llm" or "encoder" or "seq2seq" or "asr" && _rng.Chance(0.5) ? new[] { _rng.Pick(SampleCatalog.Languages) } : [];
        var cardTags = p.Modality == "rl" ? new List<string> { "LunarLander-v2", "deep-reinforcement-learning", "reinforcement-learning" }
            : _rng.Chance(0.3) ? ["generated_from_trainer"] : [];
        Fill(model, p, KindBase, p.Library, files, cardTags, langs, license, baseIds: [], relation: null, declared: null,
            cardBase: CardBase.None, datasets: _rng.Chance(0.3), noCard: _rng.Chance(0.3));

        // Rare shapes of the lists, only on rows with no base so the relation counts stay exact.
        var r = _rng.NextDouble();
        if (r < 0.002)
        {
            model.Tags = null;
            model.Case = SampleCases.NullTags;
        }
        else if (r < 0.004)
        {
            model.Tags = [];
            model.Case = SampleCases.EmptyTags;
        }
        else if (r < 0.006)
        {
            model.Files = null;
            model.Case = SampleCases.NullSiblings;
        }
        else if (r < 0.009)
        {
            model.Files = [];
            model.Case = SampleCases.EmptySiblings;
        }
        else if (r < 0.012)
        {
            model.CardData = Malformed(model.CardData ?? "{\"license\": \"" + license + "\"}");
            model.Case = SampleCases.MalformedCard;
        }
        return model;
    }

    private SampleModel SelfReferenceRow()
    {
        var p = SampleCatalog.StandaloneProfiles[4];
        var created = SampleCatalog.Start.AddDays(400 + _rng.Next(1400));
        var author = Author(KindBase);
        var id = UniqueId(author, $"self-based-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}");
        Register(id, -1, 0, KindBase, created);
        var model = new SampleModel
        {
            Id = id,
            Author = author,
            Kind = "base",
            Case = SampleCases.SelfReference,
            Family = id,
            Depth = 0,
            Bases = [id],
            CreatedAt = created,
            Relation = "finetune",
        };
        Fill(model, p, KindFinetune, p.Library, FullWeightFiles(p, created, ShortName(id), false), ["trl", "sft"], ["en"], "apache-2.0",
            baseIds: [id], relation: "finetune", declared: null, cardBase: CardBase.Auto, datasets: false);
        return model;
    }

    private IEnumerable<SampleModel> CycleRows(int size)
    {
        var p = SampleCatalog.NamedRoots[0].Profile;
        var ids = new List<string>();
        var authors = new List<string>();
        for (var k = 0; k < size; k++)
        {
            var author = Author(KindFinetune);
            var id = UniqueId(author, $"loop-{(char)('a' + k)}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}");
            _ids.Reserve(id);
            ids.Add(id);
            authors.Add(author);
        }
        var family = ids.Min(StringComparer.Ordinal)!;
        var created = SampleCatalog.Start.AddDays(900 + _rng.Next(700));
        var rows = new List<SampleModel>();
        for (var k = 0; k < size; k++)
        {
            var baseId = ids[(k + 1) % size];
            var when = created.AddDays(k);
            Register(ids[k], -1, -1, KindFinetune, when);
            var model = new SampleModel
            {
                Id = ids[k],
                Author = authors[k],
                Kind = "finetune",
                Case = SampleCases.Cycle,
                Family = family,
                Depth = -1,
                Bases = [baseId],
                CreatedAt = when,
                Relation = "finetune",
            };
            Fill(model, p, KindFinetune, p.Library, FullWeightFiles(p, when, ShortName(ids[k]), false), ["trl"], ["en"], "llama3.1",
                baseIds: [baseId], relation: "finetune", declared: null, cardBase: CardBase.Auto, datasets: false);
            rows.Add(model);
        }
        return rows;
    }

    // ---- rows with a base ---------------------------------------------------------------------

    private SampleModel ChainRow()
    {
        var kind = _chainKinds[_chainStep];
        var parent = _chainStep == 0 ? 0 : _chainLast;
        _chainStep++;
        var model = DerivedRow(kind, parent);
        _chainLast = Emitted - 1;
        return model;
    }

    private string PickCase(byte kind)
    {
        var r = _rng.NextDouble();
        double Take(double p)
        {
            r -= p;
            return r;
        }
        switch (kind)
        {
            case KindFinetune:
                if (Take(0.0046) < 0) return SampleCases.FinetuneWithAdapterTag;
                if (Take(0.06) < 0) return SampleCases.LoraFilesNotAdapter;
                if (Take(0.025) < 0) return SampleCases.DeclaredRelation;
                break;
            case KindAdapter:
                if (Take(0.0136) < 0) return SampleCases.AdapterWithoutAdapterTag;
                if (Take(0.11) < 0) return SampleCases.AdapterFilesLabelledFinetune;
                if (Take(0.004) < 0) return SampleCases.AdapterAndQuantEvidence;
                if (Take(0.02) < 0) return SampleCases.BaseAndAdapterTogether;
                if (Take(0.008) < 0) return SampleCases.DeclaredRelation;
                if (Take(0.003) < 0) return SampleCases.WeightsOutsideMain;
                break;
            case KindQuantized:
                if (Take(0.21) < 0) return SampleCases.UnreadQuantFormat;
                if (Take(0.11) < 0) return SampleCases.QuantizedWithoutQuantTag;
                if (Take(0.03) < 0) return SampleCases.DeclaredRelation;
                if (Take(0.005) < 0) return SampleCases.WeightsOutsideMain;
                break;
            case KindMerge:
                if (Take(0.10) < 0) return SampleCases.DeclaredRelation;
                break;
        }
        if (Take(0.003) < 0) return SampleCases.MalformedCard;
        if (Take(0.006) < 0) return SampleCases.BaseModelsWithoutCard;
        return SampleCases.Typical;
    }

    /// <summary>Cases about adapter files and tags only make sense for transformers models (not diffusion, RL, unknown).</summary>
    private static bool NeedsTransformers(string @case) =>
        @case is SampleCases.FinetuneWithAdapterTag or SampleCases.LoraFilesNotAdapter or SampleCases.BaseAndAdapterTogether
            or SampleCases.AdapterFilesLabelledFinetune or SampleCases.AdapterAndQuantEvidence;

    /// <summary>A diffusers LoRA without a lora tag needs a diffusion family.</summary>
    private static bool NeedsDiffusion(string @case) => @case is SampleCases.AdapterWithoutAdapterTag;

    /// <summary>Quantization formats that exist for language models only.</summary>
    private static bool NeedsLlm(string @case) => @case is SampleCases.UnreadQuantFormat;

    private bool Suits(SampleFamily family, byte kind, string @case) =>
        (!NeedsTransformers(@case) || family.Profile.Library == "transformers")
        && (!NeedsDiffusion(@case) || family.Profile.IsDiffusion)
        && (!NeedsLlm(@case) || family.Profile.IsLlm) && kind switch
        {
            KindQuantized or KindMerge => family.Profile.IsLlm || (family.Profile.IsDiffusion && kind == KindQuantized),
            KindAdapter => family.Profile.Modality is not ("rl" or "other"),
            _ => family.Profile.Modality != "other" || _rng.Chance(0.5),
        };

    private int NamedFamilyFor(byte kind, string @case = SampleCases.Typical)
    {
        var weights = SampleCatalog.NamedRoots
            .Select(r => (NeedsTransformers(@case) && r.Profile.Library != "transformers") || (NeedsDiffusion(@case) && !r.Profile.IsDiffusion)
                || (NeedsLlm(@case) && !r.Profile.IsLlm) ? 0 : r.Pull[kind - 1]).ToArray();
        return _namedFamilies[_rng.Weighted(weights)];
    }

    private int FamilyOfStandalone(int index)
    {
        if (!_standaloneFamily.TryGetValue(index, out var family))
        {
            family = _families.Count;
            _families.Add(new SampleFamily(_ids[index], index, SampleCatalog.StandaloneProfiles[_standaloneProfileOf[index]]));
            _standaloneFamily[index] = family;
            _familyOf[index] = family;
        }
        return family;
    }

    private int PickFamily(byte kind, string @case, bool mayBeExternal)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var r = _rng.NextDouble();
            int family;
            if (mayBeExternal && r < 0.035)
            {
                family = _rng.Pick(_externalFamilies);
            }
            else if (r < 0.42 || _derived.Count == 0)
            {
                family = NamedFamilyFor(kind);
            }
            else if (r < 0.80)
            {
                family = _familyOf[_rng.Pick(_derived)];
            }
            else if (_standalone.Count > 0)
            {
                family = FamilyOfStandalone(_rng.Pick(_standalone));
            }
            else
            {
                continue;
            }
            var f = _families[family];
            if (f.IsExternal && !mayBeExternal && f.Full.Count == 0)
            {
                continue;
            }
            if (Suits(f, kind, @case))
            {
                return family;
            }
        }
        return NamedFamilyFor(kind, @case);
    }

    /// <summary>A derivative: kind and parent forced for the planted chain, drawn otherwise.</summary>
    private SampleModel DerivedRow(byte? forcedKind, int forcedParent, int forcedBases = 0)
    {
        var kind = forcedKind ?? (byte)_rng.Weighted(KindShares);
        var @case = forcedKind is null ? PickCase(kind) : SampleCases.Typical;
        var mayBeExternal = @case == SampleCases.Typical;

        // Family and bases: indices of rows, or -1 for the family's external root.
        int familyIndex;
        var parents = new List<int>();
        if (forcedParent >= 0)
        {
            familyIndex = _familyOf[forcedParent];
            parents.Add(forcedParent);
        }
        else
        {
            var baseCount = forcedBases > 0 ? forcedBases : kind == KindMerge ? MergeBaseCount(@case) : 1;
            familyIndex = forcedBases > 0 ? _namedFamilies[0] : PickFamily(kind, @case, mayBeExternal);
            var f = _families[familyIndex];
            if (kind == KindMerge && f.Full.Count < baseCount)
            {
                familyIndex = NamedFamilyFor(kind);
                f = _families[familyIndex];
                if (f.Full.Count < 2)
                {
                    kind = KindFinetune;
                    @case = SampleCases.Typical;
                    baseCount = 1;
                }
                baseCount = Math.Min(baseCount, f.Full.Count);
            }
            if (f.IsExternal && mayBeExternal && (f.Full.Count == 0 || _rng.Chance(0.5)))
            {
                parents.Add(-1);
            }
            while (parents.Count < baseCount)
            {
                var candidate = PickParent(f, kind);
                if (!parents.Contains(candidate))
                {
                    parents.Add(candidate);
                }
            }
        }
        var family = _families[familyIndex];
        if (parents.Contains(-1))
        {
            @case = SampleCases.ExternalBase;
        }

        var depth = 1;
        var parentCreated = SampleCatalog.Start;
        var baseIds = new List<string>();
        foreach (var parent in parents)
        {
            if (parent < 0)
            {
                baseIds.Add(family.RootId);
                parentCreated = parentCreated < SampleCatalog.Start.AddDays(500) ? SampleCatalog.Start.AddDays(500) : parentCreated;
                continue;
            }
            baseIds.Add(_ids[parent]);
            depth = Math.Max(depth, _depth[parent] + 1);
            var c = CreatedOf(parent);
            parentCreated = c > parentCreated ? c : parentCreated;
        }
        var created = ChildDate(parentCreated);
        if (@case == SampleCases.Typical && forcedKind is null && created < SampleCatalog.BaseModelsAdded && _rng.Chance(0.05))
        {
            @case = SampleCases.BackfillCardOnly;
        }

        // The label the Hub shows.
        var relation = KindNames[kind];
        string? declared = null;
        if (@case == SampleCases.DeclaredRelation)
        {
            declared = kind switch
            {
                KindQuantized => _rng.Chance(0.5) ? "finetune" : "quantized",
                KindMerge => _rng.Chance(0.7) ? "finetune" : "merge",
                _ => relation,
            };
            relation = declared;
        }
        if (@case is SampleCases.WeightsOutsideMain or SampleCases.AdapterFilesLabelledFinetune or SampleCases.UnreadQuantFormat)
        {
            relation = "finetune";
        }
        string? cardBase = null;
        if (@case == SampleCases.Typical && forcedKind is null && parents.Count == 1 && parents[0] >= 0 && _rng.Chance(0.015))
        {
            // The card names an older spelling of the base, or the family's root instead of the direct base.
            @case = SampleCases.CardBaseDiffers;
            cardBase = baseIds[0] == family.RootId ? baseIds[0] + "-hf" : family.RootId;
        }

        var author = Author(kind);
        var rootShort = ShortName(family.RootId);
        var name = kind switch
        {
            KindFinetune => $"{rootShort}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}",
            KindAdapter when family.Profile.IsDiffusion => $"{_rng.Pick(SampleCatalog.StyleWords)}-{rootShort}-{(_rng.Chance(0.7) ? "lora" : "style")}",
            KindAdapter => $"{rootShort}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}-{_rng.Pick(SampleCatalog.AdapterSuffixes)}",
            KindQuantized => $"{rootShort}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}",
            _ => $"{rootShort}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}-{_rng.Pick(SampleCatalog.MergeSuffixes)}",
        };
        if (kind == KindQuantized && parents[0] >= 0)
        {
            // Quantizers keep the name of what they quantize.
            name = ShortName(_ids[parents[0]]);
        }
        var quantStyle = kind != KindQuantized ? null : forcedKind is not null ? "bnb4" : QuantStyle(@case, family.Profile);
        if (quantStyle is not null)
        {
            name += quantStyle switch
            {
                "gguf" => "-GGUF",
                "bnb4" => "-bnb-4bit",
                "bnb8" => "-8bit",
                "onnx" => "-onnx-int8",
                "int4" => "-int4-ov",
                "quantized" => "-quantized",
                "gptq" => "-GPTQ",
                "awq" => "-AWQ",
                "mlx" => "-mlx-4bit",
                "split-gguf" => "-i1-GGUF",
                "hqq" => "-HQQ-4bit-smashed",
                "ggml" => "-GGML",
                "llamafile" => "-llamafile",
                "exl2" => "-exl2-4.0bpw",
                _ => "-FP8",
            };
        }
        var id = UniqueId(author, name);
        var index = Register(id, familyIndex, depth, kind, created);
        _derived.Add(index);
        if (@case != SampleCases.WeightsOutsideMain)
        {
            if (kind is KindFinetune or KindMerge)
            {
                family.Full.Add(index);
            }
            else if (kind == KindQuantized && quantStyle is "bnb4" or "gptq" or "awq")
            {
                family.Quantized.Add(index);
            }
        }

        var model = new SampleModel
        {
            Id = id,
            Author = author,
            Kind = KindNames[kind],
            Case = @case,
            Family = family.RootId,
            Depth = depth,
            Bases = baseIds,
            CreatedAt = created,
            Relation = relation,
        };
        FillDerived(model, family.Profile, kind, @case, quantStyle, baseIds, relation, declared, cardBase);
        return model;
    }

    private int MergeBaseCount(string @case)
    {
        if (@case == SampleCases.DeclaredRelation)
        {
            return 2;
        }
        var n = 2;
        while (n < 10 && _rng.Chance(0.42))
        {
            n++;
        }
        return n;
    }

    private int PickParent(SampleFamily f, byte kind)
    {
        if (f.Full.Count == 0)
        {
            return f.Quantized.Count > 0 ? _rng.Pick(f.Quantized) : f.RootIndex;
        }
        if (kind is KindFinetune or KindAdapter && f.Quantized.Count > 0 && _rng.Chance(0.05))
        {
            return _rng.Pick(f.Quantized);
        }
        var toRoot = kind switch { KindAdapter => 0.6, KindQuantized => 0.4, KindMerge => 0.3, _ => 0.5 };
        if (!f.IsExternal && _rng.Chance(toRoot))
        {
            return f.RootIndex;
        }
        return _rng.Pick(f.Full);
    }

    private string QuantStyle(string @case, FamilyProfile p)
    {
        if (@case == SampleCases.QuantizedWithoutQuantTag)
        {
            return _rng.Weighted([40, 30, 15, 15]) switch { 0 => "gptq", 1 => "awq", 2 => "exl2", _ => "fp8" };
        }
        if (@case == SampleCases.UnreadQuantFormat)
        {
            // The formats the real records show labelled finetune, MLX the commonest.
            return _rng.Weighted([45, 15, 20, 5, 10, 5]) switch
            {
                0 => "mlx",
                1 => "split-gguf",
                2 => "hqq",
                3 => "ggml",
                4 => "int4",
                _ => "llamafile",
            };
        }
        if (p.IsDiffusion)
        {
            return "gguf";
        }
        return _rng.Weighted([68, 16, 6, 5, 5]) switch
        {
            0 => "gguf",
            1 => "bnb4",
            2 => "bnb8",
            3 => "onnx",
            _ => "quantized",
        };
    }

    // ---- content ------------------------------------------------------------------------------

    private enum CardBase { None, Auto, Omit }

    private void FillDerived(SampleModel model, FamilyProfile p, byte kind, string @case, string? quantStyle,
        List<string> baseIds, string relation, string? declared, string? cardBase)
    {
        var created = model.CreatedAt;
        var shortName = ShortName(model.Id);
        var library = p.Library;
        var cardTags = new List<string>();
        List<string> files;
        switch (kind)
        {
            case KindFinetune:
                files = FullWeightFiles(p, created, shortName, false);
                if (p.IsLlm && _rng.Chance(0.4))
                {
                    cardTags.AddRange(_rng.Chance(0.5) ? ["trl", "sft"] : ["unsloth", "trl"]);
                }
                else if (_rng.Chance(0.4))
                {
                    cardTags.Add("generated_from_trainer");
                }
                if (@case == SampleCases.FinetuneWithAdapterTag)
                {
                    cardTags.Add(_rng.Weighted([6, 3, 1]) switch { 0 => "lora", 1 => "peft", _ => "adapter" });
                }
                else if (@case == SampleCases.LoraFilesNotAdapter)
                {
                    files.Add("adapter_model.safetensors");
                    if (_rng.Chance(0.5))
                    {
                        files.Add("adapter_config.json");
                    }
                    cardTags.AddRange(["unsloth", "trl", "sft"]);
                }
                break;
            case KindAdapter:
                if (p.IsDiffusion)
                {
                    library = "diffusers";
                    files = [".gitattributes", "README.md", _rng.Chance(0.7) ? "pytorch_lora_weights.safetensors" : $"{shortName}.safetensors"];
                    if (_rng.Chance(0.4))
                    {
                        files.Add("images/example_0.png");
                    }
                    if (@case != SampleCases.AdapterWithoutAdapterTag)
                    {
                        cardTags.AddRange(["text-to-image", "lora", "diffusers", "template:sd-lora"]);
                    }
                    else
                    {
                        cardTags.AddRange(["text-to-image", "diffusers"]);
                    }
                }
                else
                {
                    // Physically an adapter without the peft library: no library (the Hub reads none from the files), or
                    // transformers (AutoTrain and the like).
                    library = @case == SampleCases.AdapterFilesLabelledFinetune ? (_rng.Chance(0.6) ? null : "transformers") : "peft";
                    files = [".gitattributes", "README.md", "adapter_config.json",
                        created < new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc) ? "adapter_model.bin" : "adapter_model.safetensors"];
                    if (_rng.Chance(0.5))
                    {
                        files.AddRange(["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]);
                    }
                    if (_rng.Chance(0.3))
                    {
                        files.Add("training_args.bin");
                    }
                    if (@case == SampleCases.BaseAndAdapterTogether)
                    {
                        files.AddRange(WeightFiles(p, created, shortName));
                        files.Add("config.json");
                    }
                    if (@case == SampleCases.AdapterAndQuantEvidence)
                    {
                        // The LoRA converted for llama.cpp, beside the PEFT files: adapter and quantized evidence at once.
                        files.Add($"{shortName}-{_rng.Pick(new[] { "F16", "Q8_0" })}.gguf");
                        cardTags.AddRange(["lora", "llama-cpp"]);
                    }
                    else if (@case != SampleCases.AdapterFilesLabelledFinetune && _rng.Chance(0.45))
                    {
                        cardTags.Add("lora");
                    }
                    if (_rng.Chance(0.4))
                    {
                        cardTags.AddRange(["trl", "sft"]);
                    }
                    else if (_rng.Chance(0.2))
                    {
                        cardTags.Add("generated_from_trainer");
                    }
                }
                break;
            case KindQuantized:
                (files, library) = QuantizedFiles(p, quantStyle!, created, shortName, cardTags);
                break;
            default:
                files = FullWeightFiles(p, created, shortName, false);
                files.Add("mergekit_config.yml");
                cardTags.AddRange(["mergekit", "merge"]);
                break;
        }
        if (@case == SampleCases.WeightsOutsideMain)
        {
            files = [".gitattributes", "README.md"];
            library = null;
            cardTags.RemoveAll(t => t is "lora" or "peft" or "adapter");
        }
        else
        {
            AddWeight(files, p, kind, model.CreatedAt, shortName);
        }
        var langs = p.IsLlm && _rng.Chance(0.6) ? new[] { "en" }.Concat(_rng.Chance(0.4) ? [_rng.Pick(SampleCatalog.Languages), _rng.Pick(SampleCatalog.Languages)] : Array.Empty<string>()).Distinct().ToArray() : [];
        var license = _rng.Chance(0.8) ? p.License : SampleCatalog.Licenses[_rng.Weighted(SampleCatalog.LicenseWeights)];
        var cardBaseMode = @case == SampleCases.BaseModelsWithoutCard ? CardBase.Omit : CardBase.Auto;
        var baseModelsNull = @case == SampleCases.BackfillCardOnly;
        Fill(model, p, kind, library, files, cardTags, langs, license, baseIds, relation, declared, cardBaseMode,
            datasets: kind is KindFinetune or KindAdapter && _rng.Chance(0.4), noCard: cardBaseMode == CardBase.Omit && _rng.Chance(0.3),
            baseModelsNull: baseModelsNull, quantStyle: quantStyle, cardBaseId: cardBase);
        if (@case == SampleCases.MalformedCard)
        {
            model.CardData = Malformed(model.CardData!);
        }
    }

    private (List<string> Files, string? Library) QuantizedFiles(FamilyProfile p, string style, DateTime created, string shortName, List<string> cardTags)
    {
        var baseName = shortName;
        foreach (var suffix in new[] { "-i1-GGUF", "-GGUF", "-bnb-4bit", "-8bit", "-onnx-int8", "-int4-ov", "-quantized", "-GPTQ", "-AWQ", "-mlx-4bit", "-HQQ-4bit-smashed", "-GGML", "-llamafile", "-exl2-4.0bpw", "-FP8" })
        {
            if (baseName.EndsWith(suffix, StringComparison.Ordinal))
            {
                baseName = baseName[..^suffix.Length];
                break;
            }
        }
        var files = new List<string> { ".gitattributes", "README.md" };
        string? library = "transformers";
        switch (style)
        {
            case "gguf":
                library = _rng.Chance(0.7) ? "gguf" : null;
                var levels = SampleCatalog.GgufLevels;
                var count = 1 + (int)Math.Min(levels.Length - 1, _rng.Exponential(5));
                var start = _rng.Next(levels.Length - count + 1);
                for (var k = 0; k < count; k++)
                {
                    files.Add($"{baseName}-{levels[start + k]}.gguf");
                }
                if (_rng.Chance(0.3))
                {
                    cardTags.AddRange(["llama-cpp", "gguf-my-repo"]);
                }
                else if (_rng.Chance(0.3))
                {
                    cardTags.Add("imatrix");
                }
                return (files, library);
            case "bnb4":
            case "bnb8":
                files.AddRange(["config.json", "generation_config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]);
                cardTags.AddRange(style == "bnb4" ? ["unsloth", "4bit", "bitsandbytes"] : ["8bit", "bitsandbytes"]);
                return (files, library);
            case "onnx":
                files.AddRange(["config.json", "onnx/model.onnx", "onnx/model_quantized.onnx", "tokenizer.json"]);
                cardTags.AddRange(["onnx", "int8", "quantized"]);
                return (files, "transformers.js");
            case "int4":
                files.AddRange(["config.json", "openvino_model.xml", "openvino_model.bin", "tokenizer.json"]);
                cardTags.AddRange(["openvino", "int4"]);
                return (files, library);
            case "quantized":
                files.AddRange(["config.json", "model.safetensors", "tokenizer.json"]);
                cardTags.Add("quantized");
                return (files, library);
            case "gptq":
                files.AddRange(["config.json", "model.safetensors", "quantize_config.json", "tokenizer.json", "tokenizer_config.json"]);
                cardTags.Add("gptq");
                if (_rng.Chance(0.5))
                {
                    cardTags.Add("4-bit");
                }
                return (files, library);
            case "awq":
                files.AddRange(["config.json", "model.safetensors", "quant_config.json", "tokenizer.json"]);
                cardTags.AddRange(_rng.Chance(0.5) ? ["awq", "4-bit"] : ["awq"]);
                return (files, library);
            case "mlx":
                files.AddRange(["config.json", "model.safetensors", "model.safetensors.index.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]);
                cardTags.AddRange(_rng.Chance(0.4) ? ["mlx", "mlx-my-repo"] : ["mlx"]);
                return (files, _rng.Chance(0.5) ? "mlx" : "transformers");
            case "split-gguf":
                foreach (var level in SampleCatalog.GgufLevels.Take(2 + _rng.Next(6)))
                {
                    var parts = 2 + _rng.Next(6);
                    for (var k = 1; k <= parts; k++)
                    {
                        files.Add($"{baseName}.{level}.gguf.part{k}of{parts}");
                    }
                }
                return (files, "transformers");
            case "hqq":
                files.AddRange(["config.json", "qmodel.pt", "smash_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]);
                cardTags.AddRange(["pruna-ai"]);
                return (files, null);
            case "ggml":
                foreach (var level in new[] { "q4_0", "q4_1", "q5_0", "q5_1", "q8_0" }.Take(2 + _rng.Next(4)))
                {
                    files.Add($"ggml-model-{level}.bin");
                }
                return (files, null);
            case "llamafile":
                foreach (var level in SampleCatalog.GgufLevels.Take(3 + _rng.Next(8)))
                {
                    files.Add($"{baseName}.{level}.llamafile");
                }
                files.Add("config.json");
                return (files, "transformers");
            case "exl2":
                files.AddRange(["config.json", "output.safetensors", "measurement.json", "tokenizer.json"]);
                cardTags.Add("exl2");
                return (files, null);
            default:
                files.AddRange(WeightFiles(p, created, shortName));
                files.AddRange(["config.json", "recipe.yaml", "tokenizer.json"]);
                cardTags.AddRange(["fp8", "compressed-tensors"]);
                return (files, library);
        }
    }

    /// <summary>The weight files alone: sharded or single safetensors, or pytorch_model.bin for older repos.</summary>
    private List<string> WeightFiles(FamilyProfile p, DateTime created, string shortName)
    {
        var old = created < new DateTime(2023, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var shards = (int)Math.Ceiling(p.Parameters * 2.0 / 4.9e9);
        var files = new List<string>();
        if (shards > 1)
        {
            var ext = old ? "bin" : "safetensors";
            var stem = old ? "pytorch_model" : "model";
            for (var k = 1; k <= shards; k++)
            {
                files.Add($"{stem}-{k:00000}-of-{shards:00000}.{ext}");
            }
            files.Add(old ? "pytorch_model.bin.index.json" : "model.safetensors.index.json");
        }
        else if (old)
        {
            files.Add("pytorch_model.bin");
            if (_rng.Chance(0.3))
            {
                files.Add("model.safetensors");
            }
        }
        else
        {
            files.Add("model.safetensors");
            if (_rng.Chance(0.15))
            {
                files.Add("pytorch_model.bin");
            }
        }
        _ = shortName;
        return files;
    }

    private List<string> FullWeightFiles(FamilyProfile p, DateTime created, string shortName, bool root, bool standalone = false)
    {
        var files = new List<string> { ".gitattributes" };
        if (root || _rng.Chance(0.95))
        {
            files.Add("README.md");
        }
        switch (p.Modality)
        {
            case "llm":
                files.Add("config.json");
                files.Add("generation_config.json");
                files.AddRange(WeightFiles(p, created, shortName));
                files.AddRange(["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]);
                break;
            case "diffusion":
                files.Add("model_index.json");
                if (p.Arch == "flux")
                {
                    files.AddRange([$"{shortName}.safetensors", "ae.safetensors", "transformer/config.json"]);
                    for (var k = 1; k <= 3; k++)
                    {
                        files.Add($"transformer/diffusion_pytorch_model-{k:00000}-of-00003.safetensors");
                    }
                    files.AddRange(["text_encoder/model.safetensors", "vae/diffusion_pytorch_model.safetensors"]);
                }
                else
                {
                    files.AddRange([$"{shortName}.safetensors", "unet/diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.safetensors",
                        "text_encoder/model.safetensors", "scheduler/scheduler_config.json", "tokenizer/vocab.json"]);
                }
                break;
            case "rl":
                files.AddRange([$"{shortName}.zip", "config.json", "replay.mp4", "results.json"]);
                break;
            case "other":
                if (!standalone || _rng.Chance(0.6))
                {
                    files.Add(_rng.Pick(new[] { "model.pt", "model.pkl", "checkpoint.ckpt", "weights.h5", "model.joblib" }));
                }
                break;
            default:
                files.Add("config.json");
                files.AddRange(WeightFiles(p, created, shortName));
                files.AddRange(p.Modality switch
                {
                    "encoder" when p.Library == "sentence-transformers" => ["modules.json", "sentence_bert_config.json", "1_Pooling/config.json", "tokenizer.json"],
                    "encoder" => ["tokenizer.json", "tokenizer_config.json", "vocab.txt"],
                    "vision" => ["preprocessor_config.json"],
                    "asr" => ["preprocessor_config.json", "tokenizer.json", "vocab.json"],
                    _ => ["tokenizer_config.json", "spiece.model"],
                });
                break;
        }
        if (!root && _rng.Chance(0.2) && p.Modality is not ("rl" or "other"))
        {
            files.Add("training_args.bin");
        }
        return files;
    }

    /// <summary>
    /// The files real repositories carry beyond their weights, so rows weigh like real rows (the real records of April 2025:
    /// about 25 files a repository on average, median 11, a tail past 100): tokenizer extras, training results and
    /// TensorBoard runs, and for some finetunes and adapters their training checkpoints, a few of them very many.
    /// </summary>
    private void AddWeight(List<string> files, FamilyProfile p, byte kind, DateTime created, string shortName)
    {
        if (p.Modality is "llm" or "encoder" or "seq2seq" or "asr")
        {
            if (_rng.Chance(0.5))
            {
                files.AddRange(["vocab.json", "merges.txt"]);
            }
            if (_rng.Chance(0.4))
            {
                files.Add("added_tokens.json");
            }
            if (p.IsLlm && _rng.Chance(0.3))
            {
                files.Add(_rng.Chance(0.5) ? "tokenizer.model" : "chat_template.jinja");
            }
        }
        else if (p.Modality == "rl")
        {
            var stem = shortName.Length > 0 ? shortName : "model";
            files.AddRange([$"{stem}/data", $"{stem}/policy.pth", $"{stem}/policy.optimizer.pth", $"{stem}/pytorch_variables.pth", $"{stem}/_stable_baselines3_version", $"{stem}/system_info.txt"]);
        }
        else if (p.IsDiffusion && kind == KindAdapter)
        {
            for (var k = _rng.Next(7); k > 0; k--)
            {
                files.Add($"images/example_{k}.png");
            }
        }
        if (_rng.Chance(0.02))
        {
            // The long tail: a repository of hundreds of files (data shards, samples saved under hashed names).
            var hashed = _rng.Chance(0.6);
            for (var k = 100 + (int)_rng.Exponential(180); k > 0; k--)
            {
                files.Add(hashed ? $"samples/{_rng.NextU64():x16}.png" : $"data/train-{k:00000}.parquet");
            }
        }
        if (p.Modality is "rl")
        {
            return;
        }
        if (_rng.Chance(0.5))
        {
            files.AddRange(["trainer_state.json", "all_results.json", "train_results.json"]);
            if (_rng.Chance(0.5))
            {
                files.Add("eval_results.json");
            }
        }
        if (_rng.Chance(0.35))
        {
            var host = $"{created:MMMdd_HH-mm-ss}_{_rng.Pick(SampleCatalog.StyleWords)}-{_rng.Next(9000) + 1000}";
            for (var k = 1 + _rng.Next(3); k > 0; k--)
            {
                files.Add($"runs/{host}/events.out.tfevents.{1_700_000_000 + _rng.Next(90_000_000)}.{host}.{_rng.Next(400)}.{k - 1}");
            }
        }
        if (kind == KindBase ? _rng.Chance(0.2) : _rng.Chance(0.4))
        {
            // Checkpoints: usually a few, a long tail of many (a heavy-tailed count, capped).
            var count = (int)Math.Min(_rng.Chance(0.02) ? 60 : 12, Math.Floor(Math.Pow(1 - _rng.NextDouble(), -1 / 1.4)));
            string[] inside = kind is KindAdapter
                ? ["adapter_config.json", "adapter_model.safetensors", "optimizer.pt", "rng_state.pth", "scheduler.pt", "trainer_state.json", "training_args.bin", "README.md"]
                : ["config.json", "generation_config.json", "optimizer.pt", "rng_state.pth", "scheduler.pt", "trainer_state.json", "training_args.bin"];
            var step = 50 * (1 + _rng.Next(20));
            for (var c = 1; c <= count; c++)
            {
                foreach (var f in inside)
                {
                    files.Add($"checkpoint-{c * step}/{f}");
                }
            }
        }
    }

    private string Malformed(string json)
    {
        if (_rng.Chance(0.5))
        {
            return json[..Math.Max(1, json.Length * 2 / 3)];
        }
        return json.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)
            .Replace("\": ", ": ", StringComparison.Ordinal).Replace(", \"", "\n", StringComparison.Ordinal).TrimStart('"');
    }

    /// <summary>Tags, card, baseModels, safetensors, gguf, transformersInfo and the popularity figures.</summary>
    private void Fill(SampleModel m, FamilyProfile p, byte kind, string? library, List<string> files, List<string> cardTags,
        string[] languages, string license, List<string> baseIds, string? relation, string? declared, CardBase cardBase,
        bool datasets, bool noCard = false, bool baseModelsNull = false, string? quantStyle = null, string? cardBaseId = null)
    {
        m.Files = files;
        m.LibraryName = library;
        if (noCard)
        {
            // No card, so nothing the card would have contributed to the tags.
            cardTags = [];
            languages = [];
            datasets = false;
        }
        cardTags = cardTags.Distinct().ToList();
        m.PipelineTag = p.Pipeline;
        if (kind == KindAdapter && p.IsLlm && _rng.Chance(0.3))
        {
            m.PipelineTag = null;
        }

        // Popularity: heavy tails, quantizers and named roots high.
        if (m.Downloads == 0 && m.Likes == 0)
        {
            var (mu, sigma) = kind switch
            {
                KindBase => (1.0, 2.2),
                KindFinetune => (1.6, 2.4),
                KindAdapter => (1.3, 2.1),
                KindQuantized => (SampleCatalog.Quantizers.Contains(m.Author) ? 4.5 : 2.4, 2.3),
                _ => (1.5, 2.0),
            };
            m.Downloads = Math.Max(0, (long)Math.Exp(mu + sigma * _rng.Normal()) - 1);
            m.DownloadsAllTime = m.Downloads + (long)(m.Downloads * Math.Exp(0.8 + _rng.Normal())) + _rng.Next(20);
            m.Likes = Math.Max(0, (long)Math.Exp(0.35 * Math.Log(1 + m.Downloads) - 0.9 + 1.1 * _rng.Normal()) - 1);
            var age = (SampleCatalog.Snapshot - m.CreatedAt).TotalDays;
            m.TrendingScore = age < 90 ? Math.Round(m.Likes * (0.05 + 0.5 * _rng.NextDouble())) : _rng.Chance(0.03) ? _rng.Between(1, 3) : 0;
            m.Gated = _rng.Weighted([95, 3, 2]) switch { 0 => "false", 1 => "auto", _ => "manual" };
            m.LastModified = m.CreatedAt.AddDays(_rng.Exponential(25));
            if (m.LastModified > SampleCatalog.Snapshot)
            {
                m.LastModified = m.CreatedAt > SampleCatalog.Snapshot ? m.CreatedAt : SampleCatalog.Snapshot;
            }
        }

        // baseModels
        if (baseIds.Count > 0 && !baseModelsNull)
        {
            m.BaseModelIds = baseIds;
            m.BaseModelObjectIds = baseIds.Select(id => ObjectId(id, SampleCatalog.Start.AddDays(IdStore.Hash(id) % 1800))).ToList();
            m.BaseModelsRelation = relation;
        }

        // Tags as the Hub builds them: library and formats, architecture, task, card tags, languages,
        // datasets, base_model tags, licence, then the Hub's own markers.
        var tags = new List<string>();
        if (library is not null)
        {
            tags.Add(library);
        }
        if (files.Any(f => f.EndsWith(".safetensors", StringComparison.Ordinal)) && library != "safetensors")
        {
            tags.Add("safetensors");
        }
        if (files.Any(f => f.EndsWith(".gguf", StringComparison.Ordinal)) && library != "gguf")
        {
            tags.Add("gguf");
        }
        if (files.Any(f => f.EndsWith(".bin", StringComparison.Ordinal) && f.StartsWith("pytorch_model", StringComparison.Ordinal)))
        {
            tags.Add("pytorch");
        }
        if (p.Arch != "unknown" && kind != KindAdapter)
        {
            tags.Add(p.Arch);
        }
        if (m.PipelineTag is not null)
        {
            tags.Add(m.PipelineTag);
        }
        foreach (var t in cardTags)
        {
            if (!tags.Contains(t))
            {
                tags.Add(t);
            }
        }
        tags.AddRange(languages);
        var datasetList = datasets ? new[] { _rng.Pick(SampleCatalog.Datasets) } : [];
        tags.AddRange(datasetList.Select(d => "dataset:" + d));
        if (baseIds.Count > 0 && cardBase != CardBase.Omit)
        {
            foreach (var b in baseIds)
            {
                tags.Add("base_model:" + b);
            }
            foreach (var b in baseIds)
            {
                tags.Add($"base_model:{relation}:{b}");
            }
        }
        var modelIndex = !noCard && _rng.Chance(kind == KindBase ? 0.2 : 0.3);
        if (modelIndex)
        {
            tags.Add("model-index");
        }
        if (_rng.Chance(0.35))
        {
            tags.Add("arxiv:" + _rng.Pick(Arxiv));
            if (_rng.Chance(0.4))
            {
                tags.Add("arxiv:" + _rng.Pick(Arxiv));
            }
        }
        tags.Add("license:" + license);
        if (p.IsLlm && kind != KindAdapter && quantStyle is null or "bnb4" or "bnb8" or "gptq" or "awq" or "fp8")
        {
            if (_rng.Chance(0.6))
            {
                tags.Add("conversational");
            }
            if (library == "transformers")
            {
                tags.AddRange(["autotrain_compatible", "text-generation-inference"]);
            }
        }
        if (library is "transformers" or "diffusers" or "sentence-transformers" or "peft" && _rng.Chance(0.7))
        {
            tags.Add("endpoints_compatible");
        }
        tags.Add("region:us");
        m.Tags = tags.Distinct().ToList();

        // cardData: the card's YAML front matter as JSON text.
        if (!noCard)
        {
            m.CardData = Card(m, cardBaseId is null ? baseIds : [cardBaseId], cardBase, declared, library, license, languages, cardTags, datasetList, p, modelIndex);
        }

        // safetensors / gguf / transformersInfo
        var hasSafetensors = files.Any(f => f.EndsWith(".safetensors", StringComparison.Ordinal));
        if (files.Any(f => f.EndsWith(".gguf", StringComparison.Ordinal)))
        {
            m.GgufTotal = p.Parameters;
            m.GgufArchitecture = p.Arch;
            m.GgufContextLength = p.ContextLength;
        }
        else if (hasSafetensors && p.Parameters > 0)
        {
            var total = p.Parameters;
            (List<string> Dtypes, List<long> Counts) st = (kind, quantStyle) switch
            {
                (KindAdapter, _) => (["F32"], [Math.Max(1000, (long)(total * (0.001 + 0.01 * _rng.NextDouble())))]),
                (_, "bnb4" or "bnb8") => (["F32", "BF16", "U8"], [total / 200, total / 8, total / 3]),
                (_, "gptq" or "awq") => (["I32", "F16"], [total / 8, total / 9]),
                (_, "mlx") => (["U32", "BF16"], [total / 8, total / 20]),
                (_, "fp8") => (["F8_E4M3", "BF16"], [total * 9 / 10, total / 10]),
                _ when p.IsLlm => (["BF16"], [total]),
                _ when p.IsDiffusion => (["F16"], [total]),
                _ => (["F32"], [total]),
            };
            m.SafetensorsDtypes = st.Dtypes;
            m.SafetensorsCounts = st.Counts;
            m.SafetensorsTotal = st.Counts.Sum();
        }
        if (library == "transformers" && p.AutoModel is not null)
        {
            m.AutoModel = p.AutoModel;
            m.TransformersPipeline = p.Pipeline;
            m.Processor = p.Processor;
        }
    }

    private static readonly string[] Arxiv = ["2106.09685", "2305.14314", "2305.18290", "2310.06825", "2407.21783", "2402.03300", "1910.09700", "2009.03300", "2203.02155", "2412.19437"];

    private static readonly string[] Metrics = ["accuracy", "f1", "exact_match", "acc_norm", "rouge1", "wer", "bleu", "pass@1"];

    private string Card(SampleModel m, List<string> baseIds, CardBase cardBase, string? declared, string? library, string license,
        string[] languages, List<string> cardTags, string[] datasets, FamilyProfile p, bool modelIndex = false)
    {
        _json.Clear();
        using (var w = new Utf8JsonWriter(_json, JsonOptions))
        {
            w.WriteStartObject();
            if (baseIds.Count > 0 && cardBase != CardBase.Omit)
            {
                if (baseIds.Count == 1 && _rng.Chance(0.55))
                {
                    w.WriteString("base_model", baseIds[0]);
                }
                else
                {
                    w.WriteStartArray("base_model");
                    foreach (var b in baseIds)
                    {
                        w.WriteStringValue(b);
                    }
                    w.WriteEndArray();
                }
                if (declared is not null)
                {
                    w.WriteString("base_model_relation", declared);
                }
            }
            if (library is not null && library != "gguf" && _rng.Chance(0.85))
            {
                w.WriteString("library_name", library);
            }
            w.WriteString("license", license);
            if (languages.Length > 0)
            {
                w.WriteStartArray("language");
                foreach (var l in languages)
                {
                    w.WriteStringValue(l);
                }
                w.WriteEndArray();
            }
            if (p.Pipeline is not null && _rng.Chance(0.5))
            {
                w.WriteString("pipeline_tag", m.PipelineTag ?? p.Pipeline);
            }
            if (cardTags.Count > 0)
            {
                w.WriteStartArray("tags");
                foreach (var t in cardTags)
                {
                    w.WriteStringValue(t);
                }
                w.WriteEndArray();
            }
            if (datasets.Length > 0)
            {
                w.WriteStartArray("datasets");
                foreach (var d in datasets)
                {
                    w.WriteStringValue(d);
                }
                w.WriteEndArray();
            }
            if (_rng.Chance(0.3))
            {
                w.WriteStartArray("metrics");
                w.WriteStringValue(_rng.Pick(Metrics));
                w.WriteEndArray();
            }
            if (_rng.Chance(0.1))
            {
                w.WriteStartArray("widget");
                w.WriteStartObject();
                w.WriteString("text", "Write a short poem about the sea, then explain the meter you used in one sentence.");
                w.WriteEndObject();
                w.WriteEndArray();
            }
            if (modelIndex)
            {
                // Evaluation results, as the Trainer and the leaderboards write them: the long tail of card sizes.
                w.WriteStartArray("model-index");
                w.WriteStartObject();
                w.WriteString("name", ShortName(m.Id));
                w.WriteStartArray("results");
                for (var k = 1 + (int)_rng.Exponential(3); k > 0; k--)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("task");
                    w.WriteStartObject();
                    w.WriteString("type", m.PipelineTag ?? p.Pipeline ?? "text-generation");
                    w.WriteString("name", "Text Generation");
                    w.WriteEndObject();
                    w.WritePropertyName("dataset");
                    w.WriteStartObject();
                    var dataset = _rng.Pick(SampleCatalog.Datasets);
                    w.WriteString("name", dataset);
                    w.WriteString("type", dataset);
                    w.WriteString("split", "test");
                    w.WriteEndObject();
                    w.WriteStartArray("metrics");
                    w.WriteStartObject();
                    w.WriteString("type", _rng.Pick(Metrics));
                    w.WriteNumber("value", Math.Round(100 * _rng.NextDouble(), 2));
                    w.WriteString("name", "score");
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }
}

namespace ModelTree.Sample;

internal sealed partial class SampleWorld
{
    // Rows with a base: the planted chain, and every derivative's kind, case, label and name.

    private SampleModel ChainRow()
    {
        var kind = _chainKinds[_chainStep];
        var parent = _chainStep == 0 ? 0 : _chainLast;
        _chainStep++;
        var model = DerivedRow(kind, parent);
        _chainLast = Emitted - 1;
        return model;
    }

    // Each kind's planted cases with their shares, in the order they are drawn; then two cases any kind can have.
    private static readonly Dictionary<SampleKind, (double Share, SampleCase Case)[]> CaseShares = new()
    {
        [SampleKind.Finetune] =
        [
            (0.0046, SampleCase.FinetuneWithAdapterTag), (0.06, SampleCase.LoraFilesNotAdapter), (0.025, SampleCase.DeclaredRelation),
        ],
        [SampleKind.Adapter] =
        [
            (0.0136, SampleCase.AdapterWithoutAdapterTag), (0.11, SampleCase.AdapterFilesLabelledFinetune),
            (0.004, SampleCase.AdapterAndQuantEvidence), (0.02, SampleCase.BaseAndAdapterTogether),
            (0.008, SampleCase.DeclaredRelation), (0.003, SampleCase.WeightsOutsideMain),
        ],
        [SampleKind.Quantized] =
        [
            (0.21, SampleCase.UnreadQuantFormat), (0.11, SampleCase.QuantizedWithoutQuantTag),
            (0.03, SampleCase.DeclaredRelation), (0.005, SampleCase.WeightsOutsideMain),
        ],
        [SampleKind.Merge] = [(0.10, SampleCase.DeclaredRelation)],
    };

    private static readonly (double Share, SampleCase Case)[] AnyKindCases =
        [(0.003, SampleCase.MalformedCard), (0.006, SampleCase.BaseModelsWithoutCard)];

    private SampleCase PickCase(SampleKind kind)
    {
        // One draw, the shares taken off it in order: the first case whose share takes it below zero is the case.
        var r = _rng.NextDouble();
        foreach (var (share, planted) in CaseShares.GetValueOrDefault(kind, []).Concat(AnyKindCases))
        {
            r -= share;
            if (r < 0)
            {
                return planted;
            }
        }
        return SampleCase.Typical;
    }

    /// <summary>A derivative: kind and parent forced for the planted chain, drawn otherwise.</summary>
    private SampleModel DerivedRow(SampleKind? forcedKind, int forcedParent, int forcedBases = 0)
    {
        var kind = forcedKind ?? (SampleKind)_rng.Weighted(KindShares);
        var planted = forcedKind is null ? PickCase(kind) : SampleCase.Typical;
        var (familyIndex, parents) = PickBases(ref kind, ref planted, forcedParent, forcedBases);
        var family = _families[familyIndex];
        if (parents.Contains(-1))
        {
            planted = SampleCase.ExternalBase;
        }

        var (baseIds, depth, parentCreated) = BasesOf(family, parents);
        var created = ChildDate(parentCreated);
        if (planted == SampleCase.Typical && forcedKind is null && created < SampleCatalog.BaseModelsAdded && _rng.Chance(0.05))
        {
            planted = SampleCase.BackfillCardOnly;
        }

        var (relation, declared) = HubLabel(kind, planted);
        string? cardBase = null;
        if (planted == SampleCase.Typical && forcedKind is null && parents.Count == 1 && parents[0] >= 0 && _rng.Chance(0.015))
        {
            // The card names an older spelling of the base, or the family's root instead of the direct base.
            planted = SampleCase.CardBaseDiffers;
            cardBase = baseIds[0] == family.RootId ? baseIds[0] + "-hf" : family.RootId;
        }

        var author = Author(kind);
        var name = DerivedName(kind, family, parents);
        var quantStyle = kind != SampleKind.Quantized ? null : forcedKind is not null ? "bnb4" : QuantStyle(planted, family.Profile);
        if (quantStyle is not null)
        {
            name += QuantSuffix(quantStyle);
        }
        var id = UniqueId(author, name);
        var index = Register(id, familyIndex, depth, created);
        _derived.Add(index);
        if (planted != SampleCase.WeightsOutsideMain)
        {
            if (kind is SampleKind.Finetune or SampleKind.Merge)
            {
                family.Full.Add(index);
            }
            else if (kind == SampleKind.Quantized && quantStyle is "bnb4" or "gptq" or "awq")
            {
                family.Quantized.Add(index);
            }
        }

        var model = new SampleModel
        {
            Id = id,
            Author = author,
            Kind = kind.Label(),
            Case = planted,
            Family = family.RootId,
            Depth = depth,
            Bases = baseIds,
            CreatedAt = created,
            Relation = relation,
        };
        FillDerived(model, family.Profile, kind, planted, quantStyle, baseIds, relation, declared, cardBase);
        return model;
    }

    /// <summary>The label the Hub shows, and the relation the card declares (null when it declares none).</summary>
    private (string Relation, string? Declared) HubLabel(SampleKind kind, SampleCase planted)
    {
        var relation = kind.Label();
        string? declared = null;
        if (planted == SampleCase.DeclaredRelation)
        {
            declared = kind switch
            {
                SampleKind.Quantized => _rng.Chance(0.5) ? "finetune" : "quantized",
                SampleKind.Merge => _rng.Chance(0.7) ? "finetune" : "merge",
                _ => relation,
            };
            relation = declared;
        }
        if (planted is SampleCase.WeightsOutsideMain or SampleCase.AdapterFilesLabelledFinetune or SampleCase.UnreadQuantFormat)
        {
            relation = "finetune";
        }
        return (relation, declared);
    }

    /// <summary>The repository name of a derivative, before a quantization's suffix and before it is made unique.</summary>
    private string DerivedName(SampleKind kind, SampleFamily family, List<int> parents)
    {
        var rootShort = IdStore.ShortName(family.RootId);
        var name = kind switch
        {
            SampleKind.Finetune => $"{rootShort}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}",
            SampleKind.Adapter when family.Profile.IsDiffusion => $"{_rng.Pick(SampleCatalog.StyleWords)}-{rootShort}-{(_rng.Chance(0.7) ? "lora" : "style")}",
            SampleKind.Adapter => $"{rootShort}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}-{_rng.Pick(SampleCatalog.AdapterSuffixes)}",
            SampleKind.Quantized => $"{rootShort}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}",
            _ => $"{rootShort}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}-{_rng.Pick(SampleCatalog.MergeSuffixes)}",
        };
        if (kind == SampleKind.Quantized && parents[0] >= 0)
        {
            // Quantizers keep the name of what they quantize.
            name = IdStore.ShortName(_ids[parents[0]]);
        }
        return name;
    }

    /// <summary>What a quantizer appends to the name for each style (<see cref="SampleFiles.QuantizedFiles"/> strips it again).</summary>
    private static string QuantSuffix(string quantStyle) => quantStyle switch
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

    private string QuantStyle(SampleCase planted, FamilyProfile p)
    {
        if (planted == SampleCase.QuantizedWithoutQuantTag)
        {
            return _rng.Weighted([40, 30, 15, 15]) switch { 0 => "gptq", 1 => "awq", 2 => "exl2", _ => "fp8" };
        }
        if (planted == SampleCase.UnreadQuantFormat)
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
}

namespace ModelTree.Sample;

internal sealed partial class SampleWorld
{
    /// <summary>Cases about adapter files and tags only make sense for transformers models (not diffusion, RL, unknown).</summary>
    private static bool NeedsTransformers(SampleCase planted) =>
        planted is SampleCase.FinetuneWithAdapterTag or SampleCase.LoraFilesNotAdapter or SampleCase.BaseAndAdapterTogether
            or SampleCase.AdapterFilesLabelledFinetune or SampleCase.AdapterAndQuantEvidence;

    /// <summary>A diffusers LoRA without a lora tag needs a diffusion family.</summary>
    private static bool NeedsDiffusion(SampleCase planted) => planted is SampleCase.AdapterWithoutAdapterTag;

    /// <summary>Quantization formats that exist for language models only.</summary>
    private static bool NeedsLlm(SampleCase planted) => planted is SampleCase.UnreadQuantFormat;

    private bool Suits(SampleFamily family, SampleKind kind, SampleCase planted) =>
        (!NeedsTransformers(planted) || family.Profile.Library == "transformers")
        && (!NeedsDiffusion(planted) || family.Profile.IsDiffusion)
        && (!NeedsLlm(planted) || family.Profile.IsLlm) && kind switch
        {
            SampleKind.Quantized or SampleKind.Merge => family.Profile.IsLlm || (family.Profile.IsDiffusion && kind == SampleKind.Quantized),
            SampleKind.Adapter => family.Profile.Modality is not ("rl" or "other"),
            _ => family.Profile.Modality != "other" || _rng.Chance(0.5),
        };

    private int NamedFamilyFor(SampleKind kind, SampleCase planted = SampleCase.Typical)
    {
        var weights = SampleCatalog.NamedRoots
            .Select(r => (NeedsTransformers(planted) && r.Profile.Library != "transformers") || (NeedsDiffusion(planted) && !r.Profile.IsDiffusion)
                || (NeedsLlm(planted) && !r.Profile.IsLlm) ? 0 : r.Pull[(int)kind - 1]).ToArray();
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

    private int PickFamily(SampleKind kind, SampleCase planted, bool mayBeExternal)
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
            if (Suits(f, kind, planted))
            {
                return family;
            }
        }
        return NamedFamilyFor(kind, planted);
    }

    /// <summary>
    /// The family of a derivative and its bases: indices of rows, or -1 for the family's external root. A merge whose
    /// family has too few full-weight rows moves to a named family, and becomes a typical finetune when that one has too
    /// few as well (which is why the kind and the case can change here).
    /// </summary>
    private (int Family, List<int> Parents) PickBases(ref SampleKind kind, ref SampleCase planted, int forcedParent, int forcedBases)
    {
        var parents = new List<int>();
        if (forcedParent >= 0)
        {
            parents.Add(forcedParent);
            return (_familyOf[forcedParent], parents);
        }
        var mayBeExternal = planted == SampleCase.Typical;
        var baseCount = forcedBases > 0 ? forcedBases : kind == SampleKind.Merge ? MergeBaseCount(planted) : 1;
        var familyIndex = forcedBases > 0 ? _namedFamilies[0] : PickFamily(kind, planted, mayBeExternal);
        var f = _families[familyIndex];
        if (kind == SampleKind.Merge && f.Full.Count < baseCount)
        {
            familyIndex = NamedFamilyFor(kind);
            f = _families[familyIndex];
            if (f.Full.Count < 2)
            {
                kind = SampleKind.Finetune;
                planted = SampleCase.Typical;
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
        return (familyIndex, parents);
    }

    /// <summary>
    /// The bases' ids, the depth (one below the deepest base) and the latest base's creation date, an external root
    /// counting as made 500 days after the start.
    /// </summary>
    private (List<string> Ids, int Depth, DateTime LatestCreated) BasesOf(SampleFamily family, List<int> parents)
    {
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
        return (baseIds, depth, parentCreated);
    }

    private int MergeBaseCount(SampleCase planted)
    {
        if (planted == SampleCase.DeclaredRelation)
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

    private int PickParent(SampleFamily f, SampleKind kind)
    {
        if (f.Full.Count == 0)
        {
            return f.Quantized.Count > 0 ? _rng.Pick(f.Quantized) : f.RootIndex;
        }
        if (kind is SampleKind.Finetune or SampleKind.Adapter && f.Quantized.Count > 0 && _rng.Chance(0.05))
        {
            return _rng.Pick(f.Quantized);
        }
        var toRoot = kind switch { SampleKind.Adapter => 0.6, SampleKind.Quantized => 0.4, SampleKind.Merge => 0.3, _ => 0.5 };
        if (!f.IsExternal && _rng.Chance(toRoot))
        {
            return f.RootIndex;
        }
        return _rng.Pick(f.Full);
    }
}

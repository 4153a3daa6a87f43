using ModelTree.Records;

namespace ModelTree.Provenance;

/// <summary>The warnings a learner should see before trusting a model, each one sentence naming the evidence.</summary>
internal static class RiskFlags
{
    public static IReadOnlyList<string> Of(ModelGraph graph, string id, ArtifactFacts facts, ModelLicense license,
        IReadOnlyList<LineageHop> lineage, bool cut)
    {
        var flags = new List<string>();
        var bases = graph.Box(id).Bases;

        if (bases.Count == 0 && DerivativeNames.Marker(id) is { } marker)
        {
            flags.Add($"the name ('{marker}') suggests a derivative, but no base model is declared: its provenance cannot be traced");
        }
        if (facts.PickleOnly)
        {
            flags.Add("pickle-only weights: loading them runs code stored in the files (no safetensors, GGUF or ONNX copy)");
        }
        var adapter = facts.AdapterOnly || bases.Any(b => b.Relation == Relation.Adapter);
        if (adapter && bases.Count == 0)
        {
            flags.Add("an adapter that names no base: there is no telling which model it must be loaded on");
        }
        foreach (var b in bases.Where(b => !b.InTable))
        {
            flags.Add(adapter
                ? $"an adapter of {b.Id}, which is not in the data: the base weights it needs cannot be checked"
                : $"its base {b.Id} is not in the data: the lineage stops there");
        }
        foreach (var b in bases.Where(b => b.Relation == Relation.Unknown))
        {
            flags.Add($"the link to {b.Id} carries no relation the Hub recognises (finetune, adapter, quantized, merge)");
        }

        if (license.Source == LicenseSource.None)
        {
            flags.Add("the card states no license (and there is no license: tag): the terms of use are unknown");
        }
        else if (license.Source == LicenseSource.Tag)
        {
            flags.Add($"the card states no license; only the Hub's license:{license.TagLicense} tag does");
        }
        if (license.Disagree)
        {
            flags.Add($"the card's license ({license.CardLicense}) and the license: tag ({license.TagLicense}) disagree; the card's is used");
        }
        var stricter = lineage.Where(h => h.License is { } l && LicenseFamilies.Relaxes(l.Family, license.Family))
            .DistinctBy(h => h.Id, StringComparer.OrdinalIgnoreCase).OrderBy(h => h.Depth).ToList();
        if (stricter.Count > 0)
        {
            var first = stricter[0];
            flags.Add($"its license {license.Label} ({license.Family.Label()}) is more permissive than {first.Id}'s " +
                $"{first.License!.Label} ({first.License.Family.Label()}; {Hops(first.Depth)})" +
                (stricter.Count > 1 ? $" (and {stricter.Count - 1} more ancestor{(stricter.Count > 2 ? "s" : "")})" : ""));
        }

        foreach (var hop in lineage.Where(h => h.InTable).DistinctBy(h => h.Id, StringComparer.OrdinalIgnoreCase))
        {
            var above = graph.Box(hop.Id).Bases;
            if (above.Count == 0 && DerivativeNames.Marker(hop.Id) is { } word)
            {
                flags.Add($"the base {hop.Id} is itself unlabelled: its name ('{word}') suggests a derivative, but it names no base");
            }
            else if (above.Any(a => a.Relation == Relation.Unknown))
            {
                flags.Add($"the base {hop.Id} is itself unlabelled: it names a base without a relation the Hub recognises");
            }
        }

        if (graph.CycleOf(id) is { Count: > 0 } cycle)
        {
            flags.Add($"in a cycle of base links with {string.Join(", ", cycle)}: no path from it reaches a true root");
        }
        if (graph.NamesItself(id))
        {
            flags.Add("it names itself as its base (that link is left out)");
        }
        if (cut)
        {
            flags.Add($"the lineage has more than {LineageWalker.MaxPaths} paths or a path longer than {LineageWalker.MaxDepth} hops; it is cut");
        }
        return flags;
    }

    private static string Hops(int depth) => depth == 1 ? "its direct base" : $"{depth} hops up";
}

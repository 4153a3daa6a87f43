using System.Globalization;
using ModelTree.Records;

namespace ModelTree.Provenance;

/// <summary>The seed's question "what changed?" asked of one link, from the base's record to the child's.</summary>
internal static class HopChanges
{
    public static IReadOnlyList<string> Between(ArtifactRecord child, ArtifactRecord parent, Relation relation)
    {
        var c = ArtifactFacts.Of(child);
        var p = ArtifactFacts.Of(parent);
        var changes = new List<string> { $"{relation.Label()} of the base" };

        if (c.Files > 0 && p.Files > 0)
        {
            var gained = c.Formats.Except(p.Formats).ToList();
            var lost = p.Formats.Except(c.Formats).ToList();
            if (gained.Count > 0 || lost.Count > 0)
            {
                changes.Add("formats" + (gained.Count > 0 ? $" gained: {string.Join(", ", gained)}" : "") +
                    (gained.Count > 0 && lost.Count > 0 ? ";" : "") + (lost.Count > 0 ? $" lost: {string.Join(", ", lost)}" : ""));
            }
        }
        var cq = string.Join("; ", c.Quantization);
        var pq = string.Join("; ", p.Quantization);
        if (cq != pq)
        {
            changes.Add($"quantization: {(pq.Length == 0 ? "none" : pq)} -> {(cq.Length == 0 ? "none" : cq)}");
        }
        if (c.Precision is not null && p.Precision is not null && c.Precision != p.Precision)
        {
            changes.Add($"precision: {p.Precision} -> {c.Precision}");
        }

        var cl = ModelLicense.Of(child.Model);
        var pl = ModelLicense.Of(parent.Model);
        if (cl.Label == pl.Label)
        {
            changes.Add($"license kept ({cl.Label})");
        }
        else
        {
            var verdict = LicenseFamilies.Relaxes(pl.Family, cl.Family) ? ": more permissive than the base's"
                : LicenseFamilies.Tightens(pl.Family, cl.Family) ? ": more restrictive than the base's"
                : cl.Family == LicenseFamily.None ? ": the child states none" : "";
            changes.Add($"license changed: {pl.Label} ({pl.Family.Label()}) -> {cl.Label} ({cl.Family.Label()}){verdict}");
        }

        if (c.Task is not null && p.Task is not null && c.Task != p.Task)
        {
            changes.Add($"task changed: {p.Task} -> {c.Task}");
        }
        var cLang = Languages(child.Model);
        var pLang = Languages(parent.Model);
        if (cLang.Count > 0 && pLang.Count > 0 && !cLang.SequenceEqual(pLang))
        {
            changes.Add($"languages changed: {LanguageText(pLang)} -> {LanguageText(cLang)}");
        }
        if (c.Parameters is { } cp && p.Parameters is { } pp && cp != pp)
        {
            // Close counts (an embedding resized for a few added tokens) print alike when rounded: show them exactly then.
            var (from, to) = ArtifactFacts.Size(pp) == ArtifactFacts.Size(cp)
                ? (pp.ToString("N0", CultureInfo.InvariantCulture), cp.ToString("N0", CultureInfo.InvariantCulture))
                : (ArtifactFacts.Size(pp), ArtifactFacts.Size(cp));
            changes.Add($"parameters changed: {from} -> {to}");
        }
        return changes;
    }

    /// <summary>The card's <c>language</c> as a sorted set of lower-cased codes.</summary>
    internal static IReadOnlyList<string> Languages(ModelRecord model) =>
        model.Card.Strings("language").Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0)
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static string LanguageText(IReadOnlyList<string> languages) =>
        languages.Count <= 6 ? string.Join(", ", languages) : $"{languages.Count} languages";
}

using System.Globalization;
using ModelTree.Charts;
using ModelTree.Provenance;
using Plotly.NET;
using static ModelTree.Charts.Plot;

namespace ModelTree;

/// <summary>Charts of provenance at Hub scale: license transitions, relaxed licenses by relation, family resemblance.</summary>
public static class ProvenanceCharts
{
    /// <summary>
    /// The license transition matrix as a heat map: the base's family down, the child's across, each cell's
    /// link count written in it and its colour the share of the base family's links (so a small row reads
    /// as clearly as a big one). <paramref name="relation"/> limits it to one relation.
    /// </summary>
    public static GenericChart LicenseHeatmap(LicenseDrift drift, string source = "this data", string? relation = null)
    {
        var families = LicenseFamilies.All;
        var rows = families.Reverse().ToList(); // permissive at the top
        var counts = rows.Select(p => families.Select(c => drift.Count(p, c, relation)).ToArray()).ToArray();
        var share = counts.Select(row =>
        {
            var total = row.Sum();
            return row.Select(n => total == 0 ? 0.0 : Math.Round((double)n / total, 4)).ToArray();
        }).ToArray();
        var trace = Trace("heatmap",
            ("z", share), ("x", families.Select(f => f.Label()).ToArray()), ("y", rows.Select(f => f.Label()).ToArray()),
            ("xgap", 2), ("ygap", 2),
            ("colorscale", new object[] { new object[] { 0.0, "#f7fbff" }, new object[] { 1.0, "#08519c" } }),
            ("zmin", 0.0), ("zmax", 1.0), ("showscale", true),
            ("text", counts.Select(r => r.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)).ToArray()).ToArray()),
            ("texttemplate", "%{text}"),
            ("hovertemplate", "base %{y}, child %{x}: %{text} links (%{z:.1%} of the base family's)<extra></extra>"));
        var links = counts.Sum(r => r.Sum());
        return Chart([trace],
            $"License family of base and child over {links:N0} links{(relation is null ? "" : $" ({relation})")} ({source}); colour: share of the base family's row",
            ("xaxis", Axis("child's license family")), ("yaxis", Axis("base's license family")), ("width", 760), ("height", 520));
    }

    /// <summary>Per relation, the share of links whose child's license is more permissive than its base's, beside the share more restrictive.</summary>
    public static GenericChart RelaxedByRelation(LicenseDrift drift, string source = "this data")
    {
        var frame = drift.ByRelation();
        var relations = FrameColumns.Texts(frame, "relation").ToArray();
        var links = FrameColumns.Numbers(frame, "links").ToArray();
        Trace Bars(string name, string column, string color)
        {
            var n = FrameColumns.Numbers(frame, column).ToArray();
            return Trace("bar", ("name", name), ("x", relations),
                ("y", n.Select((v, i) => links[i] == 0 ? 0.0 : Math.Round(v / links[i], 4)).ToArray()),
                ("text", n.Select((v, i) => $"{Number(v)} of {Number(links[i])}").ToArray()), ("textposition", "outside"),
                ("marker", Object(("color", color))));
        }
        return Chart([Bars("child more permissive than its base", "relaxed", "#d62728"), Bars("child more restrictive", "tightened", "#1f77b4")],
            $"Links whose license grants more (or less) than the base's, by relation ({source})",
            ("barmode", "group"), ("xaxis", Axis("relation of the link")), ("yaxis", Axis("share of the relation's links", false, ("tickformat", ".0%"))),
            ("width", 760), ("height", 460));
    }

    /// <summary>For each trait, the share of sibling pairs that agree beside the share of parent-child pairs (the Anatomy paper's resemblance test).</summary>
    public static GenericChart Similarity(TraitSimilarity similarity, string source = "this data")
    {
        var traits = similarity.Agreements;
        Trace Bars(string name, Func<TraitAgreement, double?> share, Func<TraitAgreement, (long Agree, long Pairs)> counts, string color) =>
            Trace("bar", ("name", name), ("x", traits.Select(a => a.Trait).ToArray()),
                ("y", traits.Select(a => share(a) is { } s ? Math.Round(s, 4) : 0.0).ToArray()),
                ("text", traits.Select(a => counts(a) is var (agree, pairs) ? $"{Number(agree)} of {Number(pairs)}" : "").ToArray()),
                ("textposition", "outside"), ("marker", Object(("color", color))));
        return Chart(
            [
                Bars("sibling pairs (same base)", a => a.SiblingShare, a => (a.SiblingsAgreeing, a.SiblingPairs), "#ff7f0e"),
                Bars("parent-child pairs", a => a.ParentChildShare, a => (a.ParentChildAgreeing, a.ParentChildPairs), "#1f77b4"),
            ],
            $"Do related models share a trait? Siblings vs parent and child, pairs where both state it ({source})",
            ("barmode", "group"), ("xaxis", Axis("trait")), ("yaxis", Axis("share of pairs agreeing", false, ("tickformat", ".0%"), ("range", new[] { 0.0, 1.1 }))),
            ("width", 760), ("height", 460));
    }
}

using Microsoft.Data.Analysis;

namespace ModelTree.Provenance;

/// <summary>
/// The Anatomy paper's family-resemblance test on this data: for license, language set and task, the share of
/// sibling pairs that agree against the share of parent-child pairs that agree, both over the links whose two
/// ends are rows; and which way license, languages and cards move from base to child. Sibling pairs are
/// counted per base without listing them (for each base and value, n children make n(n-1)/2 agreeing pairs),
/// so a base with 90,000 children costs no more than its links; two children sharing two bases count once per base.
/// </summary>
public sealed record TraitSimilarity
{
    /// <summary>license, languages, task, in that order.</summary>
    public IReadOnlyList<TraitAgreement> Agreements { get; init; } = [];

    /// <summary>license, languages, card length, card fields.</summary>
    public IReadOnlyList<DirectedDrift> Directions { get; init; } = [];

    // Each trait: the child's and the base's value, and the test that a model states it (a license of family
    // none, unstated or "unknown", states nothing).
    private static readonly (string Trait, string Child, string Base, string ChildKnown, string BaseKnown)[] Traits =
    [
        ("license", "child_license", "base_license", "child_family <> 'none'", "base_family <> 'none'"),
        ("languages", "child_languages", "base_languages", "child_languages IS NOT NULL", "base_languages IS NOT NULL"),
        ("task", "child_task", "base_task", "child_task IS NOT NULL", "base_task IS NOT NULL"),
    ];

    internal static TraitSimilarity Compute(HubData hub)
    {
        var agreements = new List<TraitAgreement>();
        foreach (var (trait, child, parent, c, p) in Traits)
        {
            var f = hub.Figures($"""
                WITH g AS (SELECT base, {child} AS v, count(*) AS n FROM provenance_links WHERE {c} GROUP BY ALL),
                     b AS (SELECT base, sum(n * (n - 1) // 2) AS agree, sum(n) AS total FROM g GROUP BY base)
                SELECT (SELECT coalesce(sum(agree), 0) FROM b)::BIGINT AS sibling_agree,
                       (SELECT coalesce(sum(total * (total - 1) // 2), 0) FROM b)::BIGINT AS sibling_pairs,
                       (SELECT count(*) FROM provenance_links WHERE {c} AND {p}) AS pc_pairs,
                       (SELECT count(*) FROM provenance_links WHERE {c} AND {p} AND {child} = {parent}) AS pc_agree
                """);
            agreements.Add(new TraitAgreement(trait, f["sibling_pairs"], f["sibling_agree"], f["pc_pairs"], f["pc_agree"]));
        }

        var d = hub.Figures("""
            SELECT count(*) FILTER (child_rank < base_rank) AS relaxed, count(*) FILTER (child_rank > base_rank) AS tightened,
                   count(*) FILTER (child_rank IS NOT NULL AND base_rank IS NOT NULL) AS licensed,
                   count(*) FILTER (base_n_languages >= 2 AND child_languages = 'en') AS to_english,
                   count(*) FILTER (base_languages = 'en' AND child_n_languages >= 2) AS to_multilingual,
                   count(*) FILTER (base_n_languages > 0 AND child_n_languages > 0) AS with_languages,
                   count(*) FILTER (child_card_chars < base_card_chars) AS shorter_card,
                   count(*) FILTER (child_card_chars > base_card_chars) AS longer_card,
                   count(*) FILTER (child_card_chars IS NOT NULL AND base_card_chars IS NOT NULL) AS with_cards,
                   count(*) FILTER (child_card_fields < base_card_fields) AS fewer_fields,
                   count(*) FILTER (child_card_fields > base_card_fields) AS more_fields
            FROM provenance_links
            """);
        var links = hub.Figures("SELECT count(*) AS n FROM provenance_links")["n"];
        return new TraitSimilarity
        {
            Agreements = agreements,
            Directions =
            [
                new("license", "more permissive than the base", d["relaxed"], "more restrictive", d["tightened"], d["licensed"]),
                new("languages", "multilingual base, English-only child", d["to_english"], "English-only base, multilingual child", d["to_multilingual"], d["with_languages"]),
                new("card length", "shorter front matter than the base's", d["shorter_card"], "longer", d["longer_card"], d["with_cards"]),
                new("card fields", $"fewer of the {CardChecklist.Fields.Count} checklist fields than the base", d["fewer_fields"], "more", d["more_fields"], links),
            ],
        };
    }

    /// <summary>One row per trait: sibling pairs, their share agreeing, parent-child pairs, their share agreeing.</summary>
    public DataFrame ToFrame() => new(
        new StringDataFrameColumn("trait", Agreements.Select(a => a.Trait)),
        new Int64DataFrameColumn("sibling pairs", Agreements.Select(a => (long?)a.SiblingPairs)),
        new DoubleDataFrameColumn("siblings agreeing", Agreements.Select(a => a.SiblingShare is { } s ? Math.Round(s, 4) : (double?)null)),
        new Int64DataFrameColumn("parent-child pairs", Agreements.Select(a => (long?)a.ParentChildPairs)),
        new DoubleDataFrameColumn("parent-child agreeing", Agreements.Select(a => a.ParentChildShare is { } s ? Math.Round(s, 4) : (double?)null)));

    /// <summary>One row per trait: links going the paper's way, links going the other way, links compared.</summary>
    public DataFrame DirectionsFrame() => new(
        new StringDataFrameColumn("trait", Directions.Select(d => d.Trait)),
        new StringDataFrameColumn("the paper's direction", Directions.Select(d => d.Toward)),
        new Int64DataFrameColumn("links that way", Directions.Select(d => (long?)d.TowardLinks)),
        new StringDataFrameColumn("the other way", Directions.Select(d => d.Away)),
        new Int64DataFrameColumn("links the other way", Directions.Select(d => (long?)d.AwayLinks)),
        new Int64DataFrameColumn("links compared", Directions.Select(d => (long?)d.Compared)));

    /// <summary>An agreement by trait name.</summary>
    public TraitAgreement this[string trait] => Agreements.First(a => a.Trait == trait);
}

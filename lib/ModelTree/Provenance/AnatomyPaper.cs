using System.Globalization;
using Microsoft.Data.Analysis;
using ModelTree.Provenance;

namespace ModelTree;

/// <summary>
/// The claims of Laufer, Oderinwale and Kleinberg, "Anatomy of a Machine Learning Ecosystem: 2 Million Models
/// on Hugging Face" (2025; 1.86 million models), as issue 12 states them, set beside this data's figures. The
/// paper's claims are directions, not counts; label them <see cref="Label"/> wherever they are shown.
/// </summary>
public static class AnatomyPaper
{
    /// <summary>How to label the paper's claims next to this data's figures.</summary>
    public const string Label = "Anatomy paper (Laufer, Oderinwale, Kleinberg 2025; full Hub, 1.86M models)";

    /// <summary>Licenses drift along family links from restrictive towards permissive or copyleft, often against the upstream terms.</summary>
    public const string LicenseClaim = "licenses drift from restrictive towards permissive or copyleft, often against the upstream terms";

    /// <summary>Languages drift from multilingual to English-only.</summary>
    public const string LanguageClaim = "languages drift from multilingual to English-only";

    /// <summary>Cards get shorter and more templated.</summary>
    public const string CardClaim = "model cards get shorter and more templated";

    /// <summary>Siblings are more alike than parent and child.</summary>
    public const string SiblingClaim = "siblings are more alike than parent and child";

    /// <summary>
    /// The paper's claims, each with this data's figure and whether the figure goes the paper's way.
    /// <paramref name="source"/> names the data (e.g. the hub's description) and heads its column.
    /// </summary>
    public static DataFrame Compare(TraitSimilarity similarity, string source)
    {
        var rows = new List<(string Claim, string Figure, string Holds)>();
        foreach (var d in similarity.Directions)
        {
            var claim = d.Trait switch
            {
                "license" => LicenseClaim,
                "languages" => LanguageClaim,
                _ => CardClaim,
            };
            var figure = string.Create(CultureInfo.InvariantCulture,
                $"{d.Trait}: {d.TowardLinks:N0} links {d.Toward}, {d.AwayLinks:N0} {d.Away} (of {d.Compared:N0} compared)");
            rows.Add((claim, figure, Verdict(d.TowardLinks, d.AwayLinks, d.Compared)));
        }
        rows.Add((CardClaim, "templated text: not measurable here (the data holds the front matter, not the card's text)", "not measured"));
        foreach (var a in similarity.Agreements)
        {
            var figure = a.SiblingShare is { } s && a.ParentChildShare is { } p
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{a.Trait}: siblings agree {s:0.0%} ({a.SiblingsAgreeing:N0} of {a.SiblingPairs:N0} pairs), parent-child {p:0.0%} ({a.ParentChildAgreeing:N0} of {a.ParentChildPairs:N0})")
                : $"{a.Trait}: no pair to compare";
            rows.Add((SiblingClaim, figure, a.SiblingsMoreAlike switch { true => "yes", false => "no", null => "no pairs" }));
        }
        return new DataFrame(
            new StringDataFrameColumn(Label, rows.Select(r => r.Claim)),
            new StringDataFrameColumn(source, rows.Select(r => r.Figure)),
            new StringDataFrameColumn("goes the paper's way here", rows.Select(r => r.Holds)));
    }

    private static string Verdict(long toward, long away, long compared) =>
        compared == 0 ? "no links to compare" : toward > away ? "yes" : toward == away ? "no direction" : "no";
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;

namespace ModelTree.Provenance;

/// <summary>
/// License drift over the whole table: for every link child → base whose two ends are rows of the data,
/// the base's license family against the child's, by relation; the links whose license changes; the links
/// where the child's license grants more than its base's (<see cref="Relaxed"/>); and the models whose card
/// and <c>license:</c> tag disagree (among the models in a link). A model's license is its card's, else its tag's (<see cref="ModelLicense"/>).
/// </summary>
public sealed record LicenseDrift
{
    /// <summary>Links counted (both ends rows of the data).</summary>
    public long Edges { get; init; }

    /// <summary>Links whose child's license (label) differs from its base's.</summary>
    public long Changed { get; init; }

    /// <summary>Links by base family, child family and relation, largest first.</summary>
    public IReadOnlyList<LicenseTransition> Transitions { get; init; } = [];

    /// <summary>Every link where the child's license is more permissive than its base's, by base then child.</summary>
    public IReadOnlyList<RelaxedLicense> Relaxed { get; init; } = [];

    /// <summary>Links where the child's license is more restrictive than its base's.</summary>
    public long Tightened { get; init; }

    /// <summary>Models in a link whose card license and <c>license:</c> tag disagree (the card's is used).</summary>
    public long Disagreements { get; init; }

    /// <summary>Some of those models: id, card license, tag license.</summary>
    public IReadOnlyList<(string Id, string Card, string Tag)> DisagreementExamples { get; init; } = [];

    /// <summary>Models in a link (as child or base), by where their license comes from: card, tag, none.</summary>
    public IReadOnlyDictionary<string, long> Sources { get; init; } = new Dictionary<string, long>();

    internal static LicenseDrift Compute(HubData hub)
    {
        var totals = hub.Figures("""
            SELECT count(*) AS edges, count(*) FILTER (child_license <> base_license) AS changed,
                   count(*) FILTER (child_rank > base_rank) AS tightened
            FROM provenance_links
            """);
        var transitions = new List<LicenseTransition>();
        using (var reader = hub.Reader("""
            SELECT base_family, child_family, relation, count(*) FROM provenance_links
            GROUP BY ALL ORDER BY 4 DESC, 1, 2, 3
            """))
        {
            while (reader.Read())
            {
                transitions.Add(new LicenseTransition(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
            }
        }
        var relaxed = new List<RelaxedLicense>();
        using (var reader = hub.Reader("""
            SELECT child, base, child_license, base_license, relation FROM provenance_links
            WHERE child_rank < base_rank ORDER BY base, child
            """))
        {
            while (reader.Read())
            {
                relaxed.Add(new RelaxedLicense(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
        }
        var sources = new Dictionary<string, long>();
        using (var reader = hub.Reader("SELECT license_source, count(*) FROM provenance_models GROUP BY 1 ORDER BY 1"))
        {
            while (reader.Read())
            {
                sources[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        var examples = new List<(string, string, string)>();
        using (var reader = hub.Reader("SELECT id, card_license, tag_license FROM provenance_models WHERE disagree ORDER BY id LIMIT 10"))
        {
            while (reader.Read())
            {
                examples.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        return new LicenseDrift
        {
            Edges = totals["edges"],
            Changed = totals["changed"],
            Tightened = totals["tightened"],
            Transitions = transitions,
            Relaxed = relaxed,
            Sources = sources,
            Disagreements = hub.Figures("SELECT count(*) AS n FROM provenance_models WHERE disagree")["n"],
            DisagreementExamples = examples,
        };
    }

    /// <summary>Links between two families, over every relation (or one).</summary>
    public long Count(LicenseFamily parent, LicenseFamily child, string? relation = null) =>
        Transitions.Where(t => t.Parent == parent.Label() && t.Child == child.Label() && (relation is null || t.Relation == relation)).Sum(t => t.Models);

    /// <summary>The relations present, most links first.</summary>
    public IReadOnlyList<string> Relations =>
        Transitions.GroupBy(t => t.Relation).OrderByDescending(g => g.Sum(t => t.Models)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();

    /// <summary>The transition matrix: base family down, child family across, links in each cell (all relations, or one).</summary>
    public DataFrame Matrix(string? relation = null)
    {
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("base \\ child", LicenseFamilies.All.Select(f => f.Label())) };
        foreach (var child in LicenseFamilies.All)
        {
            columns.Add(new Int64DataFrameColumn(child.Label(), LicenseFamilies.All.Select(parent => (long?)Count(parent, child, relation))));
        }
        return new DataFrame(columns);
    }

    /// <summary>Per relation: links, links whose license changed family, links relaxed, links tightened.</summary>
    public DataFrame ByRelation()
    {
        var relations = Relations;
        long Sum(string r, Func<LicenseTransition, bool> keep) => Transitions.Where(t => t.Relation == r && keep(t)).Sum(t => t.Models);
        return new DataFrame(
            new StringDataFrameColumn("relation", relations),
            new Int64DataFrameColumn("links", relations.Select(r => (long?)Sum(r, _ => true))),
            new Int64DataFrameColumn("family changed", relations.Select(r => (long?)Sum(r, t => t.Parent != t.Child))),
            new Int64DataFrameColumn("relaxed", relations.Select(r => (long?)Relaxed.Count(x => x.Relation == r))),
            new Int64DataFrameColumn("tightened", relations.Select(r => (long?)Sum(r, t => Rank(t.Child) > Rank(t.Parent) && Rank(t.Parent) >= 0 && Rank(t.Child) >= 0))));
    }

    /// <summary>The relaxed links (at most <paramref name="top"/>): child, its license, base, its license, relation.</summary>
    public DataFrame RelaxedFrame(int top = 50)
    {
        var list = Relaxed.Take(top).ToList();
        return new DataFrame(
            new StringDataFrameColumn("child", list.Select(r => r.Child)),
            new StringDataFrameColumn("child license", list.Select(r => r.ChildLicense)),
            new StringDataFrameColumn("base", list.Select(r => r.Base)),
            new StringDataFrameColumn("base license", list.Select(r => r.BaseLicense)),
            new StringDataFrameColumn("relation", list.Select(r => r.Relation)));
    }

    /// <summary>The JSON of <c>licenses --format json</c>: <c>edges</c>, <c>changed</c>, <c>transitions</c>, <c>relaxed</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["edges"] = Edges,
        ["changed"] = Changed,
        ["transitions"] = new JsonArray([.. Transitions.Select(t => t.ToJson())]),
        ["relaxed"] = new JsonArray([.. Relaxed.Select(r => r.ToJson())]),
    };

    /// <summary><see cref="ToJson"/> as indented text.</summary>
    public string ToJsonString() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public override string ToString() =>
        $"{Edges:N0} links with both ends in the data: {Changed:N0} change license, {Relaxed.Count:N0} relax it, {Tightened:N0} tighten it";

    private static int Rank(string label)
    {
        var family = LicenseFamilies.All.FirstOrDefault(f => f.Label() == label, LicenseFamily.None);
        return family == LicenseFamily.None ? -1 : (int)family;
    }
}

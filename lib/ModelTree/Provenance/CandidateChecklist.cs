using Microsoft.Data.Analysis;
using ModelTree.Records;

namespace ModelTree.Provenance;

/// <summary>
/// The seed's written first-model checklist filled in for several candidates, one column per model, so
/// they can be compared on the same items: what each is, where it comes from, its license and card, its
/// files and what they imply, and its risks. Popularity comes last: a signal, not a criterion.
/// </summary>
public sealed class CandidateChecklist(IReadOnlyList<ProvenanceReport> models)
{
    /// <summary>The candidates' reports, in the order given.</summary>
    public IReadOnlyList<ProvenanceReport> Models { get; } = models;

    /// <summary>The checklist's items, in reading order.</summary>
    public static IReadOnlyList<string> Items { get; } =
    [
        "task", "publisher", "provenance", "license", "card fields", "missing from the card", "weights", "formats",
        "quantization", "precision", "parameters", "tokenizer", "config", "loader", "flags", "downloads",
    ];

    /// <summary>One candidate's answer to one item.</summary>
    public static string Answer(ProvenanceReport r, string item)
    {
        var f = r.Facts;
        return item switch
        {
            "task" => f?.Task ?? "(not stated)",
            "publisher" => r.Author ?? "(unknown)",
            "provenance" => Provenance(r),
            "license" => $"{r.License.Label} ({r.License.Family.Label()})",
            "card fields" => $"{r.Checklist.Count(i => i.Present)} of {r.Checklist.Count}",
            "missing from the card" => r.Checklist.Any(i => !i.Present) ? string.Join(", ", r.Checklist.Where(i => !i.Present).Select(i => i.Item)) : "(nothing)",
            "weights" => f?.Weights ?? "not in the data",
            "formats" => f is null ? "" : f.Formats.Count == 0 ? "(none recognised)" : string.Join(", ", f.Formats),
            "quantization" => f is null ? "" : f.Quantization.Count == 0 ? "none" : string.Join("; ", f.Quantization),
            "precision" => f?.Precision ?? "(not counted)",
            "parameters" => f?.ParameterText ?? "(not counted)",
            "tokenizer" => f is null ? "" : f.HasTokenizer ? "present" : "absent",
            "config" => f is null ? "" : f.HasConfig ? "present" : "absent",
            "loader" => f?.Library ?? "(not stated)",
            "flags" => r.Flags.Count == 0 ? "none" : $"{r.Flags.Count}: {r.Flags[0]}" + (r.Flags.Count > 1 ? " ..." : ""),
            "downloads" => r.Downloads.ToString("N0"),
            _ => throw new ArgumentOutOfRangeException(nameof(item), item, "not a checklist item"),
        };
    }

    /// <summary>Item down, one column per candidate.</summary>
    public DataFrame ToFrame()
    {
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("item", Items) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Models)
        {
            var name = seen.Add(r.Id) ? r.Id : $"{r.Id} ({seen.Count})";
            columns.Add(new StringDataFrameColumn(name, Items.Select(i => Answer(r, i))));
        }
        return new DataFrame(columns);
    }

    private static string Provenance(ProvenanceReport r)
    {
        var direct = r.Lineage.Where(h => h.Depth == 1).DistinctBy(h => h.Id, StringComparer.OrdinalIgnoreCase).ToList();
        if (direct.Count == 0)
        {
            return r.InTable ? "a root: names no base" : "only named as a base";
        }
        var roots = r.Lineage.GroupBy(h => h.Path).Select(g => g.Last().Id).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var deepest = r.Lineage.Max(h => h.Depth);
        return $"{direct[0].Relation.Label()} of {string.Join(" + ", direct.Select(h => h.Id))}" +
            (deepest > 1 ? $"; root{(roots.Count > 1 ? "s" : "")} {string.Join(", ", roots)} ({deepest} hops)" : "");
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using ModelTree.Data;

namespace ModelTree.Provenance;

/// <summary>
/// The provenance report of one model, the seed's reading of a repository before trusting it: what the
/// files are and imply, how complete the card is, the lineage to every root with what changed at each hop,
/// and the risks to look at first.
/// </summary>
public sealed record ProvenanceReport
{
    /// <summary>The model, as the data spells it.</summary>
    public required string Id { get; init; }

    /// <summary>False when the id is only named as a base: nothing but its name is known.</summary>
    public bool InTable { get; init; }

    public required ModelLicense License { get; init; }

    /// <summary>The repository's facts; null when the model is not a row of the data.</summary>
    public ArtifactFacts? Facts { get; init; }

    /// <summary>The card's completeness, item by item.</summary>
    public IReadOnlyList<ChecklistItem> Checklist { get; init; } = [];

    /// <summary>Every path up to a root, hop by hop, path 1 first.</summary>
    public IReadOnlyList<LineageHop> Lineage { get; init; } = [];

    /// <summary>What a learner should look at before trusting the model.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Downloads (30-day count in the data).</summary>
    public long Downloads { get; init; }

    /// <summary>The publisher (the part of the id before the slash, or the row's author).</summary>
    public string? Author { get; init; }

    /// <summary>
    /// The JSON of <c>provenance --format json</c>: <c>id</c>, <c>license</c> (label), <c>facts</c>, <c>checklist</c>
    /// (item → present/absent), <c>flags</c>, <c>lineage</c> [{id, relation, depth, license, changes}].
    /// </summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["license"] = License.Label,
        ["facts"] = Facts is { } f ? new JsonObject
        {
            ["inTable"] = InTable,
            ["task"] = f.Task,
            ["library"] = f.Library,
            ["files"] = f.Files,
            ["formats"] = Strings(f.Formats),
            ["weights"] = f.Weights,
            ["completeWeights"] = f.CompleteWeights,
            ["adapterOnly"] = f.AdapterOnly,
            ["pickleOnly"] = f.PickleOnly,
            ["quantization"] = Strings(f.Quantization),
            ["precision"] = f.Precision,
            ["parameters"] = f.Parameters,
            ["tokenizer"] = f.HasTokenizer,
            ["config"] = f.HasConfig,
            ["licenseFamily"] = License.Family.Label(),
            ["licenseSource"] = License.Source.ToString().ToLowerInvariant(),
            ["implications"] = Strings(f.Implications),
        } : new JsonObject { ["inTable"] = false },
        ["checklist"] = new JsonObject(Checklist.Select(i => KeyValuePair.Create(i.Item, (JsonNode?)i.State))),
        ["flags"] = Strings(Flags),
        ["lineage"] = new JsonArray(Lineage.Select(h => (JsonNode)new JsonObject
        {
            ["id"] = h.Id,
            ["relation"] = ProvenanceTables.RelationLabel(h.Relation),
            ["depth"] = h.Depth,
            ["license"] = h.License?.Label,
            ["changes"] = Strings(h.Changes),
        }).ToArray()),
    };

    /// <summary><see cref="ToJson"/> as indented text.</summary>
    public string ToJsonString() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The facts as two columns, fact and value, for a notebook.</summary>
    public DataFrame FactsFrame()
    {
        var rows = new List<(string Fact, string Value)> { ("license", License.Describe()) };
        if (Facts is { } f)
        {
            rows.AddRange([
                ("task", f.Task ?? "(none)"), ("library", f.Library ?? "(none)"), ("files", f.Files.ToString("N0")),
                ("formats", f.Formats.Count == 0 ? "(none recognised)" : string.Join(", ", f.Formats)), ("weights", f.Weights),
                ("quantization", f.Quantization.Count == 0 ? "none" : string.Join("; ", f.Quantization)),
                ("precision", f.Precision ?? "(not counted)"), ("parameters", f.ParameterText ?? "(not counted)"),
                ("tokenizer", f.HasTokenizer ? "present" : "absent"), ("config", f.HasConfig ? "present" : "absent"),
            ]);
            rows.AddRange(f.Implications.Select(i => ("implies", i)));
        }
        else
        {
            rows.Add(("in the data", "no: only named as a base"));
        }
        return new DataFrame(new StringDataFrameColumn("fact", rows.Select(r => r.Fact)), new StringDataFrameColumn("value", rows.Select(r => r.Value)));
    }

    /// <summary>The card checklist: item, present/absent, value.</summary>
    public DataFrame ChecklistFrame() => new(
        new StringDataFrameColumn("item", Checklist.Select(i => i.Item)),
        new StringDataFrameColumn("card", Checklist.Select(i => i.State)),
        new StringDataFrameColumn("value", Checklist.Select(i => i.Value ?? "")));

    /// <summary>The lineage: path, depth, base, relation, license, what changed.</summary>
    public DataFrame LineageFrame() => new(
        new Int64DataFrameColumn("path", Lineage.Select(h => (long?)h.Path)),
        new Int64DataFrameColumn("depth", Lineage.Select(h => (long?)h.Depth)),
        new StringDataFrameColumn("base", Lineage.Select(h => ModelIds.Shown(h.Id, h.InTable))),
        new StringDataFrameColumn("hop", Lineage.Select(h => $"{h.Child} {ModelTree.Records.Relations.Hop(h.Relation)} it")),
        new StringDataFrameColumn("license", Lineage.Select(h => h.License?.Label ?? "unknown")),
        new StringDataFrameColumn("what changed", Lineage.Select(h => string.Join("; ", h.Changes))));

    /// <summary>The whole report in one table: section (facts, card, lineage, flag), item, value.</summary>
    public DataFrame ToFrame()
    {
        var rows = new List<(string Section, string Item, string Value)>();
        var facts = FactsFrame();
        rows.AddRange(facts.Rows.Select(r => ("facts", (string)r[0], (string)r[1])));
        rows.AddRange(Checklist.Select(i => ("card", i.Item, i.Present ? $"present: {i.Value}" : "absent")));
        rows.AddRange(Lineage.Select(h => ("lineage", $"path {h.Path}, depth {h.Depth}: {ModelIds.Shown(h.Id, h.InTable)}",
            $"license {h.License?.Label ?? "unknown"}; {string.Join("; ", h.Changes)}")));
        rows.AddRange((Flags.Count == 0 ? ["(none)"] : Flags).Select(f => ("flag", "", f)));
        return new DataFrame(
            new StringDataFrameColumn("section", rows.Select(r => r.Section)),
            new StringDataFrameColumn("item", rows.Select(r => r.Item)),
            new StringDataFrameColumn("value", rows.Select(r => r.Value)));
    }

    /// <summary>The flags, one per row.</summary>
    public DataFrame FlagsFrame() => new(new StringDataFrameColumn("flag", Flags.Count == 0 ? ["(none)"] : Flags));

    public override string ToString() =>
        $"{Id}: {License.Label}, {Facts?.Weights ?? "not in the data"}, {Lineage.Select(h => h.Path).DefaultIfEmpty().Max()} path(s) up, {Flags.Count} flag(s)";

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}

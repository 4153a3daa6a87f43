using System.Text.Json;
using System.Text.Json.Nodes;
using ModelTree.Data;
using ModelTree.Tests.Fixtures;
using ModelTree.Workbook.Commands;
using Spectre.Console;

namespace ModelTree.Tests.Provenance;

/// <summary>
/// <c>licenses</c> and <c>provenance</c> json on each file of real Hub records, checked against figures read here
/// from the file's JSON: a model's license is its card's <c>license</c>, else its <c>license:</c> tag; links are
/// the <c>baseModels</c> entries whose base is a record of the file.
/// </summary>
public sealed class RealRecordsProvenanceTests
{
    public static TheoryData<string> Files => new(TestPaths.RealRecordFiles.Select(Path.GetFileName).OfType<string>());

    private static string PathOf(string file) => Path.Combine(TestPaths.Shared, "data", "real", file);

    private static List<JsonElement> Records(string file) =>
        File.ReadLines(PathOf(file)).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static JsonElement? Field(JsonElement record, string name) =>
        record.TryGetProperty("cardData", out var card) && card.ValueKind == JsonValueKind.Object
        && card.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The license label as the issue defines it, read off the record.</summary>
    private static string License(JsonElement r)
    {
        var card = Field(r, "license") switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(),
            _ => null,
        };
        var tag = r.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t.StartsWith("license:"))?[8..];
        var license = (string.IsNullOrWhiteSpace(card) ? tag : card)?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(license))
        {
            return "none";
        }
        return license == "other" && Field(r, "license_name") is { ValueKind: JsonValueKind.String } name
            ? $"other ({name.GetString()!.Trim().ToLowerInvariant()})" : license;
    }

    private static List<string> Bases(JsonElement r) =>
        r.TryGetProperty("baseModels", out var b) && b.ValueKind == JsonValueKind.Object
            ? b.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList() : [];

    private static string Render(Action<IAnsiConsole> write)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        write(console);
        return text.ToString();
    }

    private static ModelProvenance Open(string file, out HubData hub)
    {
        hub = HubData.Open(PathOf(file), new HubDataOptions { DatabasePath = ":memory:" });
        return new ModelProvenance(hub, ModelGraph.Build(hub));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Licenses_json_counts_the_links_and_license_changes_the_file_holds(string file)
    {
        var records = Records(file);
        var byId = records.ToDictionary(r => r.GetProperty("id").GetString()!, StringComparer.OrdinalIgnoreCase);
        var links = records.SelectMany(r => Bases(r).Where(byId.ContainsKey).Select(b => (Child: r, Base: byId[b]))).ToList();

        var provenance = Open(file, out var hub);
        using (hub)
        {
            var json = JsonNode.Parse(Render(c => LicensesCommand.Write(c, provenance.Licenses(), "json")))!;

            Assert.Equal(links.Count, (int)json["edges"]!);
            Assert.Equal(links.Count(l => License(l.Child) != License(l.Base)), (int)json["changed"]!);
            var transitions = json["transitions"]!.AsArray();
            Assert.Equal(links.Count, transitions.Sum(t => (int)t!["models"]!));
            var relation = links.GroupBy(l => l.Child.GetProperty("baseModels").GetProperty("relation").GetString()!).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(relation, transitions.GroupBy(t => (string)t!["relation"]!).ToDictionary(g => g.Key, g => g.Sum(t => (int)t!["models"]!)));

            // Every relaxed link is a link of the file with the licenses the file states, and the licenses differ.
            var expected = links.ToDictionary(l => (l.Child.GetProperty("id").GetString(), l.Base.GetProperty("id").GetString()), l => (License(l.Child), License(l.Base)));
            var relaxed = json["relaxed"]!.AsArray().Select(r => (Child: (string)r!["child"]!, Base: (string)r["base"]!, ChildLicense: (string)r["childLicense"]!, BaseLicense: (string)r["baseLicense"]!)).ToList();
            Assert.All(relaxed, r =>
            {
                Assert.Equal(expected[(r.Child, r.Base)], (r.ChildLicense, r.BaseLicense));
                Assert.NotEqual(r.ChildLicense, r.BaseLicense);
            });
            // Known cases: a Llama base (restrictive) under an MIT or Apache child is relaxed.
            var llamaUnderOpen = links.Where(l => License(l.Base).StartsWith("llama") && License(l.Child) is "mit" or "apache-2.0")
                .Select(l => l.Child.GetProperty("id").GetString()!).ToHashSet();
            Assert.Superset(llamaUnderOpen, relaxed.Select(r => r.Child).ToHashSet());
        }
    }

    [Fact]
    public void The_llama_2_family_relaxes_its_license_in_known_links()
    {
        var file = "llama-2-7b-tree.jsonl";
        var records = Records(file);
        var byId = records.ToDictionary(r => r.GetProperty("id").GetString()!, StringComparer.OrdinalIgnoreCase);
        var llamaToOpen = records.Count(r => Bases(r).Any(b => byId.TryGetValue(b, out var p) && License(p) == "llama2") && License(r) is "mit" or "apache-2.0");
        Assert.True(llamaToOpen > 0, "the file should hold llama2 bases under mit/apache children");

        var provenance = Open(file, out var hub);
        using (hub)
        {
            var drift = provenance.Licenses();
            Assert.True(drift.Relaxed.Count(r => r.BaseLicense == "llama2" && r.ChildLicense is "mit" or "apache-2.0") == llamaToOpen);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Provenance_json_of_the_most_downloaded_derivative_follows_the_files_base_links(string file)
    {
        var records = Records(file);
        var byId = records.ToDictionary(r => r.GetProperty("id").GetString()!, StringComparer.OrdinalIgnoreCase);
        var model = records.Where(r => Bases(r).Count > 0).OrderByDescending(r => r.GetProperty("downloads").GetInt64())
            .ThenBy(r => r.GetProperty("id").GetString(), StringComparer.Ordinal).First();
        var id = model.GetProperty("id").GetString()!;

        // The chain of first bases up to a record with no base (or one not in the file).
        var chain = new List<string>();
        for (var at = model; Bases(at).FirstOrDefault() is { } up && chain.Count < 20;)
        {
            chain.Add(up);
            if (!byId.TryGetValue(up, out var next))
            {
                break;
            }
            at = next;
        }

        var provenance = Open(file, out var hub);
        using (hub)
        {
            var json = JsonNode.Parse(Render(c => ProvenanceCommand.Write(c, provenance.Report(id), "json")))!;

            Assert.Equal(id, (string?)json["id"]);
            Assert.Equal(License(model), (string?)json["license"]);
            var lineage = json["lineage"]!.AsArray();
            if (Bases(model).Count == 1 && chain.All(b => !byId.TryGetValue(b, out var r) || Bases(r).Count <= 1))
            {
                Assert.Equal(chain, lineage.Select(h => (string)h!["id"]!));
                Assert.Equal(Enumerable.Range(1, chain.Count), lineage.Select(h => (int)h!["depth"]!));
                Assert.All(lineage, h => Assert.Equal(byId.TryGetValue((string)h!["id"]!, out var r) ? License(r) : null, (string?)h["license"]));
            }
            var checklist = json["checklist"]!.AsObject();
            foreach (var field in new[] { "license", "base_model", "pipeline_tag", "library_name", "language", "datasets", "model-index" })
            {
                var value = Field(model, field);
                var present = value is { } v && !(v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length == 0)
                    && !(v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 0);
                Assert.Equal(present ? "present" : "absent", (string?)checklist[field]);
            }
        }
    }

    [Fact]
    public void The_tables_show_the_report_and_the_matrix()
    {
        var provenance = Open("mistral-small-24b-base-2501.jsonl", out var hub);
        using (hub)
        {
            var report = Render(c => ProvenanceCommand.Write(c, provenance.Report("unsloth/Mistral-Small-24B-Instruct-2501"), "table"));
            Assert.Contains("Provenance of unsloth/Mistral-Small-24B-Instruct-2501", report);
            Assert.Contains("mistralai/Mistral-Small-24B-Instruct-2501", report);
            Assert.Contains("Lineage", report);
            Assert.Contains("languages changed", report); // the instruct model lists ten languages, the unsloth copy only en

            var licenses = Render(c => LicensesCommand.Write(c, provenance.Licenses(), "table"));
            Assert.Contains("License families: base (rows) -> child (columns)", licenses);
            Assert.Contains("By relation", licenses);
        }
    }

    [Fact]
    public void From_the_command_line_an_unknown_id_is_one_error_line_with_close_ids_and_json_goes_to_stdout()
    {
        var data = PathOf("mistral-small-24b-base-2501.jsonl");

        var unknown = Cli.Run(["provenance", "mistralai/Mistral-Small-24B-Instruct", "--data", data]);
        Assert.True(unknown.Exit == 1, unknown.ToString());
        var error = Assert.Single(unknown.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Trim().Length > 0);
        Assert.StartsWith("error:", error);
        Assert.Contains("mistralai/Mistral-Small-24B-Instruct-2501", error);

        var licenses = Cli.Run(["licenses", "--data", data, "--format", "json"]);
        Assert.True(licenses.Exit == 0, licenses.ToString());
        Assert.Equal(Records("mistral-small-24b-base-2501.jsonl").Count(r => Bases(r).Count > 0), (int)JsonNode.Parse(licenses.Out)!["edges"]!);
    }

    [Fact]
    public void An_unknown_id_fails_with_suggestions_from_the_graph()
    {
        var provenance = Open("mistral-small-24b-base-2501.jsonl", out var hub);
        using (hub)
        {
            var e = Assert.Throws<ModelTreeException>(() => provenance.Report("mistralai/Mistral-Small-24B-Instruct"));
            Assert.Contains("mistralai/Mistral-Small-24B-Instruct-2501", e.Message);
        }
    }
}

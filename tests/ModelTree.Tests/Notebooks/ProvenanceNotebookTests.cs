using System.Text.Json;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Runner;
using ModelTree.Tests.Sample;

namespace ModelTree.Tests.Notebooks;

/// <summary>
/// Notebook 10 executed on the sample and on every file of real records, its summary figures checked against
/// counts made here: by SQL on the raw parquet for the sample, from the files' JSON for the real records.
/// A model's license is its card's <c>license</c>, else its <c>license:</c> tag.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class ProvenanceNotebookTests
{
    private const string Notebook = "10-provenance";

    public static TheoryData<string> Files => new(TestPaths.RealRecordFiles.Select(Path.GetFileName).OfType<string>());

    // The sample's links as the Hub's tree reads them: baseModels; else base_model tags; else the card's base_model.
    // Both ends rows of the table, ids compared case-insensitively, a model naming itself left out.
    private const string SampleLinks = """
        WITH m AS (SELECT lower(id) AS k, baseModels, tags,
                          CASE WHEN json_valid(cardData) THEN cardData END AS card FROM models),
        l AS (
          SELECT k AS child, lower(b.id) AS base FROM (SELECT k, unnest(baseModels.models) AS b FROM m WHERE len(baseModels.models) > 0)
          UNION ALL
          SELECT k, lower(regexp_extract(t, '^base_model:(?:(?:finetune|adapter|quantized|merge):)?(.+)$', 1)) FROM (
            SELECT k, unnest(list_filter(tags, lambda t: starts_with(t, 'base_model:'))) AS t FROM m
            WHERE coalesce(len(baseModels.models), 0) = 0)
          UNION ALL
          SELECT k, lower(trim(b)) FROM (
            SELECT k, unnest(CASE json_type(card, '$.base_model') WHEN 'VARCHAR' THEN [card ->> '$.base_model']
                                  WHEN 'ARRAY' THEN card ->> '$.base_model[*]' END) AS b FROM m
            WHERE coalesce(len(baseModels.models), 0) = 0 AND len(list_filter(tags, lambda t: starts_with(t, 'base_model:'))) = 0)
        ),
        lic AS (SELECT lower(id) AS k,
                       coalesce(nullif(lower(trim(CASE WHEN json_valid(cardData) THEN cardData ->> '$.license' END)), ''),
                                nullif(lower(trim(substr(list_filter(tags, lambda t: starts_with(t, 'license:'))[1], 9))), ''), 'none') AS license
                FROM models),
        links AS (SELECT DISTINCT child, base FROM l WHERE base IS NOT NULL AND base <> '' AND child <> base)
        SELECT links.child, links.base, c.license AS child_license, p.license AS base_license
        FROM links JOIN lic c ON c.k = links.child JOIN lic p ON p.k = links.base
        """;

    [Fact]
    public async Task On_the_sample_it_counts_the_links_license_changes_and_relaxed_links()
    {
        using var sample = new SampleData(StudyNotebookRun.SamplePath);
        // The sample's licenses, sorted by hand: 0 permissive, 1 copyleft, 2 restrictive/custom, 3 non-commercial.
        sample.Execute("""
            CREATE TABLE family AS SELECT * FROM (VALUES ('apache-2.0', 0), ('mit', 0), ('cc-by-4.0', 0), ('bsd-3-clause', 0),
              ('cc-by-sa-4.0', 1), ('gpl-3.0', 1), ('other', 2), ('llama2', 2), ('llama3', 2), ('llama3.1', 2), ('llama3.2', 2),
              ('gemma', 2), ('openrail', 2), ('openrail++', 2), ('creativeml-openrail-m', 2), ('cc-by-nc-4.0', 3)) AS f(license, rank)
            """);
        sample.Execute($"CREATE TABLE links AS {SampleLinks}");
        Assert.Equal(0, sample.Count("""
            SELECT count(*) FROM links WHERE child_license NOT IN (SELECT license FROM family UNION SELECT 'none')
               OR base_license NOT IN (SELECT license FROM family UNION SELECT 'none')
            """));

        using var run = await StudyNotebookRun.StartAsync(Notebook, StudyNotebookRun.SamplePath);

        Assert.Equal(sample.Count("SELECT count(*) FROM links"), run.Count("links with both ends in the data"));
        Assert.Equal(sample.Count("SELECT count(*) FROM links WHERE child_license <> base_license"), run.Count("links changing license"));
        Assert.Equal(sample.Count("""
            SELECT count(*) FROM links JOIN family c ON c.license = child_license JOIN family p ON p.license = base_license
            WHERE c.rank < p.rank
            """), run.Count("links relaxing the license"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task On_real_records_it_counts_what_the_files_base_links_and_licenses_say(string file)
    {
        var path = Path.Combine(TestPaths.Shared, "data", "real", file);
        var records = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var license = records.ToDictionary(r => r.GetProperty("id").GetString()!, License, StringComparer.OrdinalIgnoreCase);
        var links = records.SelectMany(r => Bases(r).Where(license.ContainsKey).Select(b => (Child: r.GetProperty("id").GetString()!, Base: b))).ToList();
        // Sibling pairs stating a license ("unknown" states none), per base: n children make n(n-1)/2 pairs, those with one license agree.
        var byBase = links.Where(l => license[l.Child] is not "none" and not "unknown").GroupBy(l => l.Base, StringComparer.OrdinalIgnoreCase).ToList();
        long Pairs(long n) => n * (n - 1) / 2;

        using var run = await StudyNotebookRun.StartAsync(Notebook, path);

        Assert.Equal(links.Count, run.Count("links with both ends in the data"));
        Assert.Equal(links.Count(l => license[l.Child] != license[l.Base]), run.Count("links changing license"));
        Assert.Equal(byBase.Sum(g => Pairs(g.Count())), run.Figures.Figures.Single(f => f.Name == "sibling pairs agreeing on license").ThisCounts?.Whole ?? 0);
        Assert.Equal(byBase.Sum(g => g.GroupBy(l => license[l.Child]).Sum(v => Pairs(v.Count()))),
            run.Figures.Figures.Single(f => f.Name == "sibling pairs agreeing on license").ThisCounts?.Part ?? 0);
    }

    private static List<string> Bases(JsonElement r) =>
        r.TryGetProperty("baseModels", out var b) && b.ValueKind == JsonValueKind.Object
            ? b.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList() : [];

    private static string License(JsonElement r)
    {
        var card = r.TryGetProperty("cardData", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        string? Text(string name) => card.ValueKind == JsonValueKind.Object && card.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var tag = r.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t.StartsWith("license:"))?[8..];
        var id = (string.IsNullOrWhiteSpace(Text("license")) ? tag : Text("license"))?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(id) ? "none" : id == "other" && Text("license_name") is { } name ? $"other ({name.Trim().ToLowerInvariant()})" : id;
    }
}

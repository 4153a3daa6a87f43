using System.Text.Json;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Ecosystem;

/// <summary>
/// <c>stats</c> run as a user runs it, on real records: every figure of its JSON against the same figure counted here
/// from the file's records (System.Text.Json), with the definitions <see cref="EcosystemStats"/> documents.
/// </summary>
public sealed class StatsCommandTests
{
    public static TheoryData<string> Files => new(TestPaths.RealRecordFiles.Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Files))]
    public void Stats_json_on_real_records_matches_the_records(string file)
    {
        var path = Path.Combine(TestPaths.Shared, "data", "real", file);
        var records = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

        var result = Cli.Run(["stats", "--data", path, "--top", "7", "--format", "json"]);

        Assert.True(result.Exit == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(records.Count, root.GetProperty("models").GetInt64());

        var missing = root.GetProperty("missing");
        double Share(Func<JsonElement, bool> lacks) => Math.Round((double)records.Count(lacks) / records.Count, 6);
        Assert.Equal(Share(r => Total(r) is not > 0), missing.GetProperty("parameters").GetDouble(), 6);
        Assert.Equal(Share(r => string.IsNullOrWhiteSpace(Text(r, "pipeline_tag"))), missing.GetProperty("task").GetDouble(), 6);
        Assert.Equal(Share(r => !Present(Card(r), "license") && !Tags(r).Any(t => t.StartsWith("license:", StringComparison.Ordinal))),
            missing.GetProperty("license").GetDouble(), 6);
        Assert.Equal(Share(r => string.IsNullOrWhiteSpace(Text(r, "library_name"))), missing.GetProperty("library").GetDouble(), 6);
        Assert.Equal(Share(r => BaseCount(r) == 0 && !Tags(r).Any(t => t.StartsWith("base_model:", StringComparison.Ordinal)) && !Present(Card(r), "base_model")),
            missing.GetProperty("baseModel").GetDouble(), 6);
        Assert.Equal(Share(r => Card(r) is not { } c || !c.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.Null)),
            missing.GetProperty("card").GetDouble(), 6);

        var tasks = records.Select(r => Text(r, "pipeline_tag")).Where(t => !string.IsNullOrWhiteSpace(t)).GroupBy(t => t!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(7).Select(g => (g.Key, (long)g.Count()));
        Assert.Equal(tasks, root.GetProperty("topTasks").EnumerateArray().Select(t => (t.GetProperty("task").GetString()!, t.GetProperty("models").GetInt64())));

        var authors = records.Select(Author).GroupBy(a => a)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(7).Select(g => (g.Key, (long)g.Count()));
        Assert.Equal(authors, root.GetProperty("topAuthors").EnumerateArray().Select(t => (t.GetProperty("author").GetString()!, t.GetProperty("models").GetInt64())));

        // The clusters cover every model with a size, in ascending, non-overlapping ranges from the smallest size to the largest.
        var sizes = records.Select(Total).OfType<long>().Where(n => n > 0).Order().ToList();
        var clusters = root.GetProperty("sizeClusters").EnumerateArray().Select(c => (Min: c.GetProperty("min").GetInt64(), Max: c.GetProperty("max").GetInt64(), Models: c.GetProperty("models").GetInt64())).ToList();
        Assert.Equal(sizes.Count, clusters.Sum(c => c.Models));
        Assert.Equal(root.GetProperty("sizeK").GetInt32(), clusters.Count);
        if (sizes.Count > 0)
        {
            Assert.Equal(sizes[0], clusters[0].Min);
            Assert.Equal(sizes[^1], clusters[^1].Max);
            Assert.All(clusters, c => Assert.Equal(sizes.Count(n => n >= c.Min && n <= c.Max), c.Models));
            Assert.All(clusters.Zip(clusters.Skip(1)), p => Assert.True(p.First.Max < p.Second.Min));
        }

        // The seed's bins: lower edges 0, 145.5M, 726.5M, 3.7B, 21B.
        long[] edges = [0, 145_500_000, 726_500_000, 3_700_000_000, 21_000_000_000];
        var bins = edges.Select((e, i) => (long)sizes.Count(n => n >= e && (i + 1 == edges.Length || n < edges[i + 1])));
        Assert.Equal(bins, root.GetProperty("seedBins").EnumerateArray().Select(b => b.GetProperty("models").GetInt64()));
    }

    [Fact]
    public void Stats_table_names_the_data_and_each_section()
    {
        var result = Cli.Run(["stats", "--data", TestPaths.MistralFamily, "--top", "3"]);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("mistral-small-24b-base-2501.jsonl (Hub API records): 67 models", result.Out);
        Assert.Contains("Models missing each field", result.Out);
        Assert.Contains("Tasks with the most models", result.Out);
        Assert.Contains("Model sizes in the seed's five bins", result.Out);
        Assert.Equal("", result.Err);
    }

    [Fact]
    public void Stats_refuses_a_missing_file_in_one_error_line()
    {
        var result = Cli.Run(["stats", "--data", "/nonexistent/models.parquet", "--format", "json"]);

        Assert.Equal(1, result.Exit);
        Assert.StartsWith("error:", result.Err);
        Assert.Single(result.Err.Trim().Split('\n'));
    }

    private static JsonElement? Card(JsonElement r) =>
        r.TryGetProperty("cardData", out var c) && c.ValueKind == JsonValueKind.Object ? c : null;

    private static bool Present(JsonElement? card, string field) =>
        card is { } c && c.TryGetProperty(field, out var v) && v.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => !string.IsNullOrWhiteSpace(v.GetString()),
            _ => true,
        };

    private static string? Text(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<string> Tags(JsonElement r) =>
        r.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!) : [];

    private static long? Total(JsonElement r) =>
        r.TryGetProperty("safetensors", out var s) && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Number
            ? t.GetInt64() : null;

    private static int BaseCount(JsonElement r) =>
        r.TryGetProperty("baseModels", out var b) && b.ValueKind == JsonValueKind.Object && b.TryGetProperty("models", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.GetArrayLength() : 0;

    private static string Author(JsonElement r)
    {
        var author = Text(r, "author")?.Trim();
        if (!string.IsNullOrEmpty(author))
        {
            return author;
        }
        var id = Text(r, "id")!;
        return id.Contains('/') ? id.Split('/')[0] : "(no namespace)";
    }
}

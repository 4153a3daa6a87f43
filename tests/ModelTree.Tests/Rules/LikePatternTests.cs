using System.Text.Json;
using DuckDB.NET.Data;
using ModelTree.Rules;

namespace ModelTree.Tests.Rules;

/// <summary>
/// The C# LIKE matcher answers as DuckDB's own LIKE does: every pattern the built-in rule sets use, plus edge cases
/// (no %, only %, _ inside and at the ends, a piece that repeats), against real file names and made-up ones. DuckDB is the oracle.
/// </summary>
public sealed class LikePatternTests
{
    private static IEnumerable<string> RulePatterns(RuleSet rules) =>
        JsonDocument.Parse(RuleFile.ToJson(rules)).RootElement.Descend()
            .Where(p => p.Name == "files").SelectMany(p => p.Value.EnumerateArray()).Select(v => v.GetString()!);

    [Fact]
    public void Every_pattern_matches_exactly_the_names_DuckDB_LIKE_matches()
    {
        var patterns = RulePatterns(RuleSet.Default).Concat(RulePatterns(RuleSet.Study))
            .Concat(["model.safetensors", "%", "%%", "_", "a%a", "%a_a%", "_%.bin", "%.gguf_", "ab%ab%ab", "%adapter%config%", ""])
            .Distinct().ToList();
        Assert.True(patterns.Count > 15, $"only {patterns.Count} patterns found in the rule sets");
        var names = new[]
        {
            "model.safetensors", "adapter_config.json", "adapter_model.safetensors", "model-00001-of-00002.safetensors",
            "pytorch_model.bin", "ggml-model-q4_0.bin", "llama-2-7b.q4_k_m.gguf", "model.gguf.part1of2", "consolidated.00.pth",
            "checkpoint-500/adapter_model.bin", "a", "aa", "aba", "abab", "ababab", "abxabyab", "", "x.gguf1", "weights.npz",
            "lora/adapter_config.json", "model.gguf", "tokenizer.json", "README.md",
        };

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var mismatches = new List<string>();
        foreach (var pattern in patterns)
        {
            foreach (var name in names)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT $name LIKE $pattern";
                command.Parameters.Add(new DuckDBParameter("name", name));
                command.Parameters.Add(new DuckDBParameter("pattern", pattern));
                var duck = (bool)command.ExecuteScalar()!;
                if (LikePattern.IsMatch(name, pattern) != duck)
                {
                    mismatches.Add($"'{name}' LIKE '{pattern}': DuckDB {duck}");
                }
            }
        }
        Assert.Empty(mismatches);
    }
}

internal static class JsonWalk
{
    public static IEnumerable<JsonProperty> Descend(this JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                yield return property;
                foreach (var inner in property.Value.Descend())
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var inner in element.EnumerateArray().SelectMany(e => e.Descend()))
            {
                yield return inner;
            }
        }
    }
}

using DuckDB.NET.Data;
using ModelTree.Data;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Graph;

/// <summary>The graph of the committed sample, checked against the generator's truth.csv (read here with DuckDB, not with the library).</summary>
public sealed class SampleGraphTests
{
    private static readonly Lazy<ModelGraph> SampleGraph = new(() =>
    {
        using var hub = HubData.Open(SamplePath, new HubDataOptions { DatabasePath = ":memory:" });
        return ModelGraph.Build(hub);
    });

    private static readonly Lazy<List<(string Id, string Case, string Family, string[] Bases)>> Truth = new(() =>
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT id, \"case\", family, coalesce(bases, '') FROM read_csv('{TruthPath}', header = true, all_varchar = true)";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string, string[])>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3).Split(';', StringSplitOptions.RemoveEmptyEntries)));
        }
        return rows;
    });

    private static string SamplePath => Path.Combine(TestPaths.RepoRoot, "data", "sample", "models.parquet");

    private static string TruthPath => Path.Combine(TestPaths.RepoRoot, "data", "sample", "truth.csv");

    [Fact]
    public void Every_models_bases_are_the_ones_the_truth_lists()
    {
        var graph = SampleGraph.Value;

        foreach (var (id, _, _, bases) in Truth.Value)
        {
            var expected = bases.Where(b => !b.Equals(id, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(expected, graph.Box(id).Bases.Select(b => b.Id));
        }
    }

    [Fact]
    public void Descendants_of_the_largest_families_match_a_walk_over_the_truths_bases()
    {
        var truth = Truth.Value;
        var children = truth.SelectMany(r => r.Bases.Where(b => !b.Equals(r.Id, StringComparison.OrdinalIgnoreCase)).Select(b => (Base: b, Child: r.Id)))
            .ToLookup(l => l.Base, l => l.Child, StringComparer.OrdinalIgnoreCase);
        var ids = truth.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var roots = truth.Where(r => r.Bases.Length == 0 && r.Case == "typical")
            .GroupBy(r => r.Family).OrderByDescending(g => truth.Count(t => t.Family == g.Key)).Take(5).Select(g => g.Key);

        var graph = SampleGraph.Value;
        foreach (var root in roots)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root };
            var frontier = new List<string> { root };
            var levels = new List<int>();
            while (frontier.Count > 0)
            {
                frontier = frontier.SelectMany(f => children[f]).Where(seen.Add).ToList();
                if (frontier.Count > 0)
                {
                    levels.Add(frontier.Count);
                }
            }
            var below = graph.Descendants(root);
            Assert.Equal(seen.Count - 1, below.Total);
            Assert.Equal(levels, below.ByDepth);
            Assert.Contains(root, ids);
        }
    }

    [Fact]
    public void Planted_self_references_cycles_and_external_bases_are_reported()
    {
        var truth = Truth.Value;
        var ids = truth.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var external = truth.SelectMany(r => r.Bases).Where(b => !ids.Contains(b)).Distinct(StringComparer.OrdinalIgnoreCase).Count();

        var report = SampleGraph.Value.Report;

        Assert.Equal(truth.Where(r => r.Case == "self_reference").Select(r => r.Id).Order(StringComparer.Ordinal), report.SelfReferences.Order(StringComparer.Ordinal));
        Assert.Equal(truth.Where(r => r.Case == "cycle").Select(r => r.Id).Order(StringComparer.Ordinal),
            report.Cycles.SelectMany(c => c).Order(StringComparer.Ordinal));
        Assert.Equal(external, report.ExternalBases);
        Assert.Equal(truth.Count, report.Models);
    }

    [Fact]
    public void Largest_family_is_the_truths_largest_and_has_its_size()
    {
        var truth = Truth.Value;
        var largest = truth.GroupBy(r => r.Family).OrderByDescending(g => g.Count()).First();

        var family = SampleGraph.Value.Families()[0];

        Assert.Equal(largest.Key, family.Root);
        Assert.Equal(largest.Count(), family.Size);
    }
}

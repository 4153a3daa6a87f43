using ModelTree.Sample;
using ModelTree.Tests.Fixtures;
using ModelTree.Workbook.Commands;

namespace ModelTree.Tests.Sample;

/// <summary>A generated table says which generator made it, and the benchmarks' cache is keyed by that version.</summary>
public sealed class GeneratorVersionTests
{
    [Fact]
    public void A_generated_table_carries_the_generator_version_and_bench_tables_are_named_by_it()
    {
        var dir = TestPaths.NewTempDir();
        var path = Path.Combine(dir, "models.parquet");
        SampleGenerator.Write(path, new SampleOptions { Rows = 300 });

        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{path}') WHERE decode(key) = 'modeltree_generator'";
        Assert.Equal(SampleGenerator.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), command.ExecuteScalar() as string);

        Assert.EndsWith($"models-3000000-gen{SampleGenerator.Version}.parquet", BenchData.PathFor(3_000_000));
        Directory.Delete(dir, recursive: true);
    }
}

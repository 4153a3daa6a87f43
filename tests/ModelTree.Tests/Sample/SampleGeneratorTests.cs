using DuckDB.NET.Data;
using ModelTree.Data;
using ModelTree.Sample;
using ModelTree.Workbook.Commands;

namespace ModelTree.Tests.Sample;

/// <summary>The generator itself, on small row counts: determinism, schema, metadata, file naming, the command.</summary>
public sealed class SampleGeneratorTests(GeneratedSampleFixture generated) : IClassFixture<GeneratedSampleFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modeltree-sample-gen-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A digest of every row's content, in id order, computed by DuckDB.</summary>
    private static string ContentDigest(string parquet)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT md5(string_agg(to_json(m)::VARCHAR, chr(10) ORDER BY id)) FROM read_parquet('{parquet}') AS m";
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public void Same_rows_and_seed_give_the_same_content()
    {
        var again = Path.Combine(_dir, "again.parquet");
        SampleGenerator.Write(again, new SampleOptions { Rows = GeneratedSampleFixture.Rows, Seed = 7 });
        Assert.Equal(ContentDigest(generated.ParquetPath), ContentDigest(again));
        Assert.Equal(File.ReadAllText(generated.Summary.TruthPath), File.ReadAllText(SampleGenerator.TruthPathFor(again)));
    }

    [Fact]
    public void Another_seed_gives_other_content()
    {
        var other = Path.Combine(_dir, "other.parquet");
        SampleGenerator.Write(other, new SampleOptions { Rows = GeneratedSampleFixture.Rows, Seed = 8 });
        Assert.NotEqual(ContentDigest(generated.ParquetPath), ContentDigest(other));
    }

    [Fact]
    public void Columns_and_types_are_exactly_the_hub_schema()
    {
        using var data = new SampleData(generated.ParquetPath);
        var described = data.Rows("DESCRIBE models").Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        Assert.Equal(HubSchema.Columns.Select(c => (c.Name, c.Type)).ToList(), described);
    }

    [Fact]
    public void Parquet_metadata_marks_the_file_synthetic_with_its_seed_and_rows()
    {
        using var data = new SampleData(generated.ParquetPath);
        var metadata = data.Rows($"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{generated.ParquetPath}')")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("true", metadata["modeltree_synthetic"]);
        Assert.Equal("7", metadata["modeltree_seed"]);
        Assert.Equal("3000", metadata["modeltree_rows"]);
    }

    [Fact]
    public void Writes_exactly_the_rows_asked_for()
    {
        using var data = new SampleData(generated.ParquetPath);
        Assert.Equal(GeneratedSampleFixture.Rows, data.Count("SELECT count(*) FROM models"));
        Assert.Equal(GeneratedSampleFixture.Rows, generated.Summary.Rows);
        Assert.Equal(GeneratedSampleFixture.Rows, generated.Summary.Cases.Values.Sum());
    }

    [Fact]
    public void Truth_file_has_the_documented_header()
    {
        var header = File.ReadLines(generated.Summary.TruthPath).First();
        Assert.Equal("id,relation,kind,case,family,depth,bases", header);
    }

    [Theory]
    [InlineData("data/sample/models.parquet", "data/sample/truth.csv")]
    [InlineData("bench/big.parquet", "bench/big.truth.csv")]
    [InlineData("x/Models.PARQUET", "x/truth.csv")]
    public void Truth_path_is_truth_csv_beside_models_parquet_else_name_dot_truth_csv(string parquet, string truth)
    {
        Assert.Equal(Path.GetFullPath(truth), SampleGenerator.TruthPathFor(parquet));
    }

    [Fact]
    public void Committed_truth_file_is_where_the_workbook_looks_for_it()
    {
        Assert.Equal(WorkbookPaths.SampleTruthPath, SampleGenerator.TruthPathFor(WorkbookPaths.SamplePath));
        Assert.True(File.Exists(WorkbookPaths.SampleTruthPath));
    }

    [Fact]
    public void Too_few_rows_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<ModelTreeException>(() => SampleGenerator.Write(Path.Combine(_dir, "tiny.parquet"), new SampleOptions { Rows = 10 }));
        Assert.Contains("--rows", e.Message);
    }

    [Fact]
    public void Command_refuses_to_overwrite_an_existing_file_without_force()
    {
        var path = Path.Combine(_dir, "models.parquet");
        File.WriteAllText(path, "keep me");
        var e = Assert.Throws<ModelTreeException>(() => SampleCommand.Create(Terminal.Standard())
            .Parse(["--rows", "200", "--out", path])
            .Invoke(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false }));
        Assert.Contains("--force", e.Message);
        Assert.Equal("keep me", File.ReadAllText(path));
    }
}

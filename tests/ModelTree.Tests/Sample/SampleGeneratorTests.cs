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

    /// <summary>The hub-stats columns no figure reads, which the generator adds after the hub schema's so rows weigh like real ones.</summary>
    private static readonly (string Name, string Type)[] UnreadColumns =
    [
        ("_id", "VARCHAR"), ("sha", "VARCHAR"), ("private", "BOOLEAN"), ("disabled", "BOOLEAN"), ("usedStorage", "BIGINT"),
        ("config", "VARCHAR"), ("spaces", "VARCHAR[]"), ("inference", "VARCHAR"),
        ("inferenceProviderMapping", "STRUCT(provider VARCHAR, providerId VARCHAR, status VARCHAR, task VARCHAR)[]"),
        ("widgetData", "STRUCT(\"text\" VARCHAR)[]"),
    ];

    [Fact]
    public void Columns_are_the_hub_schema_first_then_the_unread_ones()
    {
        using var data = new SampleData(generated.ParquetPath);
        var described = data.Rows("DESCRIBE models").Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        Assert.Equal(HubSchema.Columns.Select(c => (c.Name, c.Type)).ToList(), described.Take(HubSchema.Columns.Count).ToList());
        Assert.Equal(UnreadColumns.ToList(), described.Skip(HubSchema.Columns.Count).ToList());
    }

    [Fact]
    public void Unread_columns_have_the_hub_shapes()
    {
        using var data = new SampleData(generated.ParquetPath);
        var rows = data.Count("SELECT count(*) FROM models");
        Assert.Equal(rows, data.Count("SELECT count(*) FROM models WHERE regexp_full_match(_id, '[0-9a-f]{24}') AND regexp_full_match(sha, '[0-9a-f]{40}')"));
        Assert.Equal(rows, data.Count("SELECT count(DISTINCT _id) FROM models"));
        Assert.Equal(0, data.Count("SELECT count(*) FROM models WHERE private OR usedStorage IS NULL OR usedStorage <= 0 OR spaces IS NULL"));
        Assert.Equal(0, data.Count("SELECT count(*) FROM models WHERE config IS NOT NULL AND NOT json_valid(config)"));
        // A base's _id is the one its derivatives name in baseModels.models[]._id.
        const string Named = "SELECT count(*) FROM models m, unnest(m.baseModels.models) AS u(b) JOIN models base ON base.id = b.id";
        Assert.True(data.Count(Named) > 0);
        Assert.Equal(0, data.Count(Named + " WHERE base._id <> b._id"));
        Assert.True(data.Count("SELECT count(*) FROM models WHERE config IS NULL") > 0);
        Assert.True(data.Count("SELECT count(*) FROM models WHERE len(spaces) > 0") > 0);
        Assert.True(data.Count("SELECT count(*) FROM models WHERE len(widgetData) > 0") > 0);
        Assert.True(data.Count("SELECT count(*) FROM models WHERE inferenceProviderMapping IS NOT NULL") < rows / 20);
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

using System.Globalization;
using System.Text.Json;
using ModelTree.Data;
using ModelTree.Sample;
using ModelTree.Tests.Fixtures;
using Xunit.Abstractions;

namespace ModelTree.Tests.Sample;

/// <summary>
/// The committed sample's rows weigh like real rows, so that timings on a generated table of millions mean something.
/// The real figures are measured here from the real records of April 2025 (../shared/data/real: files per repository,
/// tags per model, characters of the card's front matter as JSON with its unset fields left out); the sample's with
/// SQL on its parquet. Bounds, and why:
/// <list type="bullet">
/// <item>files per repository: mean 12 to 40 and median 7 to 16 (real: about 25 and 11; the mean is pulled up by a
/// few huge repositories), and a tail: at least 0.3% of repositories past 100 files (real: 13 of 690);</item>
/// <item>tags per model: mean 8 to 14, median 6 to 12 (real: about 10 and 8);</item>
/// <item>card front matter: mean 250 to 900 characters, median 100 to 400 (real: about 540 and 150: most cards are
/// short, evaluation results make a long tail);</item>
/// <item>parquet bytes per row (zstd), like for like: the hub-schema columns of as many generated rows as there are
/// real records, written by the same COPY, weigh 0.8 to 1.25 times the real records' (measured: 183 against 176,
/// leaving out the one real repository with a 6,264-file .venv, which alone would add 70 bytes a row). The whole generated
/// file, with the columns no figure reads (<c>_id</c>, <c>sha</c>, <c>config</c>, <c>spaces</c>,
/// <c>inferenceProviderMapping</c>, ..., generator version 4), 180 to 460 bytes a row: about 200 measured; the full
/// hub-stats file weighs about 460, whose unread columns the real records do not carry, so their weight is not measured
/// here. Below 180 the unread columns are gone again.</item>
/// </list>
/// </summary>
public sealed class SampleWeightTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Bounds on a generated table's parquet bytes per row (see above): about 200 measured, the full hub-stats file about 460.</summary>
    private const double SampleLow = 180, SampleHigh = 460;

    private readonly SampleData _data = new(WorkbookPaths.SamplePath);

    public void Dispose() => _data.Dispose();

    private static List<JsonElement> RealRecords() =>
        TestPaths.RealRecordFiles.SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int CardChars(JsonElement card)
    {
        var fields = card.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value);
        return JsonSerializer.Serialize(fields).Length;
    }

    private (double Mean, double Median) Sample(string expression, string where = "true") =>
        (Convert.ToDouble(_data.Scalar($"SELECT avg({expression}) FROM models WHERE {where}"), CultureInfo.InvariantCulture),
         Convert.ToDouble(_data.Scalar($"SELECT median({expression}) FROM models WHERE {where}"), CultureInfo.InvariantCulture));

    [Fact]
    public void Files_per_repository_match_the_real_distribution_with_its_tail()
    {
        var real = RealRecords().Where(r => r.GetProperty("siblings").ValueKind == JsonValueKind.Array)
            .Select(r => (double)r.GetProperty("siblings").GetArrayLength()).ToList();
        var (mean, median) = Sample("len(siblings)", "siblings IS NOT NULL");
        var tail = _data.Count("SELECT count(*) FROM models WHERE len(siblings) > 100") / (double)_data.Count("SELECT count(*) FROM models");
        output.WriteLine($"files: real mean {real.Average():0.0} median {Median(real)}; sample mean {mean:0.0} median {median}, past 100: {tail:P2}");

        Assert.InRange(mean, 12, 40);
        Assert.InRange(median, 7, 16);
        Assert.True(tail >= 0.003, $"{tail:P2} of repositories past 100 files");
        Assert.True(real.Count(n => n > 100) > 0);
    }

    [Fact]
    public void Tags_per_model_match_the_real_distribution()
    {
        var real = RealRecords().Select(r => (double)r.GetProperty("tags").GetArrayLength()).ToList();
        var (mean, median) = Sample("len(tags)", "tags IS NOT NULL");
        output.WriteLine($"tags: real mean {real.Average():0.0} median {Median(real)}; sample mean {mean:0.0} median {median}");

        Assert.InRange(mean, 8, 14);
        Assert.InRange(median, 6, 12);
    }

    [Fact]
    public void Card_front_matter_matches_the_real_length_distribution()
    {
        var real = RealRecords().Where(r => r.GetProperty("cardData").ValueKind == JsonValueKind.Object)
            .Select(r => (double)CardChars(r.GetProperty("cardData"))).ToList();
        var (mean, median) = Sample("length(cardData)", "cardData IS NOT NULL");
        output.WriteLine($"card chars: real mean {real.Average():0} median {Median(real)}; sample mean {mean:0} median {median}");

        Assert.InRange(mean, 250, 900);
        Assert.InRange(median, 100, 400);
    }

    [Fact]
    public void Parquet_rows_are_not_several_times_lighter_than_real_ones()
    {
        var rows = _data.Count("SELECT count(*) FROM models");
        var perRow = new FileInfo(WorkbookPaths.SamplePath).Length / (double)rows;
        output.WriteLine($"parquet: {perRow:0} bytes a row over {rows:N0} rows");

        Assert.InRange(perRow, SampleLow, SampleHigh);
    }

    [Fact]
    public void Parquet_rows_weigh_near_real_ones()
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            var sample = Path.Combine(dir, "models.parquet");
            SampleGenerator.Write(sample, new SampleOptions { Rows = 20_000, Seed = 7 });
            var samplePerRow = new FileInfo(sample).Length / 20_000.0;
            output.WriteLine($"generated, every column: {samplePerRow:0} bytes a row (20,000 rows)");
            Assert.InRange(samplePerRow, SampleLow, SampleHigh);

            // Like for like: the hub-schema columns only, the same number of rows (zstd gains with the rows a page holds),
            // written by the same COPY. One real repository (tsakirogf/TestPlannerPhi2) ships a whole .venv, 6,264 files,
            // and alone makes up most of the real file lists' weight; repositories past 1,000 files are left out of both.
            var columns = string.Join(", ", HubSchema.Columns.Select(c => Sql.Identifier(c.Name)));
            const string Ordinary = "coalesce(len(siblings), 0) <= 1000";
            double PerRow(HubData hub, string path, string rows)
            {
                hub.Execute($"COPY (SELECT {columns} FROM models WHERE {Ordinary} {rows}) TO {Sql.Literal(path)} (FORMAT parquet, COMPRESSION zstd)");
                return new FileInfo(path).Length / (double)hub.Scalar<long>($"SELECT count(*) FROM read_parquet({Sql.Literal(path)})");
            }
            using var real = HubData.Open(Path.Combine(TestPaths.Shared, "data", "real"), new HubDataOptions { DatabasePath = ":memory:" });
            var n = real.Scalar<long>($"SELECT count(*) FROM models WHERE {Ordinary}");
            var realPerRow = PerRow(real, Path.Combine(dir, "real.parquet"), "");
            using var generated = HubData.Open(sample, new HubDataOptions { DatabasePath = ":memory:" });
            var generatedPerRow = PerRow(generated, Path.Combine(dir, "generated.parquet"), $"USING SAMPLE {n} ROWS (reservoir, 7)");
            output.WriteLine($"hub columns, {n} rows each: generated {generatedPerRow:0} bytes a row, real records {realPerRow:0}");

            Assert.InRange(generatedPerRow / realPerRow, 0.8, 1.25);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

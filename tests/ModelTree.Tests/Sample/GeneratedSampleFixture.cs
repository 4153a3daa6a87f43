using ModelTree.Sample;

namespace ModelTree.Tests.Sample;

/// <summary>A small sample (3,000 rows, seed 7) generated once for the tests that need a fresh one.</summary>
public sealed class GeneratedSampleFixture : IDisposable
{
    public const int Rows = 3_000;

    public GeneratedSampleFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "modeltree-sample-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        ParquetPath = Path.Combine(Directory, "models.parquet");
        Summary = SampleGenerator.Write(ParquetPath, new SampleOptions { Rows = Rows, Seed = 7 });
    }

    public string Directory { get; }

    public string ParquetPath { get; }

    public SampleSummary Summary { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

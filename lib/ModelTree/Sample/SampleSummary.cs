namespace ModelTree.Sample;

/// <summary>What <see cref="SampleGenerator.Write"/> made: the files, and counts taken from the ground truth.</summary>
public sealed class SampleSummary
{
    /// <summary>The parquet file written.</summary>
    public required string ParquetPath { get; init; }

    /// <summary>The ground-truth CSV written beside it.</summary>
    public required string TruthPath { get; init; }

    /// <summary>Rows written.</summary>
    public required int Rows { get; init; }

    /// <summary>Seed used.</summary>
    public required int Seed { get; init; }

    /// <summary>Size of the parquet file in bytes.</summary>
    public required long ParquetBytes { get; init; }

    /// <summary>Rows per intended Hub relation (the truth file's <c>relation</c>; "" for models with no base).</summary>
    public required IReadOnlyDictionary<string, int> Relations { get; init; }

    /// <summary>Rows per kind (what the repository really is).</summary>
    public required IReadOnlyDictionary<string, int> Kinds { get; init; }

    /// <summary>Rows per case (typical or the anomaly's name).</summary>
    public required IReadOnlyDictionary<string, int> Cases { get; init; }

    /// <summary>Wall time spent generating rows and loading them into DuckDB.</summary>
    public required TimeSpan GenerationTime { get; init; }

    /// <summary>Wall time DuckDB spent writing the parquet file.</summary>
    public required TimeSpan ParquetTime { get; init; }

    /// <summary>Wall time of the whole write.</summary>
    public required TimeSpan Elapsed { get; init; }
}

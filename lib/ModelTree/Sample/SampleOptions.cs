namespace ModelTree.Sample;

/// <summary>What <see cref="SampleGenerator"/> makes: how many rows, from which seed.</summary>
public sealed class SampleOptions
{
    /// <summary>Number of models (rows). The committed sample has 30,000.</summary>
    public int Rows { get; init; } = 30_000;

    /// <summary>Seed of the pseudo-random generator: the same rows and seed give the same content.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Rows per staged CSV batch file.</summary>
    public int BatchSize { get; init; } = 50_000;
}

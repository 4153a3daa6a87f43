namespace ModelTree.Workbook.Commands;

/// <summary>What <see cref="RuleBenchmark.Run"/> measured.</summary>
internal sealed record RuleBenchResult(
    long Rows,
    IReadOnlyDictionary<string, long> CompiledCounts,
    IReadOnlyDictionary<string, long> HandWrittenCounts,
    IReadOnlyList<RuleBenchRun> CompiledRuns,
    IReadOnlyList<RuleBenchRun> HandWrittenRuns)
{
    /// <summary>True when both queries counted the same models per label.</summary>
    public bool SameOutput => CompiledCounts.Count == HandWrittenCounts.Count
        && CompiledCounts.All(c => HandWrittenCounts.TryGetValue(c.Key, out var n) && n == c.Value);

    /// <summary>Median wall-clock seconds of the compiled rules.</summary>
    public double CompiledSeconds => BenchCommand.Median(CompiledRuns.Select(r => r.WallSeconds));

    /// <summary>Median wall-clock seconds of the hand-written query.</summary>
    public double HandWrittenSeconds => BenchCommand.Median(HandWrittenRuns.Select(r => r.WallSeconds));

    /// <summary>Median CPU seconds of the compiled rules.</summary>
    public double CompiledCpuSeconds => BenchCommand.Median(CompiledRuns.Select(r => r.CpuSeconds));

    /// <summary>Median CPU seconds of the hand-written query.</summary>
    public double HandWrittenCpuSeconds => BenchCommand.Median(HandWrittenRuns.Select(r => r.CpuSeconds));

    /// <summary>Models classified per second by the compiled rules (median run).</summary>
    public double RowsPerSecond => CompiledSeconds == 0 ? 0 : Rows / CompiledSeconds;

    /// <summary>Compiled time over hand-written time (wall clock, medians): below 1 means the compiled rules are faster.</summary>
    public double Ratio => HandWrittenSeconds == 0 ? 0 : CompiledSeconds / HandWrittenSeconds;

    /// <summary>The same ratio in CPU time, steadier than wall clock on a shared machine.</summary>
    public double CpuRatio => HandWrittenCpuSeconds == 0 ? 0 : CompiledCpuSeconds / HandWrittenCpuSeconds;
}

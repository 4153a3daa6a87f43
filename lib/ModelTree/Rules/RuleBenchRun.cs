namespace ModelTree.Rules;

/// <summary>One timed run of a query: wall-clock seconds and CPU seconds of this process.</summary>
public sealed record RuleBenchRun(double WallSeconds, double CpuSeconds);

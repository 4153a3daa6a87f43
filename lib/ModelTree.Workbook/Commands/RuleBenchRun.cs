namespace ModelTree.Workbook.Commands;

/// <summary>One timed run of a query: wall-clock seconds and CPU seconds of this process.</summary>
internal sealed record RuleBenchRun(double WallSeconds, double CpuSeconds);

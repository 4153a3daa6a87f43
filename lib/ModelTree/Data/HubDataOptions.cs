namespace ModelTree.Data;

/// <summary>How <see cref="HubData.Open"/> opens a dataset.</summary>
public sealed record HubDataOptions
{
    /// <summary>The DuckDB database that holds the <c>models</c> view. Default: the workbook's shared
    /// file (<see cref="WorkbookPaths.DatabasePath"/>), which a notebook's SQL cells connect to.
    /// <c>":memory:"</c> keeps everything in this process (tests).</summary>
    public string? DatabasePath { get; init; }
}

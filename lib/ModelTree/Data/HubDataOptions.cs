namespace ModelTree.Data;

/// <summary>How <see cref="HubData.Open"/> opens a dataset.</summary>
public sealed record HubDataOptions
{
    /// <summary>The DuckDB database that holds the <c>models</c> view. Default: the workbook's shared
    /// file (<see cref="WorkbookPaths.DatabasePath"/>), which a notebook's SQL cells connect to.
    /// <c>":memory:"</c> keeps everything in this process (tests).</summary>
    public string? DatabasePath { get; init; }

    /// <summary>
    /// DuckDB's memory limit for this database (DuckDB syntax: <c>"3GB"</c>, <c>"512MB"</c>). Default: the
    /// <c>MODELTREE_MEMORY_LIMIT</c> environment variable, else <see cref="DefaultMemoryLimit"/>. DuckDB's own default
    /// is 80% of the machine's memory; a lower limit makes large queries spill to disk (the database's <c>.tmp</c>
    /// folder beside it, or the system's temporary folder for <c>":memory:"</c>) instead of holding everything, so the
    /// whole workbook at Hub scale fits a 16 GB laptop beside the notebook process's own data.
    /// </summary>
    public string? MemoryLimit { get; init; }

    /// <summary>The memory limit used when neither <see cref="MemoryLimit"/> nor <c>MODELTREE_MEMORY_LIMIT</c> sets one.</summary>
    public const string DefaultMemoryLimit = "2GB";

    /// <summary>The environment variable that sets the memory limit of every dataset the workbook opens.</summary>
    public const string MemoryLimitVariable = "MODELTREE_MEMORY_LIMIT";
}

namespace ModelTree.Workbook.Runner;

/// <summary>How to run notebooks.</summary>
internal sealed record RunOptions
{
    /// <summary>The default <see cref="CellTimeout"/>: long enough for the study's slowest query on the full Hub.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The dataset every notebook opens (sets MODELTREE_DATA while running); null leaves the environment as it is.</summary>
    public string? DataPath { get; init; }

    /// <summary>Where outputs go (sets MODELTREE_OUT while running); null leaves the environment as it is.</summary>
    public string? OutputDir { get; init; }

    /// <summary>Rows a SQL result table shows.</summary>
    public int SqlMaxRows { get; init; } = 200;

    /// <summary>How long one cell may run before the notebook is stopped.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>How many notebooks the whole workbook has, so that a report of some of them can say so; null if unknown.</summary>
    public int? WorkbookSize { get; init; }

    /// <summary>Told when a cell starts and ends.</summary>
    public IProgress<CellProgress>? Progress { get; init; }
}

/// <summary>Progress of a run: <paramref name="Finished"/> is false when the cell starts, true when it ends.</summary>
internal sealed record CellProgress(NotebookDocument Notebook, NotebookCell Cell, bool Finished, bool Failed = false);

namespace ModelTree.Workbook.Runner;

/// <summary>A cell after the run: its outputs, and its execution count if it ran.</summary>
public sealed record CellRun(NotebookCell Cell, IReadOnlyList<CellOutput> Outputs, int? ExecutionCount, TimeSpan Elapsed)
{
    /// <summary>Whether the cell was executed (markdown, and cells after a failure, are not).</summary>
    public bool Executed => ExecutionCount is not null;
}

namespace ModelTree.Workbook.Runner;

/// <summary>A notebook after a run: every cell with its outputs, and the failure if one stopped it.</summary>
public sealed record NotebookRun(NotebookDocument Notebook, IReadOnlyList<CellRun> Cells, CellFailure? Failure, TimeSpan Elapsed)
{
    public NotebookStatus Status => Failure is null ? NotebookStatus.Passed : NotebookStatus.Failed;

    /// <summary>Cells that were executed.</summary>
    public int ExecutedCells => Cells.Count(c => c.Executed);
}

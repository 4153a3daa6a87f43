namespace ModelTree.Workbook.Runner;

/// <summary>A notebook after a run: every cell with its outputs, and the failure if one stopped it.</summary>
internal sealed record NotebookRun(NotebookDocument Notebook, IReadOnlyList<CellRun> Cells, CellFailure? Failure, TimeSpan Elapsed)
{
    public NotebookStatus Status => Failure is null ? NotebookStatus.Passed : NotebookStatus.Failed;

    /// <summary>The cell with this 1-based number (counting every cell, as messages do).</summary>
    public CellRun Cell(int number) => Cells[number - 1];

    /// <summary>Cells that were executed.</summary>
    public int ExecutedCells => Cells.Count(c => c.Executed);
}

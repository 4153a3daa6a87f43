namespace ModelTree.Workbook.Runner;

/// <summary>The cell that stopped a notebook, and why.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="CellNumber">1-based, counting every cell.</param>
/// <param name="FirstLine">The cell's first non-blank line.</param>
/// <param name="Message">The error: compile diagnostics with line numbers, the exception's type and message, or the directive problem.</param>
public sealed record CellFailure(string Notebook, int CellNumber, string FirstLine, string Message)
{
    public override string ToString() => $"{Notebook}, cell {CellNumber} ({FirstLine}): {Message}";
}

namespace ModelTree.Workbook.Runner;

/// <summary>The cell that stopped a notebook, and why.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="CellNumber">1-based, counting every cell.</param>
/// <param name="FirstLine">The cell's first non-blank line.</param>
/// <param name="Message">The error: compile diagnostics with line numbers, the exception's type and message, or the kernel's complaint.</param>
/// <param name="Kind">Whether the cell failed, ran out of time, or the run was cancelled.</param>
internal sealed record CellFailure(string Notebook, int CellNumber, string FirstLine, string Message, FailureKind Kind = FailureKind.Error)
{
    public override string ToString() => $"{Notebook}, cell {CellNumber} ({FirstLine}): {Message}";
}

/// <summary>Why a cell stopped its notebook.</summary>
internal enum FailureKind
{
    /// <summary>The kernel reported a failure: compile error, exception, unknown directive or kernel.</summary>
    Error,

    /// <summary>The cell ran longer than the cell timeout.</summary>
    TimedOut,

    /// <summary>The run was cancelled (Ctrl-C) while the cell ran.</summary>
    Cancelled,
}

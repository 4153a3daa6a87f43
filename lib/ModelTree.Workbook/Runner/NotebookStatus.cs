namespace ModelTree.Workbook.Runner;

/// <summary>How a notebook run ended.</summary>
internal enum NotebookStatus
{
    /// <summary>Every cell ran.</summary>
    Passed,

    /// <summary>A cell failed; later cells did not run.</summary>
    Failed,
}

namespace ModelTree.Workbook.Runner;

/// <summary>A run of several notebooks: each notebook's run, the executed notebooks and the report written.</summary>
internal sealed record WorkbookRun(IReadOnlyList<NotebookRun> Notebooks, IReadOnlyList<string> NotebookFiles, string ReportPath)
{
    /// <summary>Why the run stopped before its last notebook (Ctrl-C), or null.</summary>
    public string? StoppedBy { get; init; }

    /// <summary>The earlier run whose files this run replaced, if any.</summary>
    public OutputFolder.Previous? Replaced { get; init; }

    /// <summary>Whether every notebook ran to the end.</summary>
    public bool Passed => StoppedBy is null && Notebooks.All(n => n.Status == NotebookStatus.Passed);
}

/// <summary>What a report covers: how many notebooks the run was asked for, how many the workbook has, and why it stopped early.</summary>
internal sealed record ReportScope(int Planned, int? WorkbookSize, string? StoppedBy);

namespace ModelTree.Workbook.Runner;

/// <summary>A run of several notebooks: each notebook's run, the executed notebooks and the report written.</summary>
public sealed record WorkbookRun(IReadOnlyList<NotebookRun> Notebooks, IReadOnlyList<string> NotebookFiles, string ReportPath)
{
    /// <summary>Whether every notebook ran to the end.</summary>
    public bool Passed => Notebooks.All(n => n.Status == NotebookStatus.Passed);
}

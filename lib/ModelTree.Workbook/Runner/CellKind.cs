namespace ModelTree.Workbook.Runner;

/// <summary>The nbformat cell types.</summary>
public enum CellKind
{
    Markdown,
    Code,
    Raw,
}

namespace ModelTree.Workbook.Runner;

/// <summary>The nbformat cell types.</summary>
internal enum CellKind
{
    Markdown,
    Code,
    Raw,
}

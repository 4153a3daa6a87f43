using System.Text.Json.Nodes;

namespace ModelTree.Workbook.Runner;

/// <summary>One cell of a notebook as read from the .ipynb.</summary>
/// <param name="Number">1-based position among all the notebook's cells (markdown included).</param>
/// <param name="Kind">Markdown, code or raw.</param>
/// <param name="Kernel">The kernel that runs it: the cell's Polyglot metadata, its first-line <c>#!kernel</c>, or the notebook default.</param>
/// <param name="Source">The cell's text, lines joined with \n.</param>
/// <param name="Json">The cell's JSON as read (metadata kept so writing back preserves it).</param>
internal sealed record NotebookCell(int Number, CellKind Kind, string Kernel, string Source, JsonObject Json)
{
    /// <summary>The first non-blank line, for messages.</summary>
    public string FirstLine =>
        Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}

using System.Text.Json.Nodes;

namespace ModelTree.Tests.Engine;

/// <summary>The code cells of an .ipynb, read with System.Text.Json: number (counting every cell), kernel name, code.</summary>
public static class NotebookCells
{
    public static IEnumerable<(int Number, string Kernel, string Code)> Read(string path)
    {
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!;
            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }
            var source = cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
            var kernel = (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] ?? "csharp";
            yield return (i + 1, kernel, source);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// A Polyglot notebook read from disk with the real .NET Interactive Documents parser (the one the VS Code
/// extension's kernel uses), so each cell's kernel is the one Polyglot would send it to. The JSON it came from
/// is kept so that writing it back preserves every piece of metadata.
/// </summary>
internal sealed class NotebookDocument
{
    private NotebookDocument(string path, JsonObject json, string defaultKernel, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Json = json;
        DefaultKernel = defaultKernel;
        Cells = cells;
    }

    /// <summary>Where the notebook was read from (full path).</summary>
    public string Path { get; }

    /// <summary>The notebook file name without folder, for messages.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The folder that relative paths in the notebook are resolved against.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The notebook's JSON as read.</summary>
    public JsonObject Json { get; }

    /// <summary><c>polyglot_notebook.kernelInfo.defaultKernelName</c>, or <c>csharp</c>.</summary>
    public string DefaultKernel { get; }

    /// <summary>The cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The first markdown heading, or the file name without extension.</summary>
    public string Title =>
        Cells.Where(c => c.Kind == CellKind.Markdown)
            .SelectMany(c => c.Source.Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith('#'))
            .Select(l => l.TrimStart('#').Trim())
            .FirstOrDefault(l => l.Length > 0)
        ?? System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads and parses the notebook at <paramref name="path"/>.</summary>
    public static NotebookDocument Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ModelTreeException($"Notebook '{path}' does not exist.");
        }
        return Parse(File.ReadAllText(full), full);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> names it in messages and anchors relative paths.</summary>
    public static NotebookDocument Parse(string json, string path)
    {
        var name = System.IO.Path.GetFileName(path);
        JsonObject root;
        InteractiveDocument document;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new ModelTreeException($"Notebook '{name}' is not a JSON object.");
            if (root["nbformat"] is JsonValue format && format.GetValueKind() == JsonValueKind.Number && format.GetValue<int>() != 4)
            {
                throw new ModelTreeException($"Notebook '{name}' is nbformat {format}; the workbook reads nbformat 4.");
            }
            document = Notebook.Parse(json, KernelInfos(root));
        }
        catch (JsonException e)
        {
            throw new ModelTreeException($"Notebook '{name}' is not a valid .ipynb notebook: {e.Message}", e);
        }

        var jsonCells = root["cells"] as JsonArray ?? [];
        if (jsonCells.Count != document.Elements.Count)
        {
            throw new ModelTreeException($"Notebook '{name}': {jsonCells.Count} cells in the file but {document.Elements.Count} parsed; is a cell not a JSON object?");
        }
        var cells = document.Elements.Select((element, i) => ToCell(i + 1, element, jsonCells[i] as JsonObject
            ?? throw new ModelTreeException($"Notebook '{name}', cell {i + 1}: not a JSON object."))).ToList();
        var defaultKernel = document.GetDefaultKernelName() ?? Engine.WorkbookKernel.CSharp;
        return new NotebookDocument(System.IO.Path.GetFullPath(path), root, defaultKernel, cells);
    }

    // The kernels a cell may name, as the extension knows them: the workbook kernel's own (csharp) and those the
    // notebook declares in its metadata (its SQL kernels), so that a first-line #!hub routes to hub.
    private static KernelInfoCollection KernelInfos(JsonObject root)
    {
        var kernels = new KernelInfoCollection { new KernelInfo(Engine.WorkbookKernel.CSharp, "C#", ["c#", "C#"]) };
        var info = root["metadata"]?["polyglot_notebook"]?["kernelInfo"];
        foreach (var item in (info?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (item["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String && !kernels.Contains(name.GetValue<string>()))
            {
                var aliases = (item["aliases"] as JsonArray ?? []).OfType<JsonValue>()
                    .Where(a => a.GetValueKind() == JsonValueKind.String).Select(a => a.GetValue<string>()).ToArray();
                kernels.Add(new KernelInfo(name.GetValue<string>(), item["languageName"]?.ToString(), aliases));
            }
        }
        if (info?["defaultKernelName"] is JsonValue defaultName && defaultName.GetValueKind() == JsonValueKind.String)
        {
            kernels.DefaultKernelName = defaultName.GetValue<string>();
        }
        return kernels;
    }

    private static NotebookCell ToCell(int number, InteractiveDocumentElement element, JsonObject json)
    {
        var type = json["cell_type"]?.GetValue<string>();
        var kind = type switch
        {
            "markdown" => CellKind.Markdown,
            "code" => CellKind.Code,
            _ => CellKind.Raw,
        };
        var source = element.Contents.Replace("\r\n", "\n");
        return new NotebookCell(number, kind, element.KernelName ?? Engine.WorkbookKernel.CSharp, source, json);
    }

    /// <summary>An nbformat multi-line string (a string or an array of strings) as one string.</summary>
    public static string MultilineText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => node.GetValue<string>(),
    };
}

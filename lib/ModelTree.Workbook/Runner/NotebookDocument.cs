using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// A Polyglot notebook (nbformat 4) read from disk: its cells with their kernels, and the JSON it came
/// from so that writing it back keeps every piece of metadata the runner does not know about.
/// </summary>
public sealed class NotebookDocument
{
    /// <summary>The C# kernel's name in Polyglot notebooks.</summary>
    public const string CSharpKernel = "csharp";

    private NotebookDocument(string path, JsonObject json, string defaultKernel,
        IReadOnlyDictionary<string, string> kernelNames, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Json = json;
        DefaultKernel = defaultKernel;
        KernelNames = kernelNames;
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

    /// <summary>Every kernel name and alias the notebook declares, mapped to the kernel's name.</summary>
    public IReadOnlyDictionary<string, string> KernelNames { get; }

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
        try
        {
            root = JsonNode.Parse(json) as JsonObject
                ?? throw new ModelTreeException($"Notebook '{name}' is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ModelTreeException($"Notebook '{name}' is not valid JSON: {e.Message}", e);
        }
        if (root["nbformat"]?.GetValueKind() == JsonValueKind.Number && root["nbformat"]!.GetValue<int>() != 4)
        {
            throw new ModelTreeException($"Notebook '{name}' is nbformat {root["nbformat"]}; the runner reads nbformat 4.");
        }

        var kernelInfo = root["metadata"]?["polyglot_notebook"]?["kernelInfo"];
        var defaultKernel = Text(kernelInfo?["defaultKernelName"]) ?? CSharpKernel;
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CSharpKernel] = CSharpKernel,
            ["c#"] = CSharpKernel,
            ["C#"] = CSharpKernel,
        };
        if (kernelInfo?["items"] is JsonArray items)
        {
            foreach (var item in items.OfType<JsonObject>())
            {
                if (Text(item["name"]) is not { } kernel)
                {
                    continue;
                }
                names.TryAdd(kernel, kernel);
                if (item["aliases"] is JsonArray aliases)
                {
                    foreach (var alias in aliases.Select(Text).OfType<string>())
                    {
                        names.TryAdd(alias, kernel);
                    }
                }
            }
        }
        defaultKernel = names.GetValueOrDefault(defaultKernel, defaultKernel);

        var cells = new List<NotebookCell>();
        if (root["cells"] is JsonArray cellArray)
        {
            foreach (var node in cellArray)
            {
                if (node is not JsonObject cell)
                {
                    throw new ModelTreeException($"Notebook '{name}', cell {cells.Count + 1}: not a JSON object.");
                }
                cells.Add(ReadCell(cells.Count + 1, cell, defaultKernel, names));
            }
        }
        return new NotebookDocument(System.IO.Path.GetFullPath(path), root, defaultKernel, names, cells);
    }

    /// <summary>An nbformat multi-line string (a string or an array of strings) as one string.</summary>
    public static string MultilineText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => Text(l) ?? "")),
        _ => Text(node) ?? "",
    };

    private static NotebookCell ReadCell(int number, JsonObject cell, string defaultKernel, Dictionary<string, string> names)
    {
        var kind = Text(cell["cell_type"]) switch
        {
            "markdown" => CellKind.Markdown,
            "code" => CellKind.Code,
            _ => CellKind.Raw,
        };
        var source = MultilineText(cell["source"]).Replace("\r\n", "\n");
        var kernel = Text(cell["metadata"]?["polyglot_notebook"]?["kernelName"])
            ?? Text(cell["metadata"]?["dotnet_interactive"]?["language"])
            ?? defaultKernel;
        var firstLine = source.Split('\n')[0].Trim();
        if (firstLine.StartsWith("#!", StringComparison.Ordinal) && names.ContainsKey(firstLine[2..]))
        {
            kernel = firstLine[2..];
        }
        kernel = names.GetValueOrDefault(kernel, kernel);
        return new NotebookCell(number, kind, kernel, source, cell);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

using System.Text.Json.Nodes;

namespace ModelTree.Tests.Runner;

/// <summary>Builds Polyglot .ipynb files for tests: cells with their kernel metadata, and the notebook's kernel list.</summary>
public sealed class NotebookBuilder
{
    private readonly JsonArray cells = [];
    private readonly List<(string Name, string Language)> kernels = [("csharp", "C#")];

    /// <summary>The first line most C# notebooks start with: the packages, the Polyglot way.</summary>
    public const string Packages = """
        #r "nuget: DuckDB.NET.Data.Full, 1.5.6.1"
        #r "nuget: Microsoft.Data.Analysis, 0.23.1"
        #r "nuget: Plotly.NET, 6.0.0"
        #r "nuget: Plotly.NET.Interactive, 6.0.0"
        #r "nuget: Microsoft.DotNet.Interactive.DuckDB, *-*"
        """;

    public NotebookBuilder Markdown(string source)
    {
        cells.Add(new JsonObject
        {
            ["cell_type"] = "markdown",
            ["metadata"] = new JsonObject(),
            ["source"] = Lines(source),
        });
        return this;
    }

    public NotebookBuilder CSharp(string source) => Code("csharp", source);

    /// <summary>A SQL cell for the kernel <paramref name="kernel"/>, which is also declared in the notebook's kernel list.</summary>
    public NotebookBuilder Sql(string kernel, string source)
    {
        if (!kernels.Any(k => k.Name == kernel))
        {
            kernels.Add((kernel, "sql"));
        }
        return Code(kernel, source);
    }

    /// <summary>A code cell with <c>metadata.polyglot_notebook.kernelName</c> = <paramref name="kernel"/>.</summary>
    public NotebookBuilder Code(string kernel, string source)
    {
        cells.Add(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject
            {
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel },
                ["test_marker"] = "kept",
            },
            ["outputs"] = new JsonArray(),
            ["source"] = Lines(source),
        });
        return this;
    }

    /// <summary>A code cell with a raw JSON cell (for metadata variants).</summary>
    public NotebookBuilder Raw(JsonObject cell)
    {
        cells.Add(cell);
        return this;
    }

    public JsonObject ToJson() => new()
    {
        ["cells"] = cells.DeepClone(),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            ["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject
                {
                    ["defaultKernelName"] = "csharp",
                    ["items"] = new JsonArray(kernels.Select(k => (JsonNode?)new JsonObject
                    {
                        ["aliases"] = new JsonArray(),
                        ["languageName"] = k.Language,
                        ["name"] = k.Name,
                    }).ToArray()),
                },
            },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 2,
    };

    /// <summary>Writes the notebook as <paramref name="fileName"/> in <paramref name="folder"/>; returns its path.</summary>
    public string WriteTo(string folder, string fileName)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, ToJson().ToJsonString());
        return path;
    }

    private static JsonArray Lines(string source)
    {
        var lines = new JsonArray();
        var parts = source.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < parts.Length; i++)
        {
            lines.Add(i < parts.Length - 1 ? parts[i] + "\n" : parts[i]);
        }
        return lines;
    }
}

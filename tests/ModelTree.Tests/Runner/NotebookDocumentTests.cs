using System.Text.Json.Nodes;
using ModelTree.Tests.Fixtures;
using ModelTree.Workbook.Runner;

namespace ModelTree.Tests.Runner;

public sealed class NotebookDocumentTests
{
    private static JsonObject CodeCell(string source, JsonObject metadata) => new()
    {
        ["cell_type"] = "code",
        ["metadata"] = metadata,
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    [Fact]
    public void Cell_kernel_comes_from_polyglot_metadata_then_dotnet_interactive_else_csharp_as_the_documents_parser_reads_it()
    {
        var json = new NotebookBuilder()
            .Sql("hub", "select 1;")
            .Raw(CodeCell("1 + 1", new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = "hub" } }))
            .Raw(CodeCell("1 + 1", new JsonObject()))
            .ToJson();
        json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"] = "hub";

        var notebook = NotebookDocument.Parse(json.ToJsonString(), "/tmp/x.ipynb");

        // A code cell with no kernel metadata is C# to the real parser, whatever the notebook's default says.
        Assert.Equal(["hub", "hub", "csharp"], notebook.Cells.Select(c => c.Kernel));
    }

    [Fact]
    public void A_first_line_kernel_switch_sets_the_cell_kernel_and_aliases_map_to_the_kernel_name()
    {
        var json = new NotebookBuilder()
            .Sql("hub", "#!csharp\nvar x = 1;")
            .CSharp("#!C#\nvar y = 1;")
            .CSharp("#!hub\nselect 1;")
            .ToJson();

        var notebook = NotebookDocument.Parse(json.ToJsonString(), "/tmp/x.ipynb");

        Assert.Equal(["csharp", "csharp", "hub"], notebook.Cells.Select(c => c.Kernel));
    }

    [Fact]
    public void Cells_are_numbered_from_one_counting_markdown_and_sources_are_joined()
    {
        var notebook = NotebookDocument.Parse(new NotebookBuilder()
            .Markdown("# The data\n\nA tour.")
            .CSharp("var a = 1;\nvar b = 2;")
            .ToJson().ToJsonString(), "/tmp/00-data.ipynb");

        Assert.Equal([1, 2], notebook.Cells.Select(c => c.Number));
        Assert.Equal([CellKind.Markdown, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("var a = 1;\nvar b = 2;", notebook.Cells[1].Source);
        Assert.Equal("var a = 1;", notebook.Cells[1].FirstLine);
        Assert.Equal("The data", notebook.Title);
        Assert.Equal("/tmp", notebook.Folder);
    }

    [Fact]
    public void Invalid_json_fails_naming_the_notebook()
    {
        var e = Assert.Throws<ModelTreeException>(() => NotebookDocument.Parse("{ not json", "/tmp/broken.ipynb"));

        Assert.Contains("broken.ipynb", e.Message);
    }

    public static TheoryData<string> ShippedNotebooks =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "notebooks"), "*.ipynb").Select(p => Path.GetFileName(p)).Order()];

    [Theory]
    [MemberData(nameof(ShippedNotebooks))]
    public void Each_shipped_notebook_imports_the_library_with_the_one_using_ModelTree(string name)
    {
        var notebook = NotebookDocument.Load(Path.Combine(TestPaths.RepoRoot, "notebooks", name));

        var usings = notebook.Cells
            .Where(c => c.Kernel == "csharp")
            .SelectMany(c => c.Source.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("using ", StringComparison.Ordinal) && line.EndsWith(';'));

        Assert.Equal(["using ModelTree;"], usings);
    }
}

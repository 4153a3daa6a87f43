using System.Text.Json.Nodes;
using ModelTree.Workbook.Runner;

namespace ModelTree.Tests.Runner;

[Collection(RunnerCollection.Name)]
public sealed class NotebookWriterTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task The_written_notebook_has_polyglot_output_types_execution_counts_and_the_original_metadata()
    {
        var path = new NotebookBuilder()
            .Markdown("# Outputs")
            .CSharp(NotebookBuilder.Packages + "\n#!connect duckdb --kernel-name hub --connection-string \"Data Source=:memory:\"")
            .CSharp("Console.WriteLine(\"out\");\ndisplay(1);\n\"result\"")
            .Sql("hub", "select 'a' as x;")
            .CSharp("throw new Exception(\"stop\");")
            .CSharp("1")
            .WriteTo(temp.Path, "01-outputs.ipynb");
        var run = await NotebookRunner.RunAsync(path);

        var written = NotebookWriter.Write(run, temp.Combine("out", "notebooks", "01-outputs.ipynb"));
        var json = JsonNode.Parse(File.ReadAllText(written))!.AsObject();

        var original = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.True(JsonNode.DeepEquals(original["metadata"], json["metadata"]));
        var cells = json["cells"]!.AsArray();
        Assert.Equal(6, cells.Count);
        Assert.Equal("hub", (string?)cells[3]!["metadata"]!["polyglot_notebook"]!["kernelName"]);
        Assert.Equal("kept", (string?)cells[3]!["metadata"]!["test_marker"]);
        Assert.False(cells[0]!.AsObject().ContainsKey("outputs"));

        Assert.Equal([1, 2, 3, 4], cells.Skip(1).Take(4).Select(c => (int?)c!["execution_count"]));
        Assert.Null(cells[5]!["execution_count"]);
        foreach (var executed in cells.Skip(1).Take(4))
        {
            // Timed as nbclient times a cell: received, then replied, in ISO 8601 UTC.
            var timing = executed!["metadata"]!["execution"]!;
            var input = DateTimeOffset.Parse((string)timing["iopub.execute_input"]!, System.Globalization.CultureInfo.InvariantCulture);
            var reply = DateTimeOffset.Parse((string)timing["shell.execute_reply"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(input <= reply);
            Assert.EndsWith("Z", (string)timing["shell.execute_reply"]!);
        }
        Assert.Null(cells[5]!["metadata"]!["execution"]);
        Assert.Empty(cells[5]!["outputs"]!.AsArray());

        var outputs = cells[2]!["outputs"]!.AsArray();
        // VS Code with Polyglot saves a cell's return value as display_data too.
        Assert.Equal(["stream", "display_data", "display_data"], outputs.Select(o => (string?)o!["output_type"]));
        Assert.Equal("stdout", (string?)outputs[0]!["name"]);
        Assert.Equal("out\n", string.Concat(outputs[0]!["text"]!.AsArray().Select(l => (string?)l)));
        Assert.NotNull(outputs[1]!["data"]!["text/html"]);
        Assert.Equal("1", string.Concat(outputs[1]!["data"]!["text/plain"]!.AsArray().Select(l => (string?)l)));
        Assert.Equal("result", string.Concat(outputs[2]!["data"]!["text/plain"]!.AsArray().Select(l => (string?)l)));

        var table = Assert.Single(cells[3]!["outputs"]!.AsArray())!;
        Assert.Equal("display_data", (string?)table["output_type"]);
        Assert.Contains("<td>a</td>", string.Concat(table["data"]!["text/html"]!.AsArray().Select(l => (string?)l)));

        var error = Assert.Single(cells[4]!["outputs"]!.AsArray())!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("stop", (string?)error["evalue"]);
        Assert.NotEmpty(error["traceback"]!.AsArray());
    }

    [Fact]
    public void Multiline_text_is_written_as_lines_that_keep_their_newlines()
    {
        var lines = NotebookWriter.Lines("a\nb\n\nc");

        Assert.Equal(["a\n", "b\n", "\n", "c"], lines.Select(l => (string?)l));
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;
using ModelTree.Workbook.Commands;

namespace ModelTree.Tests.Runner;

[Collection(RunnerCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static Task<int> Invoke(params string[] args) => CommandLine.InvokeAsync(new RootCommand { RunCommand.Create(Terminal.Standard()) }, args);

    [Fact]
    public async Task Run_with_data_makes_the_dataset_visible_to_cells_and_writes_outputs_under_out()
    {
        var data = temp.Combine("data", "models.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        File.WriteAllText(data, "placeholder");
        var notebook = new NotebookBuilder()
            .CSharp("Environment.GetEnvironmentVariable(\"MODELTREE_DATA\")")
            .CSharp("Environment.GetEnvironmentVariable(\"MODELTREE_OUT\")")
            .WriteTo(temp.Combine("notebooks"), "00-data.ipynb");

        var exit = await Invoke("run", notebook, "--data", data, "--out", temp.Combine("out"));

        Assert.Equal(0, exit);
        var written = JsonNode.Parse(File.ReadAllText(temp.Combine("out", "notebooks", "00-data.ipynb")))!;
        string Plain(int cell) => string.Concat(written["cells"]![cell]!["outputs"]![0]!["data"]!["text/plain"]!.AsArray().Select(l => (string?)l));
        Assert.Equal(data, Plain(0));
        Assert.Equal(temp.Combine("out"), Plain(1));
        Assert.True(File.Exists(temp.Combine("out", "report.html")));
    }

    [Fact]
    public async Task Run_exits_1_when_a_cell_fails_and_still_writes_the_partial_notebook()
    {
        var notebook = new NotebookBuilder().CSharp("var x = 1;").CSharp("#!whatever").WriteTo(temp.Combine("notebooks"), "01-bad.ipynb");

        var exit = await Invoke("run", notebook, "--out", temp.Combine("out"));

        Assert.Equal(1, exit);
        var written = JsonNode.Parse(File.ReadAllText(temp.Combine("out", "notebooks", "01-bad.ipynb")))!;
        Assert.Equal("error", (string?)written["cells"]![1]!["outputs"]![0]!["output_type"]);
    }

    [Fact]
    public async Task Run_with_a_missing_data_file_exits_1_without_running()
    {
        var notebook = new NotebookBuilder().CSharp("1").WriteTo(temp.Combine("notebooks"), "00.ipynb");

        var exit = await Invoke("run", notebook, "--data", temp.Combine("nope.parquet"), "--out", temp.Combine("out"));

        Assert.Equal(1, exit);
        Assert.False(Directory.Exists(temp.Combine("out", "notebooks")));
    }
}

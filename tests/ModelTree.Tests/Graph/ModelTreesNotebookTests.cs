using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using ModelTree.Tests.Fixtures;
using ModelTree.Workbook.Runner;

namespace ModelTree.Tests.Graph;

/// <summary>notebooks/07-model-trees.ipynb executed by the runner, its exports checked against the data read here.</summary>
[Collection("Notebooks")]
public sealed class ModelTreesNotebookTests : IDisposable
{
    private readonly string _out = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private async Task<NotebookRun> Run(string data)
    {
        var run = await NotebookRunner.RunAsync(Path.Combine(TestPaths.RepoRoot, "notebooks", "07-model-trees.ipynb"),
            new RunOptions { DataPath = data, OutputDir = _out });
        Assert.True(run.Failure is null, $"07-model-trees on {Path.GetFileName(data)}: {run.Failure}");
        return run;
    }

    [Fact]
    public async Task Runs_on_the_sample_and_exports_the_largest_family_of_the_truth()
    {
        var sample = Path.Combine(TestPaths.RepoRoot, "data", "sample", "models.parquet");
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT family, count(*) FROM read_csv('{Path.Combine(TestPaths.RepoRoot, "data", "sample", "truth.csv")}', header = true, all_varchar = true) " +
            "GROUP BY family ORDER BY 2 DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        reader.Read();
        var (family, size) = (reader.GetString(0), reader.GetInt64(1));

        var run = await Run(sample);

        Assert.Equal(run.Cells.Count(c => c.Cell.Kind == CellKind.Code), run.ExecutedCells);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_out, "07-family.json")))!;
        Assert.Equal(family, (string?)json["root"]);
        Assert.Equal(size, (long)json["models"]!);
        var edges = File.ReadAllLines(Path.Combine(_out, "07-family-edges.csv"));
        Assert.Equal("child,base,relation,source", edges[0]);
        Assert.True(File.Exists(Path.Combine(_out, "07-family.graphml")));
    }

    [Fact]
    public async Task Runs_on_the_real_records_and_walks_their_only_family()
    {
        var lines = File.ReadLines(TestPaths.MistralFamily).Count(l => l.Trim().Length > 0);

        await Run(TestPaths.MistralFamily);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_out, "07-family.json")))!;
        Assert.Equal("mistralai/Mistral-Small-24B-Base-2501", (string?)json["root"]);
        Assert.Equal(lines, (int)json["models"]!);
    }
}

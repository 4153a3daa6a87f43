using ModelTree.Data;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Runner;
using ModelTree.Workbook.Runner;

namespace ModelTree.Tests.Notebooks;

/// <summary>notebooks/06-rules.ipynb runs on the sample, and its key figures are the data's.</summary>
[Collection(RunnerCollection.Name)]
public sealed class RulesNotebookTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string Output(NotebookRun run, string codeFragment) =>
        run.Cells.Single(c => c.Cell.Source.Contains(codeFragment, StringComparison.Ordinal)).Text;

    [Fact]
    public async Task Rules_notebook_runs_on_the_sample_and_shows_the_data_figures()
    {
        var notebook = Path.Combine(TestPaths.RepoRoot, "notebooks", "06-rules.ipynb");

        var run = await NotebookRunner.RunAsync(notebook, new RunOptions { DataPath = WorkbookPaths.SamplePath, OutputDir = temp.Path });

        Assert.True(run.Status == NotebookStatus.Passed, run.Failure?.ToString());
        using var hub = HubData.Open(WorkbookPaths.SamplePath, new HubDataOptions { DatabasePath = ":memory:" });
        var rows = hub.Count();
        var hubLabelled = hub.Scalar<long>("SELECT count(*) FROM models WHERE baseModels.relation IS NOT NULL");
        Assert.Contains($"SQL and C# agree on all {rows} models", Output(run, "CrossCheck"));
        Assert.Contains($"the Hub to {hubLabelled:N0}", Output(run, "result.Coverage"));
        Assert.Contains("heatmap", run.Cells.Single(c => c.Cell.Source.Contains("RuleCharts.Confusion")).Html);
        Assert.Contains("read back unchanged", Output(run, "RuleFile.Save"));
        Assert.True(File.Exists(Path.Combine(temp.Path, "peft-only-rules.json")));
    }
}

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

    [Fact]
    public async Task Rules_notebook_scores_both_rule_sets_on_the_real_records_whatever_data_it_runs_on()
    {
        var notebook = Path.Combine(TestPaths.RepoRoot, "notebooks", "06-rules.ipynb");
        // Counted from the shipped files: every record whose Hub tags give it a relation.
        var labelled = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "data", "real"), "*.jsonl").SelectMany(File.ReadLines)
            .Count(line => line.Contains("\"base_model:finetune:", StringComparison.Ordinal) || line.Contains("\"base_model:adapter:", StringComparison.Ordinal)
                || line.Contains("\"base_model:quantized:", StringComparison.Ordinal) || line.Contains("\"base_model:merge:", StringComparison.Ordinal));

        var run = await NotebookRunner.RunAsync(notebook, new RunOptions { DataPath = WorkbookPaths.SamplePath, OutputDir = temp.Path });

        Assert.True(run.Status == NotebookStatus.Passed, run.Failure?.ToString());
        var board = Output(run, "RuleScoreboard.Score");
        Assert.Contains("refit-2025-04: accuracy (real records, April 2025)", board);
        Assert.Contains("study-2026: accuracy (real records, April 2025)", board);
        Assert.Contains($"of {labelled:N0})", board);
        Assert.Contains("synthetic sample", Output(run, "result.ToString()"));
    }
}

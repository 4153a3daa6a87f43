using ModelTree.Tests.Fixtures;
using ModelTree.Workbook.Runner;

namespace ModelTree.Tests.Notebooks;

/// <summary>Runs one of the workbook's notebooks through the runner into a temporary output folder and reads its summary figures.</summary>
public sealed class StudyNotebookRun : IDisposable
{
    private StudyNotebookRun(string notebook, string outputDir, NotebookRun run)
    {
        Notebook = notebook;
        OutputDir = outputDir;
        Run = run;
    }

    public string Notebook { get; }

    /// <summary>The run's output folder (CSV exports, figures/).</summary>
    public string OutputDir { get; }

    internal NotebookRun Run { get; }

    /// <summary>The committed sample.</summary>
    public static string SamplePath => Path.Combine(TestPaths.RepoRoot, "data", "sample", "models.parquet");

    /// <summary>Runs notebooks/<paramref name="notebook"/>.ipynb on <paramref name="dataPath"/> and fails the test if a cell fails.</summary>
    public static async Task<StudyNotebookRun> StartAsync(string notebook, string dataPath)
    {
        var outputDir = TestPaths.NewTempDir();
        var run = await NotebookRunner.RunAsync(Path.Combine(TestPaths.RepoRoot, "notebooks", notebook + ".ipynb"),
            new RunOptions { DataPath = dataPath, OutputDir = outputDir });
        Assert.True(run.Failure is null, $"{notebook} on {Path.GetFileName(dataPath)}: {run.Failure}");
        return new StudyNotebookRun(notebook, outputDir, run);
    }

    /// <summary>The figures the notebook's summary cell saved.</summary>
    public StudyComparison Figures => StudyComparison.Load(Path.Combine(OutputDir, "figures", Notebook + ".json"));

    /// <summary>A count from the summary, as a whole number.</summary>
    public long Count(string figure) => (long)(Figures[figure] ?? throw new InvalidOperationException($"{figure} has no value"));

    /// <summary>The part of a share from the summary (e.g. 19 of "19 of 3,793").</summary>
    public long Part(string figure) =>
        Figures.Figures.Single(f => f.Name == figure).ThisCounts?.Part ?? throw new InvalidOperationException($"{figure} is not a share");

    public void Dispose() => Directory.Delete(OutputDir, recursive: true);
}

using ModelTree.Sample;

namespace ModelTree.Workbook.Commands;

/// <summary>
/// The generated tables benchmarks run on: data/bench/models-&lt;rows&gt;-gen&lt;version&gt;.parquet (git-ignored), made
/// once with the sample generator (seed 42) and reused by every <c>bench</c> subcommand.
/// </summary>
internal static class BenchData
{
    /// <summary>
    /// Where the table of <paramref name="rows"/> models lives: named by the generator's version too, so a table made by
    /// an older generator (lighter rows, other labels) is never timed as if it were today's.
    /// </summary>
    public static string PathFor(int rows) =>
        Path.Combine(WorkbookPaths.RepoRoot, "data", "bench", $"models-{rows}-gen{SampleGenerator.Version}.parquet");

    /// <summary>The path of the table of <paramref name="rows"/> models, generating it first (with a progress bar) if it is missing.</summary>
    public static Task<string> EnsureAsync(Terminal terminal, int rows)
    {
        var path = PathFor(rows);
        if (File.Exists(path))
        {
            return Task.FromResult(path);
        }
        return terminal.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"generating {rows:N0} models for the benchmark", maxValue: rows);
                await Task.Run(() => SampleGenerator.Write(path, new SampleOptions { Rows = rows },
                    new Progress<SampleProgress>(p => task.Value = p.RowsDone)));
                task.Value = rows;
                return path;
            });
    }
}

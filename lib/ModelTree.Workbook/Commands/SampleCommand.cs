using ModelTree.Sample;

namespace ModelTree.Workbook.Commands;

/// <summary><c>sample</c>: writes the synthetic hub-stats table and its ground truth.</summary>
internal static class SampleCommand
{
    public static Command Create(Terminal terminal)
    {
        var rows = new Option<int>("--rows") { Description = "Number of models (rows) to generate.", DefaultValueFactory = _ => 30_000 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same rows and seed give the same content.", DefaultValueFactory = _ => 42 };
        var output = new Option<string?>("--out")
        {
            Description = "Parquet file to write (default data/sample/models.parquet). The ground truth goes beside it: " +
                "truth.csv when the file is named models.parquet, else <name>.truth.csv.",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the parquet and truth files if they exist." };
        var command = new Command("sample",
            "Generate a synthetic hub-stats models table (parquet, the columns and types of the real one) with every case " +
            "the study discusses, plus a ground-truth CSV (id, relation, kind, case, family, depth, bases).")
        {
            rows, seed, output, force,
        };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(output) ?? WorkbookPaths.SamplePath);
            var truth = SampleGenerator.TruthPathFor(path);
            if (!parse.GetValue(force))
            {
                foreach (var existing in new[] { path, truth }.Where(File.Exists))
                {
                    throw new ModelTreeException($"'{existing}' already exists; pass --force to overwrite it, or choose another --out.");
                }
            }
            var options = new SampleOptions { Rows = parse.GetValue(rows), Seed = parse.GetValue(seed) };
            SampleSummary? summary = null;
            terminal.Out.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var generating = ctx.AddTask("generating rows", maxValue: options.Rows);
                    var writing = ctx.AddTask("writing parquet", autoStart: false, maxValue: 1);
                    summary = SampleGenerator.Write(path, options, new Progress(generating, writing));
                    writing.Value = 1;
                });
            Print(terminal.Out, summary!);
            return 0;
        });
        return command;
    }

    private sealed class Progress(ProgressTask generating, ProgressTask writing) : IProgress<SampleProgress>
    {
        public void Report(SampleProgress value)
        {
            generating.Value = value.RowsDone;
            if (value.Stage == "writing parquet" && !writing.IsStarted)
            {
                generating.StopTask();
                writing.StartTask();
            }
        }
    }

    private static void Print(IAnsiConsole console, SampleSummary s)
    {
        console.MarkupLineInterpolated(
            $"wrote [bold]{s.Rows:N0}[/] rows (seed {s.Seed}) to {s.ParquetPath} ({s.ParquetBytes / 1024.0 / 1024.0:F1} MB) in {s.Elapsed.TotalSeconds:F1} s (rows {s.GenerationTime.TotalSeconds:F1} s, parquet {s.ParquetTime.TotalSeconds:F1} s)");
        console.MarkupLineInterpolated($"ground truth: {s.TruthPath}");
        var table = new Table().AddColumn("relation (intended)").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (relation, n) in s.Relations)
        {
            table.AddRow(relation.Length == 0 ? "(no base)" : relation, n.ToString("N0"));
        }
        var cases = new Table().AddColumn("case").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (name, n) in s.Cases.OrderByDescending(c => c.Value))
        {
            cases.AddRow(name, n.ToString("N0"));
        }
        // Not expanded: a redirected output is 4096 columns wide, and expanded columns would spread the tables across it.
        console.Write(new Columns(table, cases) { Expand = false });
    }
}

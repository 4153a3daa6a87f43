using ModelTree.Ecosystem;

namespace ModelTree.Workbook.Commands;

/// <summary><c>predict-task</c>: seed 002's experiment, predicting a model's task from its other metadata.</summary>
internal static class PredictTaskCommand
{
    public static Command Create(Terminal terminal)
    {
        var seed = WholeNumber.Option("--seed", "Seed of the row choice, the split and every trainer.", 42, minimum: 0);
        var rows = WholeNumber.Option("--max-rows", "At most this many models with a task are used (a seeded choice on a larger table).",
            new TaskExperimentOptions().MaximumRows, minimum: 100);
        return DataCommand.Create(terminal, "predict-task", [seed, rows],
            FormatOption.TableOrJson("trainers, majorityAccuracy, classes, rows, best, perClass, confusion"),
            "Predict each model's task (pipeline_tag) from its other metadata (downloads, likes, size, tensor type, library, " +
            "relation, age, tags that do not name a task, kinds of files) with four ML.NET classifiers, on a stratified " +
            "80/20 split: accuracy and macro-F1 of each beside always guessing the commonest task, and where the best one errs.",
            run =>
            {
                var hub = run.Hub;
                var options = new TaskExperimentOptions { Seed = run.Get(seed), MaximumRows = run.Get(rows) };
                var result = run.Busy(terminal.Error, $"training on {Markup.Escape(hub.Description)}", () => TaskExperiment.Run(hub, options));
                Write(run.Out, hub.Description, result, run.Format);
            });
    }

    /// <summary>Writes the scores as tables, or as raw JSON that can be piped.</summary>
    public static void Write(IAnsiConsole console, string source, TaskPrediction result, string format)
    {
        if (format == "json")
        {
            console.Profile.Out.Writer.WriteLine(result.ToJson().ToJsonString());
            return;
        }

        console.MarkupLine(Markup.Escape($"{source}: {result}"));
        var table = new Table().AddColumn("classifier").AddColumn(new TableColumn("accuracy").RightAligned())
            .AddColumn(new TableColumn("macro-F1").RightAligned()).AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var t in result.Trainers.Append(result.Baseline))
        {
            table.AddRow(Markup.Escape(t.Name), t.Accuracy.ToString("P1"), t.MacroF1.ToString("0.000"), t.Elapsed.TotalSeconds.ToString("0.0"));
        }
        console.Write(table);
        var best = result.Best;
        console.MarkupLine(Markup.Escape($"Where {best.Name} errs most (true task -> predicted):"));
        var mistakes = new Table().AddColumn("true task").AddColumn("predicted").AddColumn(new TableColumn("models").RightAligned())
            .AddColumn(new TableColumn("share of the true task").RightAligned());
        foreach (var row in best.Mistakes(10).Rows)
        {
            mistakes.AddRow(Markup.Escape((string)row[0]), Markup.Escape((string)row[1]), ((long)row[2]).ToString("N0"), ((double)row[3]).ToString("P1"));
        }
        console.Write(mistakes);
    }
}

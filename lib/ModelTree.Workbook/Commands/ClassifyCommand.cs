using System.Text.Json;
using ModelTree.Rules;

namespace ModelTree.Workbook.Commands;

/// <summary><c>classify</c>: run a rule set over a whole table and score it against the Hub's label.</summary>
internal static class ClassifyCommand
{
    public static Command Create(Terminal terminal)
    {
        var rules = RuleOptions.Rules();
        return DataCommand.Create(terminal, "classify", [rules],
            FormatOption.Create("table (readable) or json (one object: confusion, perClass, coverage, ambiguous).", "table", "json"),
            "Classify every model with a rule set (by default refit-2025-04, fitted on real records; --rules study-2026 for the study's) and compare with the Hub's label: " +
            "confusion matrix, precision/recall/F1 per class, coverage, ambiguous rows.",
            run =>
            {
                var set = RuleOptions.Load(run.Get(rules));
                var result = run.Hub.Classify(set);
                if (run.Table)
                {
                    Render(run.Out, result, run.Hub.Description);
                }
                else
                {
                    run.Raw(result.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                }
            });
    }

    private static void Render(IAnsiConsole console, Classification result, string source)
    {
        console.MarkupLineInterpolated($"[bold]Rule set '{result.RuleSet}'[/] on {source}: {result.Rows:N0} models");

        var matrix = new Table().Title("Confusion matrix (rows: Hub label, columns: predicted)").AddColumn("Hub \\ predicted");
        foreach (var predicted in result.Confusion.PredictedLabels)
        {
            matrix.AddColumn(new TableColumn(predicted).RightAligned());
        }
        foreach (var hubLabel in result.Confusion.HubLabels)
        {
            matrix.AddRow([hubLabel, .. result.Confusion.PredictedLabels.Select(p => Cell(result.Confusion[hubLabel, p], hubLabel == p))]);
        }
        console.Write(matrix);

        var perClass = new Table().Title("Per class").AddColumns("class", "precision", "recall", "F1", "support", "predicted");
        foreach (var m in result.PerClass)
        {
            perClass.AddRow(m.Label, RuleOptions.Format(m.Precision), RuleOptions.Format(m.Recall), RuleOptions.Format(m.F1),
                m.Support.ToString("N0"), m.Predicted.ToString("N0"));
        }
        console.Write(perClass);

        var c = result.Coverage;
        console.MarkupLineInterpolated(
            $"Coverage: the rules label {c.RulesLabelled:N0} models, the Hub {c.HubLabelled:N0} (both: {c.BothLabelled:N0}; ratio {RuleOptions.Format(c.Ratio)}).");
        console.MarkupLineInterpolated(
            $"Accuracy on the Hub-labelled models: {RuleOptions.Format(result.Accuracy)}. Ambiguous: {result.Ambiguous:N0}. Contested (settled by precedence or ambiguous): {result.Contested:N0}.");

        if (result.Disagreements.Count > 0)
        {
            var reasons = new Table().Title("Disagreements by reason (top 10)").AddColumns("Hub", "predicted", "rule that decided", "models");
            foreach (var d in result.Disagreements.Take(10))
            {
                reasons.AddRow(d.Hub, d.Predicted, d.Rule, d.Count.ToString("N0"));
            }
            console.Write(reasons);
        }
    }

    private static string Cell(long count, bool diagonal) =>
        count == 0 ? "[grey]0[/]" : diagonal ? $"[green]{count:N0}[/]" : $"{count:N0}";
}

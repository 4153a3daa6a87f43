using ModelTree.Rules;

namespace ModelTree.Workbook.Commands;

/// <summary><c>explain</c>: why one model gets its label, rule by rule, with the evidence.</summary>
internal static class ExplainCommand
{
    public static Command Create(Terminal terminal)
    {
        var id = new Argument<string>("model-id") { Description = "The model's id as on the Hub (author/name)." };
        var rules = RuleOptions.Rules();
        return DataCommand.Create(terminal, "explain", [id, rules], format: null,
            "Show the Hub's label and the predicted label of one model, every rule that matched and what it matched.",
            run =>
            {
                var set = RuleOptions.Load(run.Get(rules));
                Render(run.Out, run.Hub.Explain(run.Get(id), set), set);
            });
    }

    private static void Render(IAnsiConsole console, Verdict verdict, RuleSet rules)
    {
        var agreement = verdict.Agrees ? "[green]agrees[/]" : "[red]differs[/]";
        console.MarkupLineInterpolated($"[bold]{verdict.Id}[/]");
        console.MarkupLine(
            $"Hub label: [bold]{Markup.Escape(verdict.HubLabel)}[/]   predicted: [bold]{Markup.Escape(verdict.Label)}[/] ({agreement})   " +
            $"decided by: [bold]{Markup.Escape(verdict.FiringRule)}[/]");
        console.MarkupLineInterpolated(
            $"Base present: {(verdict.HasBase ? "yes" : "no")} ({(verdict.BaseEvidence.Count > 0 ? string.Join("; ", verdict.BaseEvidence) : "nothing")}); gate: {rules.RelationExistsWhen}");
        console.MarkupLineInterpolated($"Precedence: {rules.PrecedenceText}; otherwise {rules.Otherwise ?? Labels.None}");
        if (verdict.Contested)
        {
            console.MarkupLine(verdict.Ambiguous
                ? "[yellow]Ambiguous:[/] rules of different relations matched at the same level of precedence."
                : "[yellow]Contested:[/] rules of different relations matched; precedence settled it.");
        }

        if (verdict.Matches.Count == 0)
        {
            console.MarkupLine("No rule matched.");
            return;
        }
        var table = new Table().Title("Rules that matched").AddColumns("rule", "yields", "level", "evidence");
        foreach (var match in verdict.Matches)
        {
            var name = match.Rule.Name == verdict.FiringRule ? $"[bold]{Markup.Escape(match.Rule.Name)}[/] (fired)" : Markup.Escape(match.Rule.Name);
            table.AddRow(new Markup(name), new Text(match.Relation), new Text((match.Level + 1).ToString()),
                new Text(string.Join(Environment.NewLine, match.Evidence)));
        }
        console.Write(table);
    }
}

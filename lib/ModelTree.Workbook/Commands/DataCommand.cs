namespace ModelTree.Workbook.Commands;

/// <summary>
/// The commands that answer from the data (<c>classify</c>, <c>explain</c>, <c>tree</c>, <c>families</c>,
/// <c>provenance</c>, <c>licenses</c>, <c>stats</c>, <c>predict-task</c>) share one shape: the command's argument,
/// the one <c>--data</c> option, its own options, then its <c>--format</c> when it writes more than a table; and an
/// action that opens the data, asks the library for the answer, writes it and exits 0 (a failure is an exception,
/// which <see cref="CommandLine"/> reports as one <c>error:</c> line). Each command keeps its words, options and
/// writer in its own file and hands them to <see cref="Create"/>.
/// </summary>
internal static class DataCommand
{
    /// <summary>
    /// A command named <paramref name="name"/> taking <paramref name="symbols"/> (its argument and options, after
    /// <c>--data</c>) and <paramref name="format"/> (null: it writes a table only), said in <paramref name="description"/>;
    /// <paramref name="answer"/> writes the answer of one run.
    /// </summary>
    public static Command Create(Terminal terminal, string name, Symbol[] symbols, Option<string>? format, string description,
        Action<DataRun> answer)
    {
        var data = DataOption.Create();
        var command = new Command(name, description) { data };
        foreach (var symbol in symbols.Append(format).OfType<Symbol>())
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }
        command.SetAction(parse =>
        {
            using var run = new DataRun(terminal, parse, parse.GetValue(data), format is null ? DataRun.TableFormat : parse.GetValue(format)!);
            answer(run);
            return 0;
        });
        return command;
    }
}

using System.Diagnostics;

namespace ModelTree.Workbook.Commands;

/// <summary>
/// One run of a <see cref="DataCommand"/>: the parsed command line, the format asked for, and the data. The data is
/// opened in memory (<see cref="DataOption.Open"/>, warnings to standard error) the first time <see cref="Hub"/> is
/// asked for, so a command checks its other inputs (a rule file) before it reads any data, and closed at the end.
/// </summary>
internal sealed class DataRun(Terminal terminal, ParseResult parse, string? dataPath, string format) : IDisposable
{
    /// <summary>The format every data command writes by default (and the only one of a command without <c>--format</c>).</summary>
    public const string TableFormat = "table";

    private HubData? _hub;

    /// <summary>Where results go (standard output).</summary>
    public IAnsiConsole Out => terminal.Out;

    /// <summary>The <c>--format</c> asked for.</summary>
    public string Format => format;

    /// <summary>True when the answer is written as tables (for a reader, so progress may show on the terminal).</summary>
    public bool Table => format == TableFormat;

    /// <summary>The data of <c>--data</c>, opened on first use.</summary>
    public HubData Hub => _hub ??= DataOption.Open(dataPath, terminal.Error);

    public T Get<T>(Option<T> option) => parse.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => parse.GetValue(argument)!;

    /// <summary>Writes text to standard output as it is (json): no markup, no wrapping.</summary>
    public void Raw(string text) => terminal.Raw(text);

    /// <summary>
    /// Runs <paramref name="work"/>; for a table, under a spinner on <paramref name="status"/> that says
    /// <paramref name="what"/> (markup), so that machine-read output (json) stays free of it.
    /// </summary>
    public T Busy<T>(IAnsiConsole status, string what, Func<T> work)
    {
        if (!Table)
        {
            return work();
        }
        var result = default(T);
        status.Status().Start(what, _ => result = work());
        return result!;
    }

    /// <summary>The model graph of the data; for a table, built under a spinner on the output, then its report and time.</summary>
    public ModelGraph Graph()
    {
        var hub = Hub;
        var clock = Stopwatch.StartNew();
        var graph = Busy(Out, $"building the model graph of {Markup.Escape(hub.Description)}", () => ModelGraph.Build(hub));
        if (Table)
        {
            Out.MarkupLineInterpolated($"[grey]{hub.Description}: {graph.Report} ({clock.Elapsed.TotalSeconds:0.0} s)[/]");
        }
        return graph;
    }

    public void Dispose() => _hub?.Dispose();
}

namespace ModelTree.Workbook.Runner;

/// <summary>A cell after the run: its outputs, its execution count if it ran, and when it started and ended.</summary>
internal sealed record CellRun(NotebookCell Cell, IReadOnlyList<CellOutput> Outputs, int? ExecutionCount, TimeSpan Elapsed)
{
    /// <summary>When the kernel received the cell (UTC), if it ran.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>When the kernel answered (UTC), if it ran.</summary>
    public DateTimeOffset? Ended { get; init; }

    /// <summary>Whether the cell was executed (markdown, and cells after a failure, are not).</summary>
    public bool Executed => ExecutionCount is not null;

    /// <summary>
    /// The cell's outputs as text, one output per line: text/plain of displayed values, console text,
    /// and errors as "name: message". Handy for tests that check a notebook's results.
    /// </summary>
    public string Text => string.Join("\n", Outputs.Select(o => o switch
    {
        DisplayOutput d => d.Data.GetValueOrDefault("text/plain", ""),
        StreamOutput s => s.Text.TrimEnd('\n'),
        ErrorOutput e => $"{e.Name}: {e.Value}",
        _ => "",
    }));

    /// <summary>The text/html of the cell's displayed values, concatenated.</summary>
    public string Html => string.Concat(Outputs.OfType<DisplayOutput>().Select(d => d.Data.GetValueOrDefault("text/html", "")));
}

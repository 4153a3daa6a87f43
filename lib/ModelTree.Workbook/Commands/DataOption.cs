using ModelTree.Data;

namespace ModelTree.Workbook.Commands;

/// <summary>
/// The one <c>--data</c> option every command that reads models takes, and the one way they open it: in memory (a
/// command never waits on a notebook holding the workbook database), with every warning the opening found written to
/// standard error, so a command's figures never hide what notebook 00 would have said about the data.
/// </summary>
internal static class DataOption
{
    public static Option<string?> Create() => new("--data")
    {
        Description = "A models .parquet (hub-stats), a .jsonl of Hub API records, or a folder of them opened as one table, e.g. data/real. Default: MODELTREE_DATA, else the sample.",
    };

    /// <summary>Opens the data and writes its warnings (schema and rows) as <c>warning:</c> lines on <paramref name="errors"/>.</summary>
    public static HubData Open(string? path, IAnsiConsole errors)
    {
        var hub = HubData.Open(path, new HubDataOptions { DatabasePath = ":memory:" });
        foreach (var problem in hub.Schema.Problems.Where(p => p.Severity >= Severity.Warning))
        {
            errors.MarkupLineInterpolated($"[yellow]warning:[/] {problem.Column}: {problem.Message}");
        }
        return hub;
    }
}

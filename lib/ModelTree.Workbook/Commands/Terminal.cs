namespace ModelTree.Workbook.Commands;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, warnings and progress notes to <see cref="Error"/>. Program
/// hands every command the standard streams (<see cref="CommandLine.Out"/>, <see cref="CommandLine.Error"/>); a test
/// can hand it Spectre's <c>TestConsole</c>s instead.
/// </summary>
internal sealed record Terminal(IAnsiConsole Out, IAnsiConsole Error)
{
    /// <summary>Standard output and standard error, as <see cref="CommandLine"/> sets them up.</summary>
    public static Terminal Standard() => new(CommandLine.Out, CommandLine.Error);

    /// <summary>Writes text to standard output as it is (json, csv, mermaid): no markup, no wrapping.</summary>
    public void Raw(string text) => Out.Profile.Out.Writer.WriteLine(text);
}

using System.CommandLine;
using Spectre.Console;

namespace ModelTree.Workbook.Commands;

/// <summary>Runs the command tree and turns expected failures into one clear line and an exit code.</summary>
public static class CommandLine
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            // Without this, System.CommandLine's default handler prints the exception with its stack trace
            // before the catch below ever sees it.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ModelTreeException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }
}

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
            // With the default handler on, System.CommandLine would catch the exception first and print its stack trace.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ModelTreeException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }
}

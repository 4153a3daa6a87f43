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
            return await root.Parse(args).InvokeAsync();
        }
        catch (UserFacingException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }
}

/// <summary>A failure caused by the user's input or environment, with a message that says what to do.
/// The command line prints the message alone (no stack trace) and exits non-zero.</summary>
public class UserFacingException(string message, Exception? inner = null) : Exception(message, inner);

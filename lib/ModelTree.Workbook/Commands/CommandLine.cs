using System.CommandLine;

namespace ModelTree.Workbook.Commands;

/// <summary>Runs the command tree and turns expected failures into one clear line and an exit code.</summary>
public static class CommandLine
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            // The default handler would print a stack trace for every exception; ours prints expected
            // failures as one line and lets unexpected ones surface in full.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ModelTreeException e)
        {
            // One line on stderr, never wrapped (a terminal's width would break it), results stay on stdout.
            Console.Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
    }
}

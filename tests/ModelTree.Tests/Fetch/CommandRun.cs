using System.CommandLine;
using ModelTree.Workbook.Commands;
using Spectre.Console;

namespace ModelTree.Tests.Fetch;

/// <summary>Runs a command as the program does and captures what it writes to stdout and stderr apart.</summary>
internal static class CommandRun
{
    public static async Task<(int Exit, string Out, string Error)> Invoke(params string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error); // what CommandLine itself reports (parse errors, the error: line)
        var root = new RootCommand("test") { FetchCommand.Create(new Terminal(Plain(output), Plain(error))) };
        try
        {
            var exit = await CommandLine.InvokeAsync(root, args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    private static IAnsiConsole Plain(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    /// <summary>Asserts the one-line error contract: exit 1, nothing but one "error:" line on stderr naming what it must, no stack trace.</summary>
    public static void AssertOneErrorLine((int Exit, string Out, string Error) run, params string[] mentions)
    {
        Assert.Equal(1, run.Exit);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, lines[0]);
        }
        Assert.DoesNotContain("   at ", run.Error + run.Out);
        Assert.DoesNotContain("Exception", run.Error + run.Out);
    }
}

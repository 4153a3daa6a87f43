namespace ModelTree.Workbook.Commands;

/// <summary>
/// Runs the command tree: results go to standard output, every problem to standard error as one <c>error:</c> line
/// that says what to do, with exit code 1 (130 when cancelled). No user error prints a stack trace.
/// </summary>
internal static class CommandLine
{
    /// <summary>Set to 1 to print the stack trace of an unexpected failure after its error line.</summary>
    public const string DebugVariable = "MODELTREE_DEBUG";

    /// <summary>The console for results (standard output): the terminal's width, or no wrapping at all when output goes to a file or pipe.</summary>
    public static IAnsiConsole Out => Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>The console for errors and warnings (standard error).</summary>
    public static IAnsiConsole Error => Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        redirected |= writer is StringWriter; // captured, as in a test
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = 4096; // a log or a file: one line per row, ids never split mid-word
        }
        return console;
    }

    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !WantsHelp(args))
        {
            foreach (var error in parse.Errors)
            {
                Error.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            }
            var name = parse.CommandResult.Command == root ? "" : parse.CommandResult.Command.Name + " ";
            Error.MarkupLineInterpolated($"see '{name}--help' for what it takes");
            return 1;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Error = Console.Error,
                // On Ctrl-C the token is cancelled and the command gets this long to write what finished.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
            });
        }
        catch (OperationCanceledException)
        {
            Error.MarkupLine("[yellow]cancelled[/]");
            return 130;
        }
        catch (Exception e)
        {
            Error.MarkupLineInterpolated($"[red]error:[/] {Describe(e)}");
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
            {
                Error.WriteLine(e.ToString());
            }
            return 1;
        }
    }

    /// <summary>The one line an exception is reported as: a workbook error's own words, a file system error's message (which names the path), or a bug.</summary>
    internal static string Describe(Exception e) => e switch
    {
        ModelTreeException => e.Message.ReplaceLineEndings(" "),
        UnauthorizedAccessException => $"{e.Message} Choose a location you can write to.",
        IOException => e.Message,
        _ => $"unexpected {e.GetType().Name}: {e.Message} (a bug in the workbook; set {DebugVariable}=1 for the stack trace and report it)",
    };

    private static bool WantsHelp(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");
}

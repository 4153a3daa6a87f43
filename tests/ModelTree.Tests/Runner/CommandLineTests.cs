using System.CommandLine;
using ModelTree.Workbook.Commands;

namespace ModelTree.Tests.Runner;

public class CommandLineTests
{
    [Fact]
    public async Task An_expected_failure_exits_1_instead_of_escaping_as_an_exception()
    {
        var root = new RootCommand("test");
        var fails = new Command("fails", "throws a user-facing error");
        fails.SetAction(new Func<ParseResult, int>(_ => throw new ModelTreeException("data/x.parquet is missing; run fetch")));
        root.Add(fails);

        var exit = await CommandLine.InvokeAsync(root, ["fails"]);

        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task An_unexpected_exception_is_one_error_line_on_stderr_without_a_stack_trace()
    {
        var root = new RootCommand("test");
        var bug = new Command("bug", "a programming error");
        bug.SetAction(new Func<ParseResult, int>(_ => throw new InvalidOperationException("the bug")));
        root.Add(bug);
        var original = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        int exit;
        try
        {
            exit = await CommandLine.InvokeAsync(root, ["bug"]);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(1, exit);
        var lines = error.ToString().Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: unexpected InvalidOperationException: the bug", lines[0]);
        Assert.DoesNotContain("   at ", error.ToString());
    }
}

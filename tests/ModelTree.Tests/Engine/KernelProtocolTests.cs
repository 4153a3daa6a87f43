using System.Text.Json.Nodes;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Runner;

namespace ModelTree.Tests.Engine;

/// <summary>
/// The workbook kernel started exactly as <c>.vscode/settings.json</c> tells the Polyglot extension to start it,
/// and driven over stdio cell by cell with the envelopes the extension sends.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class KernelProtocolTests : IDisposable
{
    private readonly TempFolder output = new();

    public void Dispose() => output.Dispose();

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    private static string NotebooksFolder => Path.Combine(TestPaths.RepoRoot, "notebooks");

    private StdioKernel StartFromSettings() =>
        KernelSettings.ForNotebookFolder(NotebooksFolder).Start(new Dictionary<string, string> { ["MODELTREE_OUT"] = output.Path });

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_cell_of_the_notebook_succeeds_over_stdio_charts_included(string notebook)
    {
        using var kernel = StartFromSettings();

        foreach (var (number, kernelName, code) in NotebookCells.Read(Path.Combine(NotebooksFolder, notebook)))
        {
            var events = kernel.Submit(kernelName, code);

            var last = events[^1];
            Assert.True((string?)last["eventType"] == "CommandSucceeded",
                $"{notebook}, cell {number} [{kernelName}] failed: {last["event"]?["message"]}");
            if (code.Contains("Charts.", StringComparison.Ordinal))
            {
                // Drawn the Plotly.NET.Interactive way: the chart's HTML calls Plotly.newPlot.
                Assert.Contains(events, e => Html(e).Contains("Plotly.newPlot", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_compile_error_an_exception_and_an_unknown_directive_arrive_as_CommandFailed_with_the_cells_message()
    {
        using var kernel = StartFromSettings();

        var defined = kernel.Submit("csharp", "var a = 1;");
        var compile = kernel.Submit("csharp", "var b = 2;\nvar c = missing + b;");
        var thrown = kernel.Submit("csharp", "throw new InvalidOperationException(\"the data is odd\");");
        var directive = kernel.Submit("csharp", "#!whatever --flag");
        var fine = kernel.Submit("csharp", "a + 1");

        Assert.Equal("CommandSucceeded", (string?)defined[^1]["eventType"]);
        Assert.Equal("CommandFailed", (string?)compile[^1]["eventType"]);
        Assert.Contains("(2,9): error CS0103", Message(compile[^1]));
        Assert.Equal("CommandFailed", (string?)thrown[^1]["eventType"]);
        Assert.Contains("InvalidOperationException", Message(thrown[^1]));
        Assert.Contains("the data is odd", Message(thrown[^1]));
        Assert.Equal("CommandFailed", (string?)directive[^1]["eventType"]);
        Assert.Contains("Unknown magic command '#!whatever'", Message(directive[^1]));
        Assert.Equal("CommandSucceeded", (string?)fine[^1]["eventType"]); // a failed cell leaves the kernel usable
    }

    [Fact]
    public void A_sql_cell_runs_on_the_connected_duckdb_and_a_bad_query_fails_with_duckdbs_message()
    {
        using var kernel = StartFromSettings();

        var connect = kernel.Submit("csharp", "#!connect duckdb --kernel-name db --connection-string \"Data Source=:memory:\"");
        var query = kernel.Submit("db", "select 6 * 7 as answer;");
        var bad = kernel.Submit("db", "select * from no_such_table;");

        Assert.Equal("CommandSucceeded", (string?)connect[^1]["eventType"]);
        Assert.Contains(query, e => Html(e).Contains("<td class=\"num\">42</td>", StringComparison.Ordinal));
        Assert.Equal("CommandFailed", (string?)bad[^1]["eventType"]);
        Assert.Contains("no_such_table", Message(bad[^1]));
    }

    internal static string Message(JsonObject envelope) => (string?)envelope["event"]?["message"] ?? "";

    internal static string Html(JsonObject envelope) =>
        string.Concat((envelope["event"]?["formattedValues"] as JsonArray ?? [])
            .Where(v => (string?)v?["mimeType"] == "text/html").Select(v => (string?)v?["value"]));
}

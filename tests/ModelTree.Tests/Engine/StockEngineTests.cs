using System.Diagnostics;
using System.Text.Json.Nodes;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Runner;

namespace ModelTree.Tests.Engine;

/// <summary>
/// The stock engine users may still have (the final dotnet-interactive tool, 1.0.712001, installed from the feed
/// into a folder of the test's own) beside the workbook kernel: the same chart-free cells give the same events,
/// and a chart cell fails in the stock engine with the message that names the cause and the fix.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class StockEngineTests : IDisposable
{
    private const string StockVersion = "1.0.712001";

    private static readonly string[] Cells =
    [
        """
        #r "nuget: DuckDB.NET.Data.Full, 1.5.6.1"
        #r "nuget: Microsoft.Data.Analysis, 0.23.1"
        #r "nuget: Plotly.NET, 6.0.0"
        #r "nuget: Plotly.NET.Interactive, 6.0.0"
        #r "../lib/ModelTree/bin/Debug/net8.0/ModelTree.dll"
        using ModelTree;
        using ModelTree.Data;
        using ModelTree.Charts;
        using ModelTree.Display;
        Formatters.Register();
        """,
        "var hub = HubData.Open(options: new HubDataOptions { DatabasePath = \":memory:\" });\nhub.Count()",
        "Console.WriteLine(hub.IsSynthetic);",
        "hub.Query(\"SELECT count(*) AS models FROM models\")",
        "display(\"shown\");\n2",
        "var broken = missing;",
        "hub.Count() + 1",
    ];

    private const string ChartCell = "StudyCharts.Bars(new[] { \"a\", \"b\" }, new[] { 1.0, 2.0 }, \"two bars\")";

    private readonly TempFolder tools = new();

    public void Dispose() => tools.Dispose();

    private static string NotebooksFolder => Path.Combine(TestPaths.RepoRoot, "notebooks");

    private StdioKernel StartStock()
    {
        var install = Process.Start(new ProcessStartInfo("dotnet",
            ["tool", "install", "Microsoft.dotnet-interactive", "--version", StockVersion, "--tool-path", tools.Path])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var said = install.StandardOutput.ReadToEnd() + install.StandardError.ReadToEnd();
        install.WaitForExit();
        Assert.True(install.ExitCode == 0, $"dotnet tool install Microsoft.dotnet-interactive {StockVersion} failed: {said}");
        return StdioKernel.Start(Path.Combine(tools.Path, "dotnet-interactive"), ["[vscode]", "stdio", "--working-dir", NotebooksFolder],
            NotebooksFolder, new Dictionary<string, string>
            {
                ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_INTERACTIVE_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            });
    }

    // The event types of a cell in order; progress updates of the package install depend on timing, and a run of
    // PackageAdded events on how many packages restored, so they are compared as one entry each.
    private static List<string> Shape(List<JsonObject> events)
    {
        var types = events.Select(e => (string)e["eventType"]!).Where(t => t != "DisplayedValueUpdated").ToList();
        return types.Where((t, i) => i == 0 || t != "PackageAdded" || types[i - 1] != "PackageAdded").ToList();
    }

    [Fact]
    public void Chart_free_cells_give_the_same_events_in_the_stock_engine_and_the_workbook_kernel()
    {
        List<List<string>> stock, ours;
        using (var kernel = StartStock())
        {
            stock = Cells.Select(c => Shape(kernel.Submit("csharp", c))).ToList();
        }
        using (var kernel = KernelSettings.ForNotebookFolder(NotebooksFolder).Start())
        {
            ours = Cells.Select(c => Shape(kernel.Submit("csharp", c))).ToList();
        }

        for (var i = 0; i < Cells.Length; i++)
        {
            Assert.True(stock[i].SequenceEqual(ours[i]),
                $"cell {i + 1}: stock [{string.Join(", ", stock[i])}] vs workbook [{string.Join(", ", ours[i])}]");
        }
        Assert.Equal("CommandFailed", stock[5][^1]); // the compile error fails in both
        Assert.Equal("CommandSucceeded", stock[6][^1]);
    }

    [Fact]
    public void In_the_stock_engine_a_chart_cell_fails_naming_the_cause_and_the_fix_and_other_cells_still_work()
    {
        using var kernel = StartStock();
        foreach (var cell in Cells.Take(2))
        {
            Assert.Equal("CommandSucceeded", (string?)kernel.Submit("csharp", cell)[^1]["eventType"]);
        }

        var chart = kernel.Submit("csharp", ChartCell);
        var after = kernel.Submit("csharp", "hub.Count() > 0");

        Assert.Equal("CommandFailed", (string?)chart[^1]["eventType"]);
        var message = KernelProtocolTests.Message(chart[^1]);
        Assert.Contains("FSharp.Core 10.1", message);
        Assert.Contains("stock dotnet-interactive tool", message);
        Assert.Contains(".vscode/settings.json", message);
        Assert.DoesNotContain("FileNotFoundException", message);
        Assert.Equal("CommandSucceeded", (string?)after[^1]["eventType"]);
    }

    [Fact]
    public void In_the_workbook_kernel_the_same_chart_cell_draws_a_chart()
    {
        using var kernel = KernelSettings.ForNotebookFolder(NotebooksFolder).Start();
        kernel.Submit("csharp", Cells[0]);

        var chart = kernel.Submit("csharp", ChartCell);

        Assert.Equal("CommandSucceeded", (string?)chart[^1]["eventType"]);
        Assert.Contains(chart, e => KernelProtocolTests.Html(e).Contains("Plotly.newPlot", StringComparison.Ordinal));
    }
}

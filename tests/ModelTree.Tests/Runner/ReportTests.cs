using System.Diagnostics;
using System.Text.RegularExpressions;
using ModelTree.Workbook.Runner;

namespace ModelTree.Tests.Runner;

/// <summary>
/// The report as a reader sees it: opened in headless Chromium with no network, it draws every chart and the contents
/// sidebar; nothing is fetched from elsewhere; values read the way the workbook writes them; a hostile model id stays text.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed partial class ReportTests : IDisposable
{
    private const string Evil = "evil/x</script><img src=x onerror=alert(2)>";

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string Library => typeof(StudyCharts).Assembly.Location;

    private async Task<string> ReportOf(NotebookBuilder notebook)
    {
        var path = notebook.WriteTo(temp.Combine("nb"), "01-report.ipynb");
        var run = await WorkbookRunner.RunAsync([path], temp.Combine("out"));
        Assert.True(run.Passed, string.Join("; ", run.Notebooks.Select(n => n.Failure?.ToString())));
        return run.ReportPath;
    }

    private NotebookBuilder Charts() => new NotebookBuilder()
        .Markdown("# Charts\n\n## Two bars\n\nText.")
        .CSharp(NotebookBuilder.Packages + $"\n#r \"{Library}\"\nusing ModelTree;")
        .CSharp("StudyCharts.Bars(new[] { \"a\", \"b\" }, new[] { 1.0, 2.0 }, \"two bars\")")
        .Markdown("## A hostile label\n\n## Two bars")
        .CSharp($"StudyCharts.Bars(new[] {{ \"{Evil.Replace("\"", "\\\"")}\", \"ok/y\" }}, new[] {{ 3.0, 4.0 }}, \"labels from the data\")");

    [Fact]
    public async Task The_report_needs_no_network_and_chromium_draws_every_chart_and_the_sidebar()
    {
        var report = await ReportOf(Charts());
        var html = await File.ReadAllTextAsync(report);

        Assert.DoesNotMatch(ExternalResource(), html);
        Assert.Single(Regex.Matches(html, @"\* plotly\.js v\d")); // plotly.js embedded once, not once per chart
        var charts = Regex.Matches(html, "Plotly chart will be drawn inside this DIV").Count;
        Assert.Equal(2, charts);

        var dom = Chromium.DumpDom(report);

        Assert.Equal(charts, Regex.Matches(dom, "class=\"plot-container plotly\"").Count); // each chart container got its plot
        Assert.Contains("<nav id=\"contents\">", dom);
        Assert.Matches("(?s)<nav id=\"contents\">.*href=\"#nb0-two-bars\"", dom);
        Assert.DoesNotContain("<img src=\"x\"", dom); // the hostile id is text, never an element
        Assert.DoesNotContain("onerror=\"alert", dom);
    }

    [Fact]
    public async Task Heading_ids_are_unique_in_the_whole_page()
    {
        var report = await ReportOf(Charts());

        var ids = Regex.Matches(await File.ReadAllTextAsync(report), " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("nb0-two-bars", ids);
        Assert.Contains("nb0-two-bars-2", ids); // the second "Two bars" heading
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_table_shows_iso_dates_thousands_separators_and_folds_a_long_list_with_a_count()
    {
        var tags = string.Join(", ", Enumerable.Range(1, 13).Select(i => $"'tag{i}'"));
        var report = await ReportOf(new NotebookBuilder()
            .CSharp(NotebookBuilder.Packages + "\n#!connect duckdb --kernel-name hub --connection-string \"Data Source=:memory:\"")
            .Sql("hub", $"SELECT TIMESTAMP '2022-03-02 12:00:00' AS createdAt, DATE '2024-05-01' AS day, 54000000::BIGINT AS downloads, 2024 AS year, [{tags}] AS tags;"));
        var html = await File.ReadAllTextAsync(report);

        Assert.Contains("<td>2022-03-02 12:00:00</td>", html);
        Assert.Contains("<td>2024-05-01</td>", html);
        Assert.Contains(">54,000,000</td>", html);
        Assert.Contains(">2024</td>", html); // a year is not a count
        Assert.Contains("[tag1, tag2, tag3, tag4, …] <span class=\"more\">+9</span></summary>", html);
        Assert.Contains("tag13]", html); // the whole list, one click away
        Assert.DoesNotContain("03/02/2022", html);
    }

    [Fact]
    public async Task The_setup_cell_is_folded_code_is_highlighted_and_backticks_in_titles_render()
    {
        var report = await ReportOf(new NotebookBuilder()
            .Markdown("# The `models` table")
            .CSharp(NotebookBuilder.Packages)
            .CSharp("var answer = 42;"));
        var html = await File.ReadAllTextAsync(report);

        Assert.Matches("(?s)<details class=\"setup\"><summary>[^<]*</summary>.*#r <span class=\"string\">&quot;nuget: DuckDB", html);
        Assert.Matches("<span style=\"[^\"]*\">var</span>|<span class=\"[^\"]*\">var</span>", html);
        Assert.Contains("<a href=\"#nb0\">The <code>models</code> table</a>", html);
    }

    [GeneratedRegex("<script[^>]+src=|<link[^>]+href=\"https?:|@import|url\\(https?:", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}

/// <summary>Debian's Chromium, headless, with no network: the page's DOM after its scripts ran.</summary>
public static class Chromium
{
    public static string Executable =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Headless Chromium is needed to check the report: install it (apt-get install chromium); .ci/run does.");

    public static string DumpDom(string htmlFile)
    {
        var profile = Path.Combine(Path.GetTempPath(), "modeltree-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
                     "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>", // nothing can be fetched
                     "--virtual-time-budget=20000", "--dump-dom", new Uri(htmlFile).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            // A page that opened a dialog (alert) never finishes loading in headless mode.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish {htmlFile} in 60 s: did a script open a dialog?");
        }
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
        return dom.Result;
    }
}

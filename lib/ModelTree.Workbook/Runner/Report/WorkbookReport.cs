using System.Globalization;
using System.Net;
using System.Text;
using ColorCode;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// One self-contained HTML page for a run of the workbook, readable with no network: a contents sidebar of the
/// notebooks and their sections, a summary of the run, then each notebook with its markdown rendered, its code
/// highlighted (the setup cell folded), each cell's time, and its outputs (tables and charts, plotly.js embedded once).
/// </summary>
internal static class WorkbookReport
{
    private static readonly HtmlClassFormatter Highlighter = new();

    /// <summary>The report as HTML.</summary>
    /// <param name="runs">The notebooks, in the order they ran.</param>
    /// <param name="dataPath">The dataset the run used (<c>--data</c>), or null for the default.</param>
    /// <param name="scope">What the run was asked for, so that a partial report says so.</param>
    public static string Render(IReadOnlyList<NotebookRun> runs, string? dataPath = null, ReportScope? scope = null)
    {
        var bodies = runs.Select((run, i) => Notebook(run, i)).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Model-tree workbook</title><style>").Append(ReportAssets.Style).Append("</style>");
        if (bodies.Any(b => b.Html.Contains("Plotly.newPlot", StringComparison.Ordinal)))
        {
            html.Append("<script>").Append(ReportAssets.PlotlyJs).Append("</script><script>").Append(ReportAssets.RequireShim).Append("</script>");
        }
        html.Append("</head><body>\n");

        html.Append("<nav id=\"contents\"><a href=\"#top\"><strong>Model-tree workbook</strong></a><ol>");
        foreach (var body in bodies)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{body.Id}\">{body.Title}</a>");
            var sections = body.Headings.Where(h => h.Level == 2).ToList();
            if (sections.Count > 0)
            {
                html.Append("<ol>");
                foreach (var (_, id, text) in sections)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{id}\">{text}</a></li>");
                }
                html.Append("</ol>");
            }
            html.Append("</li>");
        }
        html.Append("</ol></nav>\n<main id=\"top\"><h1>Model-tree workbook</h1>\n");
        AppendSummary(html, runs, bodies, dataPath, scope);
        foreach (var body in bodies)
        {
            html.Append(body.Html);
        }
        html.Append("</main></body></html>\n");
        return html.ToString();
    }

    /// <summary>Writes the report to <paramref name="path"/> (folders created); returns the full path.</summary>
    public static string Write(IReadOnlyList<NotebookRun> runs, string path, string? dataPath = null, ReportScope? scope = null)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, Render(runs, dataPath, scope));
        return full;
    }

    private sealed record Body(string Id, string Title, List<(int Level, string Id, string Html)> Headings, string Html);

    private static void AppendSummary(StringBuilder html, IReadOnlyList<NotebookRun> runs, List<Body> bodies, string? dataPath, ReportScope? scope)
    {
        var data = dataPath is null ? "the committed synthetic sample (or MODELTREE_DATA)" : $"<code>{Encode(dataPath)}</code>";
        html.Append(CultureInfo.InvariantCulture, $"<p>Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {data}. ");
        if (scope?.WorkbookSize is { } size && runs.Count < size)
        {
            html.Append(CultureInfo.InvariantCulture, $"This report holds {runs.Count} of the workbook's {size} notebooks; run without names for all of them. ");
        }
        if (scope?.StoppedBy is { } why)
        {
            html.Append(CultureInfo.InvariantCulture, $"<strong class=\"failed\">The run stopped early: {Encode(why)}.</strong> ");
        }
        html.Append("</p>\n<table><thead><tr><th>notebook</th><th>cells run</th><th>status</th><th>seconds</th></tr></thead><tbody>\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#{bodies[i].Id}\">{Encode(run.Notebook.Name)}</a>: {bodies[i].Title}</td><td class=\"num\">{run.ExecutedCells}</td>" +
                $"<td class=\"{StatusClass(run)}\">{Encode(Status(run))}</td><td class=\"num\">{run.Elapsed.TotalSeconds:0.0}</td></tr>\n");
        }
        html.Append(CultureInfo.InvariantCulture,
            $"<tr><td>total</td><td class=\"num\">{runs.Sum(r => r.ExecutedCells)}</td><td></td><td class=\"num\">{runs.Sum(r => r.Elapsed.TotalSeconds):0.0}</td></tr>");
        html.Append("</tbody></table>\n");
    }

    private static Body Notebook(NotebookRun run, int index)
    {
        var id = $"nb{index}";
        var markdown = new ReportMarkdown(id);
        var html = new StringBuilder();
        var body = new StringBuilder();
        foreach (var cell in run.Cells)
        {
            switch (cell.Cell.Kind)
            {
                case CellKind.Markdown:
                    body.Append(markdown.Render(cell.Cell.Source));
                    break;
                case CellKind.Code when IsSetup(cell.Cell):
                    body.Append("<details class=\"setup\"><summary>Setup: the packages and the workbook library (show)</summary>")
                        .Append(Code(cell)).Append("</details>\n");
                    break;
                case CellKind.Code:
                    body.Append(Code(cell));
                    break;
                default:
                    body.Append("<pre>").Append(Encode(cell.Cell.Source)).Append("</pre>\n");
                    break;
            }
        }
        var title = markdown.Headings.FirstOrDefault(h => h.Level == 1).Html ?? Encode(run.Notebook.Title);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"notebook\" id=\"{id}\">\n")
            .Append(CultureInfo.InvariantCulture,
                $"<p class=\"cell-label\">{Encode(run.Notebook.Name)} · <span class=\"{StatusClass(run)}\">{Encode(Status(run))}</span> · {run.ExecutedCells} cells in {run.Elapsed.TotalSeconds:0.0} s</p>\n");
        if (run.Failure is { } failure)
        {
            html.Append("<pre class=\"error\">").Append(Encode(failure.ToString())).Append("</pre>\n");
        }
        html.Append(body).Append("<a class=\"top\" href=\"#top\">↑ back to the top</a>\n</section>\n");
        return new Body(id, title, markdown.Headings, html.ToString());
    }

    private static bool IsSetup(NotebookCell cell) => cell.Source.Contains("#r \"nuget:", StringComparison.Ordinal);

    private static string Code(CellRun cell)
    {
        var html = new StringBuilder();
        var label = cell.ExecutionCount is { } n ? $"[{n}] · {cell.Elapsed.TotalSeconds:0.00} s" : "not run";
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"cell\"><div class=\"cell-label\">cell {cell.Cell.Number} · {Encode(cell.Cell.Kernel)} · {label}</div>\n")
            .Append("<pre class=\"code\"><code>").Append(Highlight(cell.Cell)).Append("</code></pre>\n");
        foreach (var output in cell.Outputs)
        {
            html.Append("<div class=\"output\">").Append(Output(output)).Append("</div>\n");
        }
        return html.Append("</div>\n").ToString();
    }

    // C# cells in C#, SQL cells (any kernel other than csharp) in SQL; ColorCode encodes the text it colours.
    private static string Highlight(NotebookCell cell)
    {
        var language = cell.Kernel == Engine.WorkbookKernel.CSharp ? Languages.CSharp : Languages.Sql;
        var html = Highlighter.GetHtmlString(cell.Source, language);
        // ColorCode wraps its output in <div><pre>...</pre></div>; the report has its own <pre>.
        var start = html.IndexOf("<pre>", StringComparison.Ordinal);
        var end = html.LastIndexOf("</pre>", StringComparison.Ordinal);
        return start >= 0 && end > start ? html[(start + 5)..end].Trim('\r', '\n') : Encode(cell.Source);
    }

    private static string Output(CellOutput output) => output switch
    {
        DisplayOutput d when d.Data.TryGetValue("text/html", out var h) => h,
        DisplayOutput d when d.Data.TryGetValue("text/plain", out var t) => $"<pre>{Encode(t)}</pre>",
        DisplayOutput => "",
        StreamOutput s => $"<pre class=\"{Encode(s.Name)}\">{Encode(s.Text)}</pre>",
        ErrorOutput e => $"<pre class=\"error\">{Encode(string.Join("\n", e.Traceback.DefaultIfEmpty($"{e.Name}: {e.Value}")))}</pre>",
        _ => "",
    };

    private static string Status(NotebookRun run) => run.Failure switch
    {
        null => "passed",
        { Kind: FailureKind.TimedOut } f => $"timed out at cell {f.CellNumber}",
        { Kind: FailureKind.Cancelled } f => $"cancelled at cell {f.CellNumber}",
        var f => $"failed at cell {f.CellNumber}",
    };

    private static string StatusClass(NotebookRun run) => run.Status == NotebookStatus.Passed ? "passed" : "failed";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

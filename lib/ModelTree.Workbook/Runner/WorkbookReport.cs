using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using ModelTree.Display;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// One static HTML page for a run of the workbook: an index of the notebooks with their status, then
/// each notebook with its markdown rendered, its code, and its outputs (tables and charts embedded).
/// Self-contained except plotly.js, which charts load from the CDN.
/// </summary>
public static class WorkbookReport
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
        pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; border-radius: 4px; }
        pre.code { border-left: 3px solid #4a7bd0; }
        pre.stderr, pre.error { background: #fdecea; border-left: 3px solid #c0392b; }
        .output { margin: .3rem 0 1rem 1rem; overflow-x: auto; }
        .cell-label { color: #888; font-size: .8rem; margin-top: 1rem; }
        table { border-collapse: collapse; font-size: .85rem; }
        th, td { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; vertical-align: top; }
        .passed { color: #1e7d32; } .failed { color: #c0392b; } .not-run { color: #888; }
        section.notebook { border-top: 2px solid #ddd; margin-top: 2rem; }
        """;

    /// <summary>The report as HTML.</summary>
    /// <param name="runs">The notebooks, in the order they ran.</param>
    /// <param name="dataPath">The dataset the run used (<c>--data</c>), or null for the default.</param>
    /// <param name="title">The page title.</param>
    public static string Render(IReadOnlyList<NotebookRun> runs, string? dataPath = null, string title = "Model-tree workbook")
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(Encode(title)).Append("</title>")
            .Append("<script src=\"").Append(Formatters.PlotlyScriptUrl).Append("\" charset=\"utf-8\"></script>")
            .Append("<style>").Append(Style).Append("</style></head><body>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>Run at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on ")
            .Append(dataPath is null ? "the default dataset (MODELTREE_DATA, or the committed sample)" : $"<code>{Encode(dataPath)}</code>")
            .Append(".</p>\n")
            .Append("<table><thead><tr><th>notebook</th><th>cells run</th><th>status</th><th>seconds</th></tr></thead><tbody>\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#nb{i}\">{Encode(run.Notebook.Name)}</a>: {Encode(run.Notebook.Title)}</td>" +
                $"<td>{run.ExecutedCells}</td><td class=\"{StatusClass(run)}\">{Status(run)}</td><td>{run.Elapsed.TotalSeconds:0.0}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
        for (var i = 0; i < runs.Count; i++)
        {
            AppendNotebook(html, runs[i], i);
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>Writes the report to <paramref name="path"/> (folders created); returns the full path.</summary>
    public static string Write(IReadOnlyList<NotebookRun> runs, string path, string? dataPath = null)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, Render(runs, dataPath));
        return full;
    }

    private static void AppendNotebook(StringBuilder html, NotebookRun run, int index)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"notebook\" id=\"nb{index}\">\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"cell-label\">{Encode(run.Notebook.Name)}: <span class=\"{StatusClass(run)}\">{Status(run)}</span></p>\n");
        if (run.Failure is { } failure)
        {
            html.Append("<pre class=\"error\">").Append(Encode(failure.ToString())).Append("</pre>\n");
        }
        foreach (var cell in run.Cells)
        {
            switch (cell.Cell.Kind)
            {
                case CellKind.Markdown:
                    html.Append(Markdig.Markdown.ToHtml(cell.Cell.Source, Markdown));
                    break;
                case CellKind.Code:
                    var count = cell.ExecutionCount is { } n ? $"[{n}]" : "not run";
                    html.Append(CultureInfo.InvariantCulture, $"<div class=\"cell-label\">cell {cell.Cell.Number} · {Encode(cell.Cell.Kernel)} · {count}</div>\n")
                        .Append("<pre class=\"code\"><code>").Append(Encode(cell.Cell.Source)).Append("</code></pre>\n");
                    foreach (var output in cell.Outputs)
                    {
                        html.Append("<div class=\"output\">").Append(Output(output)).Append("</div>\n");
                    }
                    break;
                default:
                    html.Append("<pre>").Append(Encode(cell.Cell.Source)).Append("</pre>\n");
                    break;
            }
        }
        html.Append("</section>\n");
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

    private static string Status(NotebookRun run) => run.Status == NotebookStatus.Passed ? "passed" : $"failed at cell {run.Failure!.CellNumber}";

    private static string StatusClass(NotebookRun run) => run.Status == NotebookStatus.Passed ? "passed" : "failed";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

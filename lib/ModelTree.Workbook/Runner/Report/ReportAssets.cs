using Plotly.NET;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// What the report embeds so that it reads with no network: its style sheet, the syntax colours, plotly.js (the
/// copy Plotly.NET carries as a resource, included once per page), and a stand-in for require.js, through which
/// Plotly.NET.Interactive's chart HTML asks for plotly.
/// </summary>
internal static class ReportAssets
{
    private static readonly Lazy<string> Plotly = new(() =>
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>plotly.js, minified.</summary>
    public static string PlotlyJs => Plotly.Value;

    /// <summary>
    /// Plotly.NET.Interactive's charts load plotly through require.js (fetching both from CDNs when require is missing);
    /// this answers them with the embedded plotly instead.
    /// </summary>
    public const string RequireShim = """
        window.requirejs = window.require = function (deps, callback) { callback(window.Plotly); };
        window.requirejs.config = function () { return window.requirejs; };
        """;

    /// <summary>The page's style: a contents sidebar, readable tables that never overflow the page, folded cells.</summary>
    public static string Style => Page + new ColorCode.HtmlClassFormatter().GetCSSString();

    private const string Page = """
        :root { --side: 17rem; --ink: #1f2328; --muted: #6e7781; --rule: #d0d7de; --code: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); line-height: 1.5; }
        nav#contents { position: fixed; top: 0; left: 0; bottom: 0; width: var(--side); overflow-y: auto; padding: 1rem .8rem;
          border-right: 1px solid var(--rule); background: #fafbfc; font-size: .85rem; }
        nav#contents a { color: var(--ink); text-decoration: none; } nav#contents a:hover { text-decoration: underline; }
        nav#contents ol { list-style: none; padding-left: .8rem; margin: .2rem 0; }
        nav#contents > ol { padding-left: 0; } nav#contents > ol > li { margin-top: .5rem; font-weight: 600; }
        nav#contents > ol > li li { font-weight: 400; color: var(--muted); }
        main { margin-left: var(--side); padding: 1.5rem 2rem 4rem; max-width: 72rem; }
        h1, h2, h3 { line-height: 1.25; scroll-margin-top: 1rem; } code { font-size: .9em; }
        :not(pre) > code { background: var(--code); padding: .1em .3em; border-radius: 4px; }
        section.notebook { border-top: 3px solid var(--rule); margin-top: 2.5rem; padding-top: .5rem; }
        .cell { margin: .8rem 0 1.2rem; }
        .cell-label { color: var(--muted); font-size: .75rem; font-family: ui-monospace, monospace; }
        pre { background: var(--code); padding: .6rem .8rem; overflow-x: auto; border-radius: 6px; margin: .2rem 0; font-size: .85rem; }
        pre.code { border-left: 3px solid #4a7bd0; }
        pre.stderr, pre.error { background: #fdecea; border-left: 3px solid #c0392b; }
        .output { margin: .3rem 0 0 .8rem; overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; font-size: .82rem; margin: .3rem 0; }
        th, td { border: 1px solid var(--rule); padding: .2rem .5rem; text-align: left; vertical-align: top; max-width: 28rem; overflow-wrap: break-word; }
        th { background: #f3f4f6; white-space: nowrap; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        details.fold summary { cursor: pointer; list-style: none; } details.fold summary::-webkit-details-marker { display: none; }
        details.fold .more { color: #0969da; font-size: .75rem; } details.fold[open] summary { color: var(--muted); }
        details.setup > summary { cursor: pointer; color: var(--muted); font-size: .85rem; }
        .passed { color: #1a7f37; } .failed { color: #c0392b; } .not-run { color: var(--muted); }
        a.top { display: inline-block; margin-top: 1rem; font-size: .8rem; color: var(--muted); }
        .diagram svg { max-width: 100%; height: auto; }
        @media (max-width: 60rem) { nav#contents { position: static; width: auto; border-right: 0; } main { margin-left: 0; } }
        """;
}

using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// A notebook's markdown rendered for the report, with every heading given an id unique in the whole page (the
/// notebook's prefix and the heading's words), and the headings collected for the contents sidebar.
/// </summary>
internal sealed partial class ReportMarkdown(string prefix)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    /// <summary>Headings seen so far, in order: level, id, and the heading as inline HTML (backticks rendered).</summary>
    public List<(int Level, string Id, string Html)> Headings { get; } = [];

    /// <summary>The markdown as HTML.</summary>
    public string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var source = markdown.Substring(heading.Span.Start, heading.Span.Length).TrimStart('#').Trim();
            var id = Unique(prefix + "-" + Slug(source));
            heading.GetAttributes().Id = id;
            Headings.Add((heading.Level, id, Inline(source)));
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>One line of markdown (a title) as inline HTML, without the paragraph around it.</summary>
    public static string Inline(string text)
    {
        var html = Markdown.ToHtml(text, Pipeline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    private string Unique(string id)
    {
        var candidate = id;
        for (var n = 2; !ids.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }
        return candidate;
    }

    private static string Slug(string text)
    {
        var slug = NonWord().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "section" : slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}

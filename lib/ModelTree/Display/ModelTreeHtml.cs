using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using ModelTree.Graph;

namespace ModelTree;

/// <summary>The model-tree box drawn as HTML, laid out as on a Hub model page.</summary>
public static class ModelTreeHtml
{
    /// <summary>The box: bases, the model's own relation, and its direct children by relation.</summary>
    public static IHtmlContent ToHtml(this ModelTreeBox box) => new HtmlString(Render(box, null));

    /// <summary>The box, plus descendants and ancestors in one line each.</summary>
    public static IHtmlContent ToHtml(this TreeSummary summary) => new HtmlString(Render(summary.Box, summary));

    private static string Render(ModelTreeBox box, TreeSummary? summary)
    {
        var html = new StringBuilder("<div style=\"border:1px solid #ddd;border-radius:8px;padding:8px 12px;max-width:560px;font-family:sans-serif\">");
        html.Append("<div style=\"font-weight:600;margin-bottom:6px\">Model tree for ").Append(E(box.Id)).Append("</div>");
        html.Append("<table style=\"border:none\">");
        foreach (var b in box.Bases)
        {
            Row(html, "Base model", E(b.Id) + (b.InTable ? "" : " <em>(not in the data)</em>") +
                (b.Source == EdgeSource.BaseModels ? "" : $" <em>(from the {GraphExport.SourceLabel(b.Source)})</em>"));
        }
        if (box.Bases.Count > 0)
        {
            Row(html, ModelTreeBox.Heading(box.Bases[0].Relation, box.Bases.Count), "<strong>this model</strong>");
        }
        foreach (var (label, count) in new[] { ("Adapters", box.Adapters), ("Finetunes", box.Finetunes), ("Merges", box.Merges),
            ("Quantizations", box.Quantizations), ("Unlabelled", box.Unlabelled) })
        {
            if (count > 0)
            {
                Row(html, label, $"{count:N0} model{(count == 1 ? "" : "s")}");
            }
        }
        if (box.Bases.Count == 0 && box.DirectChildren == 0)
        {
            Row(html, "", "<em>no base and no derived models</em>");
        }
        html.Append("</table>");
        if (summary is not null)
        {
            var d = summary.Descendants;
            html.Append("<div style=\"color:#555;margin-top:6px\">")
                .Append($"{d.Total:N0} descendants at any depth")
                .Append(d.ByDepth.Count > 0 ? $" (by depth: {string.Join(", ", d.ByDepth.Select(n => n.ToString("N0")))})" : "")
                .Append($"; {summary.Ancestors.Count:N0} ancestors")
                .Append(summary.Ancestors.Count > 0
                    ? $" (roots: {E(string.Join(", ", summary.Ancestors.Where(a => a.IsRoot).Select(a => a.Id)))})" : "")
                .Append("</div>");
        }
        return html.Append("</div>").ToString();
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><td style=\"padding-right:16px;color:#555\">").Append(E(label)).Append("</td><td>").Append(value).Append("</td></tr>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

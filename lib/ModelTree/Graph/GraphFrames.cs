using Microsoft.Data.Analysis;
using ModelTree.Data;
using ModelTree.Graph;
using ModelTree.Records;

namespace ModelTree;

/// <summary>Graph results as <see cref="DataFrame"/>s, the tables notebooks show.</summary>
public static class GraphFrames
{
    /// <summary>Families: root, models, depth, roots, several bases, downloads, cycle.</summary>
    public static DataFrame ToFrame(this IEnumerable<Family> families)
    {
        var list = families.ToList();
        return new DataFrame(
            new StringDataFrameColumn("root", list.Select(f => ModelIds.Shown(f.Root, f.RootInTable))),
            new Int64DataFrameColumn("models", list.Select(f => (long?)f.Size)),
            new Int64DataFrameColumn("depth", list.Select(f => (long?)f.Depth)),
            new Int64DataFrameColumn("roots", list.Select(f => (long?)f.Roots)),
            new Int64DataFrameColumn("several bases", list.Select(f => (long?)f.MultiBase)),
            new Int64DataFrameColumn("downloads", list.Select(f => (long?)f.Downloads)),
            new BooleanDataFrameColumn("cycle", list.Select(f => (bool?)f.HasCycle)));
    }

    /// <summary>Influence: model, direct children, descendants, their downloads, own downloads.</summary>
    public static DataFrame ToFrame(this IEnumerable<BaseInfluence> ranking)
    {
        var list = ranking.ToList();
        return new DataFrame(
            new StringDataFrameColumn("model", list.Select(i => ModelIds.Shown(i.Id, i.InTable))),
            new Int64DataFrameColumn("direct children", list.Select(i => (long?)i.DirectChildren)),
            new Int64DataFrameColumn("descendants", list.Select(i => (long?)i.Descendants)),
            new Int64DataFrameColumn("descendants' downloads", list.Select(i => (long?)i.DescendantDownloads)),
            new Int64DataFrameColumn("own downloads", list.Select(i => (long?)i.Downloads)));
    }

    /// <summary>Ancestors (or a lineage): depth, model, the hop (child is a relation of it), source, root.</summary>
    public static DataFrame ToFrame(this IEnumerable<Ancestor> ancestors)
    {
        var list = ancestors.ToList();
        return new DataFrame(
            new Int64DataFrameColumn("depth", list.Select(a => (long?)a.Depth)),
            new StringDataFrameColumn("model", list.Select(a => ModelIds.Shown(a.Id, a.InTable))),
            new StringDataFrameColumn("hop", list.Select(a => $"{a.Child} {a.Relation.Hop()} it")),
            new StringDataFrameColumn("link from", list.Select(a => GraphExport.SourceLabel(a.Source))),
            new BooleanDataFrameColumn("root", list.Select(a => (bool?)a.IsRoot)));
    }

    /// <summary>Descendants by depth: one row per depth, depth 1 first.</summary>
    public static DataFrame ToFrame(this DescendantCounts counts) =>
        new(new Int64DataFrameColumn("depth", counts.ByDepth.Select((_, i) => (long?)(i + 1))),
            new Int64DataFrameColumn("models", counts.ByDepth.Select(n => (long?)n)));

    /// <summary>Relation paths: path, depth, models, downloads.</summary>
    public static DataFrame ToFrame(this IEnumerable<RelationPath> paths)
    {
        var list = paths.ToList();
        return new DataFrame(
            new StringDataFrameColumn("path", list.Select(p => p.Depth == 0 ? "(the root)" : p.Path)),
            new Int64DataFrameColumn("depth", list.Select(p => (long?)p.Depth)),
            new Int64DataFrameColumn("models", list.Select(p => (long?)p.Models)),
            new Int64DataFrameColumn("downloads", list.Select(p => (long?)p.Downloads)));
    }

    /// <summary>What the build found, one row per figure.</summary>
    public static DataFrame ToFrame(this GraphReport report)
    {
        var rows = new List<(string, long)>
        {
            ("models (rows)", report.Models),
            ("bases not in the data (external nodes)", report.ExternalBases),
            ("links child -> base", report.Edges),
        };
        rows.AddRange(report.EdgesBySource.Select(p => ($"  links from {GraphExport.SourceLabel(p.Key)}", (long)p.Value)));
        rows.Add(("self-references (dropped)", report.SelfReferences.Count));
        rows.Add(("cycles", report.Cycles.Count));
        rows.Add(("models in cycles", report.ModelsInCycles));
        rows.Add(("repeated links (dropped)", report.DuplicateEdges));
        rows.Add(("build time (ms)", (long)report.BuildTime.TotalMilliseconds));
        return new DataFrame(
            new StringDataFrameColumn("figure (this data)", rows.Select(r => r.Item1)),
            new Int64DataFrameColumn("value", rows.Select(r => (long?)r.Item2)));
    }

    /// <summary>Descendants by relation (of the link that reached them first).</summary>
    public static DataFrame RelationFrame(this DescendantCounts counts)
    {
        var list = counts.ByRelation.OrderByDescending(p => p.Value).ToList();
        return new DataFrame(
            new StringDataFrameColumn("relation", list.Select(p => p.Key.Label())),
            new Int64DataFrameColumn("models", list.Select(p => (long?)p.Value)));
    }
}

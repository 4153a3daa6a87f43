using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using ModelTree.Graph;
using ModelTree.Records;

namespace ModelTree;

/// <summary>
/// A subtree (or any set of links) in the formats other tools read: a nested JSON tree, a CSV edge
/// list, Mermaid for a small picture in Markdown, and GraphML for Gephi.
/// </summary>
public static class GraphExport
{
    /// <summary>Nodes a Mermaid diagram shows before it stops (larger diagrams do not render legibly).</summary>
    public const int MermaidLimit = 60;

    /// <summary>
    /// Writes the subtree in the run's output folder as <c>name.json</c> (<see cref="Json"/>), <c>name-edges.csv</c>
    /// (<see cref="EdgeCsv"/>) and <c>name.graphml</c> (<see cref="GraphMl"/>), and returns the three paths.
    /// </summary>
    /// <exception cref="ModelTreeException">The name is not a plain file name, or a file cannot be written.</exception>
    public static IReadOnlyList<string> Save(Subtree subtree, string name)
    {
        (string File, string Text)[] files =
        [
            ($"{name}.json", Json(subtree)),
            ($"{name}-edges.csv", EdgeCsv(subtree.Edges)),
            ($"{name}.graphml", GraphMl(subtree)),
        ];
        var written = new List<string>();
        foreach (var (file, text) in files)
        {
            var path = WorkbookPaths.Output(file);
            try
            {
                File.WriteAllText(path, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ModelTreeException($"Could not write {path}: {e.Message}. Check that the output folder is writable (set it with run --out).", e);
            }
            written.Add(path);
        }
        return written;
    }

    /// <summary>
    /// The subtree as nested JSON: each node {id, relation, depth, downloads, inTable, children: [...]}.
    /// A model with several bases (a merge) sits under the base the walk reached first, and lists the
    /// others in <c>otherBases</c>, so every model appears once.
    /// </summary>
    public static string Json(Subtree subtree)
    {
        var objects = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        JsonObject? root = null;
        var basesOf = subtree.Edges.ToLookup(e => e.Child, e => e.Base, StringComparer.OrdinalIgnoreCase);
        foreach (var node in subtree.Nodes)
        {
            var json = new JsonObject
            {
                ["id"] = node.Id,
                ["relation"] = node.Parent is null ? null : node.Relation.Label(),
                ["depth"] = node.Depth,
                ["downloads"] = node.Downloads,
                ["inTable"] = node.InTable,
            };
            var others = node.Parent is null ? [] : basesOf[node.Id]
                .Where(b => !b.Equals(node.Parent, StringComparison.OrdinalIgnoreCase))
                .Select(b => (JsonNode?)b).ToArray();
            if (others.Length > 0)
            {
                json["otherBases"] = new JsonArray(others);
            }
            json["children"] = new JsonArray();
            objects[node.Id] = json;
            if (node.Parent is null)
            {
                root = json;
            }
            else
            {
                ((JsonArray)objects[node.Parent]["children"]!).Add(json);
            }
        }
        var document = new JsonObject
        {
            ["root"] = subtree.Root,
            ["models"] = subtree.Nodes.Count,
            ["leftOut"] = subtree.LeftOut,
            ["tree"] = root,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Links as CSV: <c>child,base,relation,source</c>, one line each, with a header.</summary>
    public static string EdgeCsv(IEnumerable<GraphEdge> edges)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteEdgeCsv(writer, edges);
        return writer.ToString();
    }

    /// <summary>Writes links as CSV (for the whole graph, stream <see cref="ModelGraph.Edges"/> to a file).</summary>
    public static void WriteEdgeCsv(TextWriter writer, IEnumerable<GraphEdge> edges)
    {
        writer.Write("child,base,relation,source\n");
        foreach (var e in edges)
        {
            writer.Write($"{Csv(e.Child)},{Csv(e.Base)},{e.Relation.Label()},{SourceLabel(e.Source)}\n");
        }
    }

    /// <summary>
    /// A Mermaid flowchart (base left of child, each link labelled with its relation). Shows at most
    /// <paramref name="maxNodes"/> models, breadth first, and says in a note how many it left out.
    /// </summary>
    public static Display.MermaidDiagram Mermaid(Subtree subtree, int maxNodes = MermaidLimit)
    {
        var shown = subtree.Nodes.Take(Math.Max(1, maxNodes)).ToList();
        var key = shown.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => $"n{x.i}", StringComparer.OrdinalIgnoreCase);
        var text = new StringBuilder("graph LR\n");
        foreach (var node in shown)
        {
            text.Append("  ").Append(key[node.Id]).Append("[\"").Append(MermaidText(node.Id)).Append("\"]\n");
        }
        foreach (var e in subtree.Edges)
        {
            if (key.TryGetValue(e.Child, out var child) && key.TryGetValue(e.Base, out var parent))
            {
                text.Append("  ").Append(parent).Append(" -->|").Append(e.Relation.Label()).Append("| ").Append(child).Append('\n');
            }
        }
        var leftOut = subtree.Nodes.Count - shown.Count + subtree.LeftOut;
        if (leftOut > 0)
        {
            text.Append("  more[\"... ").Append(leftOut.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" more models not drawn (Mermaid limit ").Append(maxNodes).Append(")\"]\n");
            text.Append("  style more stroke-dasharray: 5 5\n");
        }
        var drawn = subtree.Edges.Where(e => key.ContainsKey(e.Child) && key.ContainsKey(e.Base)).ToList();
        return new Display.MermaidDiagram(text.ToString(), shown, drawn, leftOut);
    }

    /// <summary>The subtree as GraphML (Gephi, yEd, networkx): nodes with downloads, depth and whether they are in the data; links child -> base with relation and source.</summary>
    public static string GraphMl(Subtree subtree)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteGraphMl(writer, subtree.Nodes.Select(n => (n.Id, n.Downloads, n.InTable, (int?)n.Depth)), subtree.Edges);
        return writer.ToString();
    }

    /// <summary>Writes GraphML for any nodes and links (for a whole family or the whole graph, stream to a file).</summary>
    public static void WriteGraphMl(TextWriter output, IEnumerable<(string Id, long Downloads, bool InTable, int? Depth)> nodes, IEnumerable<GraphEdge> edges)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false });
        const string ns = "http://graphml.graphdrawing.org/xmlns";
        xml.WriteStartElement("graphml", ns);
        Key(xml, "downloads", "node", "long");
        Key(xml, "inTable", "node", "boolean");
        Key(xml, "depth", "node", "int");
        Key(xml, "relation", "edge", "string");
        Key(xml, "source", "edge", "string");
        xml.WriteStartElement("graph", ns);
        xml.WriteAttributeString("id", "modeltree");
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var (id, downloads, inTable, depth) in nodes)
        {
            xml.WriteStartElement("node", ns);
            xml.WriteAttributeString("id", id);
            Data(xml, "downloads", downloads.ToString(CultureInfo.InvariantCulture));
            Data(xml, "inTable", inTable ? "true" : "false");
            if (depth is { } d)
            {
                Data(xml, "depth", d.ToString(CultureInfo.InvariantCulture));
            }
            xml.WriteEndElement();
        }
        foreach (var e in edges)
        {
            xml.WriteStartElement("edge", ns);
            xml.WriteAttributeString("source", e.Child);
            xml.WriteAttributeString("target", e.Base);
            Data(xml, "relation", e.Relation.Label());
            Data(xml, "source", SourceLabel(e.Source));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>How a link's source is written in exports: <c>baseModels</c>, <c>tag</c>, <c>card</c>.</summary>
    public static string SourceLabel(EdgeSource source) => source switch
    {
        EdgeSource.BaseModels => "baseModels",
        EdgeSource.Tag => "tag",
        _ => "card",
    };

    private static void Key(XmlWriter xml, string name, string domain, string type)
    {
        xml.WriteStartElement("key", "http://graphml.graphdrawing.org/xmlns");
        xml.WriteAttributeString("id", name);
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", "http://graphml.graphdrawing.org/xmlns");
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private static string MermaidText(string id) => id.Replace("\"", "#quot;");
}

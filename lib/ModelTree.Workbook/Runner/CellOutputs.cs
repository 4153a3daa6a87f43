using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// Collects a cell's outputs in the order they happen: console text accumulates into one stream
/// output until something is displayed, as in Polyglot.
/// </summary>
public sealed class CellOutputs
{
    private readonly List<CellOutput> outputs = [];
    private readonly object gate = new();
    private string? streamName;
    private readonly StringBuilder stream = new();

    /// <summary>The outputs so far (pending console text included).</summary>
    public IReadOnlyList<CellOutput> ToList()
    {
        lock (gate)
        {
            FlushStream();
            return outputs.ToList();
        }
    }

    /// <summary>Adds console text to the stream named <paramref name="name"/> (stdout or stderr).</summary>
    public void Write(string name, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        lock (gate)
        {
            if (streamName != name)
            {
                FlushStream();
                streamName = name;
            }
            stream.Append(text);
        }
    }

    /// <summary>Adds an output.</summary>
    public void Add(CellOutput output)
    {
        lock (gate)
        {
            FlushStream();
            outputs.Add(output);
        }
    }

    /// <summary>Displays a value the way Polyglot does: text/html from the formatter (except for strings) and text/plain.</summary>
    public void Display(object? value, bool isResult = false, IReadOnlyList<string>? mimeTypes = null) =>
        Add(Format(value, isResult, mimeTypes));

    /// <summary>
    /// The display output for a value: the given MIME types, or text/html (except for strings) and
    /// text/plain, each from the formatters registered with Microsoft.DotNet.Interactive.Formatting.
    /// </summary>
    public static DisplayOutput Format(object? value, bool isResult = false, IReadOnlyList<string>? mimeTypes = null)
    {
        var data = new Dictionary<string, string>();
        if (mimeTypes is { Count: > 0 })
        {
            foreach (var mime in mimeTypes)
            {
                data[mime] = value.ToDisplayString(mime);
            }
            return new DisplayOutput(data, isResult);
        }
        if (value is not string)
        {
            data["text/html"] = value.ToDisplayString("text/html");
        }
        data["text/plain"] = value is Microsoft.AspNetCore.Html.IHtmlContent html ? html.ToString() ?? "" : value.ToDisplayString("text/plain");
        return new DisplayOutput(data, isResult);
    }

    private void FlushStream()
    {
        if (streamName is not null && stream.Length > 0)
        {
            outputs.Add(new StreamOutput(streamName, stream.ToString()));
        }
        stream.Clear();
        streamName = null;
    }
}

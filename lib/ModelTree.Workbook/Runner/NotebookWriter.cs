using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// Writes an executed notebook back as .ipynb, the way Polyglot saves one: each code cell's outputs
/// (<c>display_data</c> with text/html and text/plain, <c>stream</c>, <c>error</c>) and execution count;
/// every other piece of the notebook (metadata, kernels, ids) as read. Like notebooks saved by VS Code
/// with Polyglot, a cell's return value is written as <c>display_data</c> too, not <c>execute_result</c>.
/// </summary>
internal static class NotebookWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The executed notebook as JSON.</summary>
    public static JsonObject ToJson(NotebookRun run)
    {
        var root = (JsonObject)run.Notebook.Json.DeepClone();
        if (root["cells"] is not JsonArray cells)
        {
            return root;
        }
        foreach (var cellRun in run.Cells)
        {
            if (cellRun.Cell.Kind != CellKind.Code || cells[cellRun.Cell.Number - 1] is not JsonObject cell)
            {
                continue;
            }
            cell["execution_count"] = cellRun.ExecutionCount;
            if (cellRun is { Started: { } started, Ended: { } ended })
            {
                // As nbclient records a cell's timing: the kernel busy, the code received, the reply, the kernel idle.
                var metadata = cell["metadata"] as JsonObject ?? [];
                cell["metadata"] = metadata;
                metadata["execution"] = new JsonObject
                {
                    ["iopub.status.busy"] = Timestamp(started),
                    ["iopub.execute_input"] = Timestamp(started),
                    ["shell.execute_reply"] = Timestamp(ended),
                    ["iopub.status.idle"] = Timestamp(ended),
                };
            }
            cell["outputs"] = new JsonArray(cellRun.Outputs.Select(Output).ToArray<JsonNode?>());
        }
        return root;
    }

    /// <summary>Writes the executed notebook to <paramref name="path"/> (folders created); returns the full path.</summary>
    public static string Write(NotebookRun run, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ToJson(run).ToJsonString(Json) + "\n");
        return full;
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>nbformat's multi-line string: the lines, each but the last keeping its \n.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }

    private static JsonObject Output(CellOutput output) => output switch
    {
        DisplayOutput display => Display(display),
        StreamOutput stream => new JsonObject
        {
            ["name"] = stream.Name,
            ["output_type"] = "stream",
            ["text"] = Lines(stream.Text),
        },
        ErrorOutput error => new JsonObject
        {
            ["ename"] = error.Name,
            ["evalue"] = error.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)l).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "unknown output kind"),
    };

    private static JsonObject Display(DisplayOutput display)
    {
        var data = new JsonObject();
        foreach (var (mime, content) in display.Data)
        {
            data[mime] = Lines(content);
        }
        return new JsonObject
        {
            ["data"] = data,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        };
    }
}

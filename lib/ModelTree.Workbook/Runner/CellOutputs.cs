using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// Turns the kernel events of one submission into the cell's outputs, as the VS Code extension does: displayed
/// and returned values become display outputs (an update replaces the value it names), console text becomes
/// stream outputs (consecutive writes joined), and a failure becomes the error output.
/// </summary>
internal static class CellOutputs
{
    /// <summary>The outputs of <paramref name="submission"/>, given every event the kernel published while it ran.</summary>
    public static List<CellOutput> From(KernelCommand submission, IEnumerable<KernelEvent> events)
    {
        var outputs = new List<CellOutput>();
        foreach (var e in events)
        {
            switch (e)
            {
                case DisplayedValueUpdated updated:
                    var index = outputs.FindIndex(o => o is DisplayOutput { ValueId: { } id } && id == updated.ValueId);
                    var data = Data(updated.FormattedValues);
                    if (index >= 0)
                    {
                        outputs[index] = ((DisplayOutput)outputs[index]) with { Data = data };
                    }
                    else
                    {
                        outputs.Add(new DisplayOutput(data, ValueId: updated.ValueId));
                    }
                    break;
                case ReturnValueProduced { Value: DisplayedValue }:
                    break; // display() returns the value it showed; it is shown once
                case ReturnValueProduced returned:
                    outputs.Add(new DisplayOutput(Data(returned.FormattedValues), IsResult: true, returned.ValueId));
                    break;
                case DisplayedValueProduced displayed:
                    outputs.Add(new DisplayOutput(Data(displayed.FormattedValues), ValueId: displayed.ValueId));
                    break;
                case StandardOutputValueProduced stdout:
                    Append(outputs, "stdout", Text(stdout.FormattedValues));
                    break;
                case StandardErrorValueProduced stderr:
                    Append(outputs, "stderr", Text(stderr.FormattedValues));
                    break;
                case ErrorProduced error when error.Command != submission:
                    outputs.Add(new ErrorOutput("Error", error.Message, Lines(error.Message)));
                    break;
                case CommandFailed failed when failed.Command == submission:
                    var (name, value, _) = CellErrors.Describe(failed);
                    outputs.Add(new ErrorOutput(name, value, name == nameof(ModelTreeException) ? [value] : Lines(failed.Message)));
                    break;
            }
        }
        return outputs;
    }

    private static Dictionary<string, string> Data(IEnumerable<FormattedValue> values)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            data[value.MimeType] = value.Value;
        }
        return data;
    }

    private static string Text(IEnumerable<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? values.FirstOrDefault()?.Value ?? "";

    private static void Append(List<CellOutput> outputs, string stream, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == stream)
        {
            outputs[^1] = last with { Text = last.Text + text };
        }
        else
        {
            outputs.Add(new StreamOutput(stream, text));
        }
    }

    private static List<string> Lines(string text) => text.Replace("\r\n", "\n").Split('\n').ToList();
}

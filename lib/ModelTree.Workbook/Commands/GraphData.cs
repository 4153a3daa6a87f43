using System.Diagnostics;
using Spectre.Console;

namespace ModelTree.Workbook.Commands;

/// <summary>Opens a dataset and builds its model graph for the graph commands (<c>tree</c>, <c>families</c>, <c>bench graph</c>).</summary>
internal static class GraphData
{
    /// <summary>Opens <paramref name="path"/> (default: the sample) in an in-memory database, so the command
    /// never waits on a notebook holding the workbook database, and builds the graph.</summary>
    public static (HubData Hub, ModelGraph Graph) Open(Terminal terminal, string? path, IAnsiConsole? status = null)
    {
        var hub = DataOption.Open(path, terminal.Error);
        try
        {
            ModelGraph? graph = null;
            if (status is null)
            {
                graph = ModelGraph.Build(hub);
            }
            else
            {
                var clock = Stopwatch.StartNew();
                status.Status().Start($"building the model graph of {Markup.Escape(hub.Description)}", _ => graph = ModelGraph.Build(hub));
                status.MarkupLineInterpolated($"[grey]{hub.Description}: {graph!.Report} ({clock.Elapsed.TotalSeconds:0.0} s)[/]");
            }
            return (hub, graph!);
        }
        catch
        {
            hub.Dispose();
            throw;
        }
    }
}

using System.Runtime.Loader;
using Plotly.NET;

namespace ModelTree.Charts;

/// <summary>
/// Whether the engine running the notebook can draw Plotly.NET charts. Plotly.NET 6 and DynamicObj 8 are built
/// against FSharp.Core 10.1; the stock dotnet-interactive tool (the final 1.0.712001) carries FSharp.Core 10.0 and
/// loads packages into its own process, where a second FSharp.Core cannot load, so the first chart call would fail
/// deep inside DynamicObj with a bare FileNotFoundException. This check fails first, with the cause and the fix.
/// </summary>
public static class ChartEngine
{
    private static volatile bool supported;

    /// <summary>Throws <see cref="ModelTreeException"/> when the FSharp.Core loaded beside Plotly.NET is older than the one it needs.</summary>
    public static void EnsureSupported()
    {
        if (supported)
        {
            return;
        }
        var plotly = typeof(GenericChart).Assembly;
        var needed = plotly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "FSharp.Core")?.Version;
        var context = AssemblyLoadContext.GetLoadContext(plotly) ?? AssemblyLoadContext.Default;
        var loaded = context.Assemblies.FirstOrDefault(a => a.GetName().Name == "FSharp.Core")?.GetName().Version;
        if (needed is not null && loaded is not null && loaded < needed)
        {
            throw new ModelTreeException(
                $"Charts cannot be drawn in this engine: Plotly.NET {plotly.GetName().Version?.ToString(3)} needs FSharp.Core {needed.ToString(2)}, " +
                $"but this kernel runs FSharp.Core {loaded.ToString(2)}: it is the stock dotnet-interactive tool, not the workbook's kernel. " +
                "Open the repository's folder in VS Code (File > Open Folder) so that .vscode/settings.json starts the workbook kernel " +
                "(README, \"Using it in VS Code\"), or run the notebook headless with `dotnet run --project lib/ModelTree.Workbook -- run <notebook>`. " +
                "Cells that do not draw charts work in either engine.");
        }
        MakeChartJsonSafe();
        supported = true;
    }

    /// <summary>
    /// Sets the two things the workbook needs of the JSON Plotly.NET writes into a chart's &lt;script&gt; block:
    /// <list type="bullet">
    /// <item>it escapes &lt;, &gt; and &amp; (as \u003c...), so that a label such as a model id holding "&lt;/script&gt;" can
    /// neither end the script nor become markup; the browser reads the same characters back;</item>
    /// <item>it checks for reference loops by reference. Newtonsoft.Json asks every object being written whether it
    /// equals one of the objects above it, and DynamicObj answers <c>Equals</c> by hashing both objects' whole
    /// subtrees, so each chart cost about 100 ms, most of the workbook's chart time, for the same JSON text that a
    /// reference check gives in about 1 ms.</item>
    /// </list>
    /// </summary>
    public static void MakeChartJsonSafe()
    {
        Globals.JSON_CONFIG.StringEscapeHandling = Newtonsoft.Json.StringEscapeHandling.EscapeHtml;
        Globals.JSON_CONFIG.EqualityComparer = ReferenceEqualityComparer.Instance;
    }
}

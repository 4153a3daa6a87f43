using System.Globalization;
using Plotly.NET;

namespace ModelTree.Charts;

/// <summary>
/// The one chart layer every chart of the workbook is built on: Plotly.NET's low layer, traces and layouts as
/// dynamic objects whose property names are plotly.js's own. (Plotly.NET's <c>Chart.*</c> functions take their
/// optional arguments as F# options, which C# must wrap one by one in <c>FSharpOption</c>; setting plotly.js
/// properties directly reads better and is what those functions do underneath.) Every entry point checks first
/// that the engine can draw charts at all (<see cref="ChartEngine"/>).
/// </summary>
internal static class Plot
{
    /// <summary>Characters a title line may take before it wraps, so that a title fits a 720-pixel chart.</summary>
    public const int TitleWidth = 80;

    /// <summary>A trace of a plotly.js type with the given properties (null values are left out).</summary>
    public static Trace Trace(string type, params (string Name, object? Value)[] properties)
    {
        ChartEngine.EnsureSupported();
        var trace = new Trace(type);
        Set(trace, properties);
        return trace;
    }

    /// <summary>A nested plotly.js object (marker, axis, title...).</summary>
    public static DynamicObj.DynamicObj Object(params (string Name, object? Value)[] properties)
    {
        ChartEngine.EnsureSupported();
        var obj = new DynamicObj.DynamicObj();
        Set(obj, properties);
        return obj;
    }

    /// <summary>An axis with a title; <paramref name="log"/> for a log scale; more plotly.js axis properties after.</summary>
    public static DynamicObj.DynamicObj Axis(string title, bool log = false, params (string Name, object? Value)[] properties) =>
        Object([("title", Object(("text", title))), ("automargin", true), ("type", log ? "log" : null), .. properties]);

    /// <summary>
    /// The traces as one chart titled <paramref name="title"/> (wrapped to fit, the top margin grown to hold it),
    /// with further layout properties. An empty list of traces gives an empty chart.
    /// </summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, string title, params (string Name, object? Value)[] layout)
    {
        ChartEngine.EnsureSupported();
        var list = traces.ToList();
        var chart = GenericChart.ofTraceObjects(true, list.Count > 0 ? list : [new Trace("scatter")]);
        var wrapped = Wrap(title);
        var lines = wrapped.Split("<br>").Length;
        var l = new Layout();
        Set(l, [("title", Object(("text", wrapped), ("x", 0.02), ("xanchor", "left"))), ("margin", Object(("t", 40 + (22 * lines)))), .. layout]);
        return GenericChart.addLayout(l, chart);
    }

    /// <summary>A title broken into lines of at most <see cref="TitleWidth"/> characters at spaces, joined by &lt;br&gt;.</summary>
    internal static string Wrap(string title)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > TitleWidth)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : $"{line} {word}";
            }
        }
        lines.Add(line);
        return string.Join("<br>", lines);
    }

    /// <summary>A number as chart text: thousands separated, invariant culture.</summary>
    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static void Set(DynamicObj.DynamicObj target, (string Name, object? Value)[] properties)
    {
        foreach (var (name, value) in properties)
        {
            if (value is not null)
            {
                target.SetProperty(name, value);
            }
        }
    }
}

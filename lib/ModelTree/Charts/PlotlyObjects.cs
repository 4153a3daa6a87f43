using Plotly.NET;

namespace ModelTree.Charts;

/// <summary>
/// Plotly.NET's low layer, from C#: traces and layouts as dynamic objects whose properties are
/// plotly.js's own (the F# <c>Chart.*</c> layer takes thirty optional F# arguments that C# cannot skip).
/// </summary>
internal static class PlotlyObjects
{
    /// <summary>A trace of a plotly.js type with the given properties.</summary>
    public static Trace Trace(string type, params (string Name, object? Value)[] properties)
    {
        var trace = new Trace(type);
        Set(trace, properties);
        return trace;
    }

    /// <summary>A nested plotly.js object (marker, axis, title...).</summary>
    public static DynamicObj.DynamicObj Object(params (string Name, object? Value)[] properties)
    {
        var obj = new DynamicObj.DynamicObj();
        Set(obj, properties);
        return obj;
    }

    /// <summary>The traces as one chart with the given layout properties.</summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, params (string Name, object? Value)[] layout)
    {
        var chart = GenericChart.ofTraceObjects(true, traces);
        var l = new Layout();
        Set(l, layout);
        return GenericChart.addLayout(l, chart);
    }

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

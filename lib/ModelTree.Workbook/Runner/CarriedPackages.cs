using System.Reflection;

namespace ModelTree.Workbook.Runner;

/// <summary>The NuGet packages and assemblies the runner carries, so notebooks' <c>#r</c> lines resolve with no download.</summary>
public static class CarriedPackages
{
    /// <summary>Package that provides <c>#!connect duckdb</c> in Polyglot; the runner provides its effect itself.</summary>
    public const string DuckDbConnector = "Microsoft.DotNet.Interactive.DuckDB";

    /// <summary>Package that registers the Plotly.NET chart formatter in Polyglot.</summary>
    public const string PlotlyInteractive = "Plotly.NET.Interactive";

    /// <summary>Package ids a notebook may load with <c>#r "nuget: ..."</c> (case-insensitive, as NuGet ids are).</summary>
    public static IReadOnlySet<string> Packages { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "DuckDB.NET.Data.Full",
        "DuckDB.NET.Data",
        "Microsoft.Data.Analysis",
        "Plotly.NET",
        PlotlyInteractive,
        DuckDbConnector,
    };

    /// <summary>Assemblies every C# cell can use, beyond the .NET framework.</summary>
    public static IReadOnlyList<string> AssemblyNames { get; } =
    [
        "ModelTree",
        "DuckDB.NET.Data",
        "DuckDB.NET.Bindings",
        "Microsoft.Data.Analysis",
        "Microsoft.ML.DataView",
        "Apache.Arrow",
        "Plotly.NET",
        "DynamicObj",
        "Giraffe.ViewEngine",
        "FSharp.Core",
        "Microsoft.DotNet.Interactive.Formatting",
        "Microsoft.AspNetCore.Html.Abstractions",
    ];

    /// <summary>The carried assemblies that load in this process.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } = LoadAssemblies();

    /// <summary>The carried assembly with this simple name, if any (for <c>#r "ModelTree.dll"</c>).</summary>
    public static Assembly? Find(string simpleName) =>
        Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase));

    private static List<Assembly> LoadAssemblies()
    {
        var loaded = new List<Assembly>();
        foreach (var name in AssemblyNames)
        {
            try
            {
                loaded.Add(Assembly.Load(new AssemblyName(name)));
            }
            catch (FileNotFoundException)
            {
                // Not deployed with this host: cells cannot use it, and #r for it will say so.
            }
        }
        return loaded;
    }
}

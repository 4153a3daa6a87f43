using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace ModelTree.Workbook.Engine;

/// <summary>
/// The workbook's notebook kernel, built on the real Microsoft.DotNet.Interactive packages: a composite kernel
/// whose default is the real C# kernel (with <c>#r "nuget:"</c> through the real package management and package
/// extensions loaded as .NET Interactive loads them), plus <c>#!connect duckdb</c>. The same kernel serves VS Code
/// over stdio (<c>kernel</c>) and the headless runner in process (<c>run</c>). This process carries FSharp.Core
/// 10.1, so Plotly.NET 6 charts work, which they do not in the stock dotnet-interactive tool.
/// </summary>
public static class WorkbookKernel
{
    /// <summary>The C# kernel's name, as Polyglot notebooks spell it.</summary>
    public const string CSharp = "csharp";

    /// <summary>A new kernel: one per notebook, disposed when the notebook is done.</summary>
    public static CompositeKernel Create()
    {
        SetUpFormatting();
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths).Select(HostAssemblies.Reference));
                return Task.CompletedTask;
            })
            .UseBuiltInDuckDbConnector()
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var root = new CompositeKernel();
        root.Add(csharp, ["c#", "C#"]);
        root.DefaultKernelName = CSharp;
        root.AddConnectDirective(new ConnectDuckDbDirective());
        return root.UsePackageExtensions();
    }

    private static int formattingSetUp;

    // As dotnet-interactive sets up formatting for notebook front ends: HTML by default, strings as plain text.
    // Every value also carries text/plain, so a terminal, a test or a viewer without HTML can read it.
    private static void SetUpFormatting()
    {
        if (Interlocked.Exchange(ref formattingSetUp, 1) == 1)
        {
            return;
        }
        Charts.ChartEngine.MakeChartJsonSafe(); // charts made with Plotly.NET directly, too
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(object), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }
}

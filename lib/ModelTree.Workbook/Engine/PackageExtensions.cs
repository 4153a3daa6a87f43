using System.Collections.Concurrent;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace ModelTree.Workbook.Engine;

/// <summary>
/// Kernel extensions shipped inside NuGet packages (<c>interactive-extensions/dotnet/*.dll</c>), loaded when a
/// <c>#r "nuget: ..."</c> adds the package, as .NET Interactive does: this is how Plotly.NET.Interactive
/// registers its chart formatter. And the DuckDB connector package, whose job this kernel does itself.
/// </summary>
internal static class PackageExtensions
{
    /// <summary>The archived connector package that provided <c>#!connect duckdb</c>; not on the feed.</summary>
    public const string DuckDbConnector = "Microsoft.DotNet.Interactive.DuckDB";

    /// <summary>Loads extensions of packages added by a command once that command has finished.</summary>
    public static CompositeKernel UsePackageExtensions(this CompositeKernel kernel)
    {
        var pending = new ConcurrentQueue<PackageAdded>();
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        kernel.RegisterForDisposal(kernel.KernelEvents.Subscribe(e =>
        {
            if (e is PackageAdded { PackageReference.PackageRoot: not null } added)
            {
                pending.Enqueue(added);
            }
        }));
        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            while (pending.TryDequeue(out var added))
            {
                var folder = Path.Combine(added.PackageReference.PackageRoot, "interactive-extensions", "dotnet");
                if (Directory.Exists(folder) && loaded.Add(folder))
                {
                    await LoadAsync(kernel, folder, context);
                    Formatters.Register(); // the workbook's tables stay the workbook's (Microsoft.Data.Analysis brings its own)
                }
            }
        });
        return kernel;
    }

    /// <summary>
    /// Answers <c>#r "nuget: Microsoft.DotNet.Interactive.DuckDB"</c> without a restore: the notebooks keep
    /// that line so that they also run in the stock engine, where the package provides <c>#!connect duckdb</c>.
    /// </summary>
    public static T UseBuiltInDuckDbConnector<T>(this T kernel) where T : Microsoft.DotNet.Interactive.Kernel
    {
        kernel.AddMiddleware(async (command, context, next) =>
        {
            if (command is AddPackage { PackageName: var name } && name.Equals(DuckDbConnector, StringComparison.OrdinalIgnoreCase))
            {
                return; // built in: #!connect duckdb is always available in this kernel
            }
            await next(command, context);
        });
        return kernel;
    }

    private static async Task LoadAsync(CompositeKernel kernel, string folder, KernelInvocationContext context)
    {
        foreach (var file in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
            var types = assembly.ExportedTypes.Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
            if (types.Count > 0)
            {
                KernelInvocationContextExtensions.Display(context, $"Loading extensions from `{assembly.Location}`", "text/plain"); // as .NET Interactive announces them
            }
            foreach (var type in types)
            {
                try
                {
                    var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                    await extension.OnLoadAsync(kernel);
                    context.Publish(new KernelExtensionLoaded(extension, context.Command));
                }
                catch (Exception e)
                {
                    context.Fail(context.Command, e, $"The kernel extension {type.FullName} from {file} failed to load: {e.Message}");
                }
            }
        }
    }
}

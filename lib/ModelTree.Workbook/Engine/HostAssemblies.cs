using System.Reflection;

namespace ModelTree.Workbook.Engine;

/// <summary>
/// Which copy of an assembly a cell compiles against. The kernel's process already carries some of the assemblies a
/// <c>#r "nuget:"</c> package brings, often newer: NuGet resolves a package's dependencies to their lowest allowed
/// version (Plotly.NET.Interactive's chain asks for Microsoft.AspNetCore.Html.Abstractions 2.3.0, the workbook ships
/// 2.3.13). At run time the process's copy is the one loaded whatever the package says, so a cell must compile against
/// it too; compiled against the package's older copy, every call into the ModelTree library fails with CS1705 (found on
/// a machine whose NuGet cache held 2.3.0).
/// </summary>
internal static class HostAssemblies
{
    private static readonly Lazy<Dictionary<string, string>> Trusted = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key!, g => g.First(), StringComparer.OrdinalIgnoreCase));

    /// <summary>The process's copy of the assembly at <paramref name="packagePath"/> when it has one at least as new, else <paramref name="packagePath"/>.</summary>
    public static string Reference(string packagePath) => Reference(packagePath, Trusted.Value);

    /// <summary>As <see cref="Reference(string)"/>, over <paramref name="host"/> (file name to path) as the process's assemblies.</summary>
    internal static string Reference(string packagePath, IReadOnlyDictionary<string, string> host)
    {
        if (!host.TryGetValue(Path.GetFileName(packagePath), out var hostPath))
        {
            return packagePath;
        }
        var hostVersion = VersionOf(hostPath);
        var packageVersion = VersionOf(packagePath);
        return hostVersion is not null && packageVersion is not null && hostVersion >= packageVersion ? hostPath : packagePath;
    }

    private static Version? VersionOf(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version;
        }
        catch (Exception e) when (e is BadImageFormatException or FileNotFoundException or FileLoadException)
        {
            return null; // not a managed assembly (or gone): leave the package's path as it is
        }
    }
}

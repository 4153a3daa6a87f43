using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelTree.Workbook.Engine;

namespace ModelTree.Tests.Engine;

/// <summary>
/// A cell compiles against the kernel process's copy of an assembly that a <c>#r "nuget:"</c> package also brings, when
/// the process's copy is at least as new: that is the copy the runtime loads. Compiled against an older package copy,
/// a cell calling the ModelTree library failed with CS1705 (notebook 07 on a machine whose NuGet cache held
/// Microsoft.AspNetCore.Html.Abstractions 2.3.0; the workbook ships 2.3.13).
/// </summary>
public sealed class HostAssembliesTests : IDisposable
{
    private const string Name = "Html.Abstractions.Probe";
    private readonly string root = Path.Combine(Path.GetTempPath(), $"modeltree-host-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void An_older_package_copy_gives_way_to_the_process_copy()
    {
        var host = Emit("host", "2.3.13.0");
        var package = Emit("package", "2.3.0.0");

        Assert.Equal(host, HostAssemblies.Reference(package, Host(host)));
    }

    [Fact]
    public void A_newer_package_copy_is_kept()
    {
        var host = Emit("host", "2.3.0.0");
        var package = Emit("package", "2.3.13.0");

        Assert.Equal(package, HostAssemblies.Reference(package, Host(host)));
    }

    [Fact]
    public void An_assembly_the_process_lacks_or_a_file_that_is_not_an_assembly_is_kept()
    {
        var package = Emit("package", "1.0.0.0");
        var notAssembly = Path.Combine(root, "host", $"{Name}.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(notAssembly)!);
        File.WriteAllText(notAssembly, "not a PE file");

        Assert.Equal(package, HostAssemblies.Reference(package, new Dictionary<string, string>()));
        Assert.Equal(package, HostAssemblies.Reference(package, Host(notAssembly)));
    }

    [Fact]
    public void The_process_copy_of_the_html_abstractions_wins_over_the_lowest_version_nuget_resolves()
    {
        // The real case, against this test process's trusted assemblies: the copy the workbook ships.
        var shipped = Path.Combine(AppContext.BaseDirectory, "Microsoft.AspNetCore.Html.Abstractions.dll");
        Assert.True(File.Exists(shipped), "the test host ships Microsoft.AspNetCore.Html.Abstractions");
        var package = Emit("package", "2.3.0.0", "Microsoft.AspNetCore.Html.Abstractions");

        Assert.Equal(Path.GetFullPath(shipped), Path.GetFullPath(HostAssemblies.Reference(package)));
    }

    private static Dictionary<string, string> Host(string path) =>
        new(StringComparer.OrdinalIgnoreCase) { [Path.GetFileName(path)] = path };

    private string Emit(string folder, string version, string name = Name)
    {
        var path = Path.Combine(root, folder, $"{name}.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")] public static class Probe {{ }}")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("; ", result.Diagnostics));
        return path;
    }
}

using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;

namespace ModelTree.Workbook.Runner;

/// <summary>What a notebook's C# variables hold open (data connections, DuckDB databases), released when the notebook ends.</summary>
internal static class KernelVariables
{
    /// <summary>Disposes every disposable value the notebook's C# variables hold, newest first; framework objects are left alone.</summary>
    public static void DisposeAll(CompositeKernel kernel)
    {
        if (kernel.FindKernelByName(Engine.WorkbookKernel.CSharp) is not CSharpKernel { ScriptState: { } state })
        {
            return;
        }
        foreach (var variable in state.Variables.Reverse())
        {
            if (variable.Value is IDisposable disposable && !IsFrameworkType(variable.Value.GetType()))
            {
                try
                {
                    disposable.Dispose();
                }
                catch (Exception)
                {
                    // A variable that fails to dispose must not fail a notebook that already finished.
                }
            }
        }
    }

    private static bool IsFrameworkType(Type type) =>
        type.Assembly.GetName().Name is { } name
        && (name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal) || name == "mscorlib");
}

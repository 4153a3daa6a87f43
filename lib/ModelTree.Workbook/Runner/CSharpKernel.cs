using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// The C# kernel: Roslyn scripting with one script state carried from cell to cell (a new instance
/// per notebook, so nothing leaks between notebooks).
/// </summary>
public sealed class CSharpKernel
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> BaseReferences = new(LoadBaseReferences);

    private readonly ScriptGlobals globals = new();
    private ScriptOptions options;
    private ScriptState<object>? state;

    /// <summary>Namespaces every cell imports.</summary>
    public static IReadOnlyList<string> Imports { get; } =
        ["System", "System.Linq", "System.Collections.Generic", "System.IO", "System.Threading.Tasks", "System.Text"];

    public CSharpKernel()
    {
        options = ScriptOptions.Default
            .WithReferences(BaseReferences.Value)
            .WithImports(Imports)
            .WithEmitDebugInformation(true)
            .WithAllowUnsafe(false);
    }

    /// <summary>Makes an assembly file usable by the following cells (<c>#r "x.dll"</c>).</summary>
    public void AddReference(string assemblyPath) =>
        options = options.AddReferences(MetadataReference.CreateFromFile(assemblyPath));

    /// <summary>Variables the cells have declared so far, with their current values.</summary>
    public IEnumerable<(string Name, object? Value)> Variables =>
        state?.Variables.Select(v => (v.Name, (object?)v.Value)) ?? [];

    /// <summary>
    /// Runs one cell's code. Console output goes to <paramref name="outputs"/> as stream output,
    /// <c>display()</c> adds display outputs, and the value of a last expression becomes an execute result.
    /// Compile errors throw <see cref="CompilationErrorException"/>; exceptions thrown by the code propagate.
    /// </summary>
    public async Task RunAsync(string code, CellOutputs outputs, CancellationToken cancellationToken = default)
    {
        globals.Outputs = outputs;
        try
        {
            using (new ConsoleCapture(outputs))
            {
                state = state is null
                    ? await CSharpScript.RunAsync<object>(code, options, globals, typeof(ScriptGlobals), cancellationToken)
                    : await state.ContinueWithAsync<object>(code, options, cancellationToken);
            }
        }
        finally
        {
            globals.Outputs = null;
        }
        if (HasResultValue(state.Script.GetCompilation()) && state.ReturnValue is not DisplayedValue)
        {
            outputs.Display(state.ReturnValue, isResult: true);
        }
    }

    /// <summary>
    /// Whether the submission ends with an expression without a semicolon whose type is not void:
    /// its value is the cell's result, as in Polyglot.
    /// </summary>
    private static bool HasResultValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.LastOrDefault();
        if (tree?.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
        {
            return false;
        }
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static List<MetadataReference> LoadBaseReferences()
    {
        var references = new List<MetadataReference>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string? path)
        {
            if (!string.IsNullOrEmpty(path) && File.Exists(path) && seen.Add(Path.GetFileName(path)))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        // The .NET framework: every managed assembly of the shared framework this process runs on.
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator);
        foreach (var path in trusted.Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard" or "Microsoft.CSharp"
                || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal) || name.StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            {
                Add(path);
            }
        }
        foreach (var assembly in CarriedPackages.Assemblies.Append(typeof(ScriptGlobals).Assembly))
        {
            Add(assembly.Location);
        }
        return references;
    }
}

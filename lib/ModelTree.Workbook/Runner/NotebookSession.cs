using System.Data.Common;
using ModelTree.Display;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// The kernels of one notebook run: a C# kernel and the SQL kernels its <c>#!connect</c> lines open.
/// One session per notebook, disposed at its end, so nothing carries over to the next notebook.
/// </summary>
internal sealed class NotebookSession(NotebookDocument notebook, RunOptions options) : IDisposable
{
    private readonly CSharpKernel csharp = new();
    private readonly Dictionary<string, SqlKernel> sqlKernels = new(StringComparer.Ordinal);
    private readonly HashSet<string> packages = new(StringComparer.OrdinalIgnoreCase);

    public async Task RunCellAsync(NotebookCell cell, CellOutputs outputs, CancellationToken cancellationToken)
    {
        var steps = CellPlanner.Plan(notebook, cell, name => notebook.KernelNames.ContainsKey(name) || sqlKernels.ContainsKey(name));
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (step)
            {
                case DirectiveStep { Directive: var directive }:
                    Apply(cell, directive);
                    break;
                case CodeStep { Kernel: NotebookDocument.CSharpKernel } code:
                    await csharp.RunAsync(code.Code, outputs, cancellationToken);
                    break;
                case CodeStep code when sqlKernels.TryGetValue(code.Kernel, out var sql):
                    sql.Run(code.Code, outputs);
                    break;
                case CodeStep code:
                    throw new ModelTreeException(UnknownKernel(cell, code.Kernel));
            }
        }
    }

    private string UnknownKernel(NotebookCell cell, string kernel)
    {
        var prefix = $"{notebook.Name}, cell {cell.Number}: kernel '{kernel}'";
        return notebook.KernelNames.ContainsKey(kernel) && kernel != NotebookDocument.CSharpKernel
            ? $"{prefix} is not connected. Connect it in an earlier cell with " +
              $"#!connect duckdb --kernel-name {kernel} --connection-string \"Data Source=<path>\" " +
              "(the runner runs C# cells and SQL cells on DuckDB connections)."
            : $"{prefix} is not one the runner has: it runs C# (csharp) and the SQL kernels opened with #!connect duckdb" +
              (sqlKernels.Count > 0 ? $" (connected: {string.Join(", ", sqlKernels.Keys)})." : ".");
    }

    private void Apply(NotebookCell cell, Directive directive)
    {
        switch (directive)
        {
            case NugetDirective nuget:
                packages.Add(nuget.Package);
                if (nuget.Package.Equals(CarriedPackages.PlotlyInteractive, StringComparison.OrdinalIgnoreCase))
                {
                    Formatters.RegisterCharts();
                }
                else if (nuget.Package.Equals("Microsoft.Data.Analysis", StringComparison.OrdinalIgnoreCase))
                {
                    Formatters.RegisterDataFrame();
                }
                break;
            case AssemblyDirective reference:
                AddAssembly(cell, reference);
                break;
            case ConnectDirective connect:
                Connect(cell, connect);
                break;
        }
    }

    private void AddAssembly(NotebookCell cell, AssemblyDirective reference)
    {
        var name = Path.GetFileNameWithoutExtension(reference.AssemblyPath);
        if (CarriedPackages.Find(name) is not null)
        {
            return; // The runner's own copy is already referenced: loading the file too would load two copies.
        }
        var path = Path.GetFullPath(Path.Combine(notebook.Folder, reference.AssemblyPath));
        if (!File.Exists(path))
        {
            throw CellPlanner.Unsupported(notebook, cell, reference.Line,
                $"'{path}' does not exist (paths are relative to the notebook's folder). Build it first, or fix the path.");
        }
        csharp.AddReference(path);
    }

    private void Connect(NotebookCell cell, ConnectDirective connect)
    {
        if (!packages.Contains(CarriedPackages.DuckDbConnector))
        {
            throw CellPlanner.Unsupported(notebook, cell, connect.Line,
                $"#!connect duckdb needs the DuckDB connector: add #r \"nuget: {CarriedPackages.DuckDbConnector}, *-*\" to an earlier cell (as Polyglot does).");
        }
        if (sqlKernels.ContainsKey(connect.KernelName) || connect.KernelName == NotebookDocument.CSharpKernel)
        {
            throw CellPlanner.Unsupported(notebook, cell, connect.Line, $"a kernel named '{connect.KernelName}' already exists.");
        }
        string connectionString;
        try
        {
            connectionString = ResolveDataSource(connect.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw CellPlanner.Unsupported(notebook, cell, connect.Line, $"the connection string is not valid: {e.Message}");
        }
        try
        {
            sqlKernels[connect.KernelName] = new SqlKernel(connect.KernelName, connectionString) { MaxRows = options.SqlMaxRows };
        }
        catch (Exception e) when (e is DbException or IOException)
        {
            throw CellPlanner.Unsupported(notebook, cell, connect.Line, $"could not open the database: {e.Message}");
        }
    }

    /// <summary>Makes the Data Source absolute (relative to the notebook's folder) and creates its folder.</summary>
    private string ResolveDataSource(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var key = new[] { "Data Source", "DataSource" }.FirstOrDefault(builder.ContainsKey);
        if (key is null || builder[key] is not string source || source.Length == 0 || source.StartsWith(':'))
        {
            return connectionString;
        }
        var path = Path.GetFullPath(Path.Combine(notebook.Folder, source));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder[key] = path;
        return builder.ConnectionString;
    }

    public void Dispose()
    {
        foreach (var kernel in sqlKernels.Values)
        {
            kernel.Dispose();
        }
        sqlKernels.Clear();
        // Release what the notebook's own variables hold open (data connections and the like), newest first;
        // framework objects (Console.Out...) are left alone.
        foreach (var (_, value) in csharp.Variables.Reverse())
        {
            if (value is IDisposable disposable && !IsFrameworkType(value.GetType()))
            {
                try
                {
                    disposable.Dispose();
                }
                catch (Exception)
                {
                    // A variable that fails to dispose must not fail the run that already finished.
                }
            }
        }
    }

    private static bool IsFrameworkType(Type type) =>
        type.Assembly.GetName().Name is { } name && (name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal) || name == "mscorlib");
}

namespace ModelTree.Workbook.Runner;

/// <summary>A directive line of a cell (<c>#r</c>, <c>#!connect</c>), handled by the runner, never by a kernel.</summary>
/// <param name="Line">The line as written, for messages.</param>
/// <param name="LineNumber">1-based line inside the cell.</param>
public abstract record Directive(string Line, int LineNumber);

/// <summary><c>#r "nuget: Name, version"</c>.</summary>
public sealed record NugetDirective(string Line, int LineNumber, string Package, string? Version) : Directive(Line, LineNumber);

/// <summary><c>#r "path/to/assembly.dll"</c>.</summary>
public sealed record AssemblyDirective(string Line, int LineNumber, string AssemblyPath) : Directive(Line, LineNumber);

/// <summary><c>#!connect duckdb --kernel-name name --connection-string "Data Source=..."</c>.</summary>
public sealed record ConnectDirective(string Line, int LineNumber, string KernelName, string ConnectionString) : Directive(Line, LineNumber);

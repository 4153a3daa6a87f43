using Microsoft.DotNet.Interactive.Commands;

namespace ModelTree.Workbook.Engine;

/// <summary>The command behind <c>#!connect duckdb --kernel-name &lt;name&gt; --connection-string "..."</c>.</summary>
public sealed class ConnectDuckDb(string connectedKernelName) : ConnectKernelCommand(connectedKernelName)
{
    /// <summary>A DuckDB.NET connection string, e.g. <c>Data Source=../data/work/workbook.duckdb</c>.</summary>
    public string? ConnectionString { get; set; }
}

using System.Data.Common;
using DuckDB.NET.Data;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Directives;

namespace ModelTree.Workbook.Engine;

/// <summary>
/// <c>#!connect duckdb</c>: adds a SQL kernel named by <c>--kernel-name</c> whose cells run on a DuckDB.NET
/// connection, as the archived Microsoft.DotNet.Interactive.DuckDB connector did (that package is not on the
/// feed, so the workbook kernel carries its own).
/// </summary>
public sealed class ConnectDuckDbDirective : ConnectKernelDirective<ConnectDuckDb>
{
    public ConnectDuckDbDirective() : base("duckdb", "Connects to a DuckDB database: cells addressed to the kernel's name run as SQL on it")
    {
        Parameters.Add(new KernelDirectiveParameter("--connection-string", "The DuckDB.NET connection string, e.g. \"Data Source=../data/work/workbook.duckdb\"")
        {
            AllowImplicitName = true,
            Required = true,
        });
    }

    public override Task<IEnumerable<Kernel>> ConnectKernelsAsync(ConnectDuckDb command, KernelInvocationContext context)
    {
        var connectionString = Resolve(command.ConnectionString);
        var connection = new DuckDBConnection(connectionString);
        try
        {
            connection.Open();
            HubData.DisableDeprecatedLambdas(connection);
        }
        catch (Exception e) when (e is DuckDBException or IOException)
        {
            connection.Dispose();
            throw new ModelTreeException($"#!connect duckdb: could not open {connectionString}: {e.Message.Split('\n')[0]}");
        }
        return Task.FromResult<IEnumerable<Kernel>>([new DuckDbKernel(command.ConnectedKernelName, connection)]);
    }

    /// <summary>Makes a relative Data Source absolute (against the current directory, the notebook's folder) and creates its folder.</summary>
    internal static string Resolve(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ModelTreeException("#!connect duckdb needs --connection-string \"Data Source=<path>\" (or \"Data Source=:memory:\").");
        }
        DbConnectionStringBuilder builder;
        try
        {
            builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException e)
        {
            throw new ModelTreeException($"#!connect duckdb: the connection string \"{connectionString}\" is not valid: {e.Message}");
        }
        var key = new[] { "Data Source", "DataSource" }.FirstOrDefault(builder.ContainsKey);
        if (key is null || builder[key] is not string source || source.Length == 0 || source.StartsWith(':'))
        {
            return connectionString;
        }
        var path = Path.GetFullPath(source);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder[key] = path;
        return builder.ConnectionString;
    }
}

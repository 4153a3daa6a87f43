using System.Data;
using DuckDB.NET.Data;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using ModelTree.Display;

namespace ModelTree.Workbook.Engine;

/// <summary>
/// A SQL kernel on one DuckDB connection: each statement of a submitted cell that returns columns is displayed
/// as one table (text/html and text/plain), in order; a failing statement fails the cell with DuckDB's message.
/// </summary>
public sealed class DuckDbKernel : Microsoft.DotNet.Interactive.Kernel, IKernelCommandHandler<SubmitCode>
{
    private readonly DuckDBConnection connection;

    public DuckDbKernel(string name, DuckDBConnection connection) : base(name)
    {
        this.connection = connection;
        KernelInfo.LanguageName = "SQL";
        KernelInfo.DisplayName = $"{name} - DuckDB SQL";
        RegisterForDisposal(connection);
    }

    /// <summary>Rows a result table shows before it says how many it left out.</summary>
    public static int MaxRows { get; set; } = 200;

    Task IKernelCommandHandler<SubmitCode>.HandleAsync(SubmitCode command, KernelInvocationContext context)
    {
        using var sql = connection.CreateCommand();
        sql.CommandText = command.Code;
        try
        {
            using var reader = sql.ExecuteReader();
            do
            {
                if (reader.FieldCount > 0)
                {
                    Display(reader, command, context);
                }
            }
            while (reader.NextResult());
        }
        catch (DuckDBException e)
        {
            context.Fail(command, message: e.Message);
        }
        return Task.CompletedTask;
    }

    private static void Display(IDataReader reader, SubmitCode command, KernelInvocationContext context)
    {
        var headers = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        long total = 0;
        while (reader.Read())
        {
            total++;
            if (rows.Count < MaxRows)
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToList());
            }
        }
        context.Publish(new DisplayedValueProduced(null, command,
        [
            new FormattedValue("text/html", HtmlTable.Render(headers, rows, total)),
            new FormattedValue("text/plain", PlainTable.Render(headers, rows, total)),
        ]));
    }
}

using DuckDB.NET.Data;
using ModelTree.Display;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// A SQL kernel opened by <c>#!connect duckdb --kernel-name name</c>: cells addressed to <see cref="Name"/>
/// run on its DuckDB connection, and the result of the last statement is shown as a table.
/// </summary>
public sealed class SqlKernel : IDisposable
{
    private readonly DuckDBConnection connection;

    /// <summary>Opens the connection. <paramref name="connectionString"/> must already have absolute paths.</summary>
    public SqlKernel(string name, string connectionString)
    {
        Name = name;
        connection = new DuckDBConnection(connectionString);
        connection.Open();
    }

    /// <summary>The kernel name, exactly as given to <c>--kernel-name</c>.</summary>
    public string Name { get; }

    /// <summary>Rows a result table shows before it notes how many it left out.</summary>
    public int MaxRows { get; init; } = 200;

    /// <summary>Runs the cell's statements; shows the last result that has columns.</summary>
    public void Run(string sql, CellOutputs outputs)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        (List<string> Headers, List<IReadOnlyList<object?>> Rows, long Total)? last = null;
        do
        {
            if (reader.FieldCount == 0)
            {
                continue;
            }
            var headers = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<IReadOnlyList<object?>>();
            long total = 0;
            while (reader.Read())
            {
                total++;
                if (rows.Count < MaxRows)
                {
                    rows.Add(Enumerable.Range(0, reader.FieldCount)
                        .Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToList());
                }
            }
            last = (headers, rows, total);
        }
        while (reader.NextResult());

        if (last is { } result)
        {
            outputs.Add(new DisplayOutput(new Dictionary<string, string>
            {
                ["text/html"] = HtmlTable.Render(result.Headers, result.Rows, result.Total),
                ["text/plain"] = PlainTable.Render(result.Headers, result.Rows, result.Total),
            }));
        }
    }

    public void Dispose() => connection.Dispose();
}

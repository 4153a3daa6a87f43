using DuckDB.NET.Data;
using ModelTree.Display;

namespace ModelTree.Workbook.Runner;

/// <summary>
/// A SQL kernel opened by <c>#!connect duckdb --kernel-name name</c>: cells addressed to <see cref="Name"/>
/// run on its DuckDB connection, and each query result is shown as a table.
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

    /// <summary>
    /// Runs the cell's statements and shows each result that has columns as a table (text/html and
    /// text/plain), in order, as Polyglot's DuckDB kernel shows one table per result.
    /// </summary>
    public void Run(string sql, CellOutputs outputs)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
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
            outputs.Add(new DisplayOutput(new Dictionary<string, string>
            {
                ["text/html"] = HtmlTable.Render(headers, rows, total),
                ["text/plain"] = PlainTable.Render(headers, rows, total),
            }));
        }
        while (reader.NextResult());
    }

    public void Dispose() => connection.Dispose();
}

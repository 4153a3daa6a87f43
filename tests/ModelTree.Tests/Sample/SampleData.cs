using DuckDB.NET.Data;
using ModelTree.Sample;

namespace ModelTree.Tests.Sample;

/// <summary>A sample parquet and its truth opened side by side in an in-memory DuckDB: views <c>models</c> and <c>truth</c>.</summary>
public sealed class SampleData : IDisposable
{
    public SampleData(string parquetPath)
    {
        ParquetPath = parquetPath;
        TruthPath = SampleGenerator.TruthPathFor(parquetPath);
        Connection = new DuckDBConnection("Data Source=:memory:");
        Connection.Open();
        Execute($"CREATE VIEW models AS SELECT * FROM read_parquet('{ParquetPath}')");
        Execute($"""
            CREATE VIEW truth AS SELECT * FROM read_csv('{TruthPath}', header = true, quote = '"',
                columns = {"{"}'id': 'VARCHAR', 'relation': 'VARCHAR', 'kind': 'VARCHAR', 'case': 'VARCHAR',
                           'family': 'VARCHAR', 'depth': 'INTEGER', 'bases': 'VARCHAR'{"}"})
            """);
    }

    public string ParquetPath { get; }

    public string TruthPath { get; }

    public DuckDBConnection Connection { get; }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public long Count(string sql) => Convert.ToInt64(Scalar(sql));

    public object? Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<object?[]> Rows(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Rows the truth file puts in a case.</summary>
    public long TruthCount(string @case) => Count($"SELECT count(*) FROM truth WHERE \"case\" = '{@case}'");

    public void Dispose() => Connection.Dispose();
}

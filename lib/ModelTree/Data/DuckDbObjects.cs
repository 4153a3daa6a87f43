using DuckDB.NET.Data;

namespace ModelTree.Data;

/// <summary>Statements on the workbook database that several openers share: run one, drop a table or view by name.</summary>
internal static class DuckDbObjects
{
    public static void Run(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Drops <paramref name="name"/> whether it is a table or a view (DuckDB refuses DROP TABLE on a view and the reverse); nothing when absent.</summary>
    public static void Drop(DuckDBConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = {Sql.Literal(name)}";
        switch (command.ExecuteScalar() as string)
        {
            case "VIEW":
                Run(connection, $"DROP VIEW {Sql.Identifier(name)}");
                break;
            case string:
                Run(connection, $"DROP TABLE {Sql.Identifier(name)}");
                break;
        }
    }
}

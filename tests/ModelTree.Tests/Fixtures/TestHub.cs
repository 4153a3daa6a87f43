using ModelTree.Data;

namespace ModelTree.Tests.Fixtures;

/// <summary>Builds small <c>models</c> tables from hand-made rows, in memory.</summary>
public static class TestHub
{
    /// <summary>Opens the rows as a dataset (through the JSON Lines path, as a user's API dump would be).</summary>
    public static HubData Open(params ModelRow[] rows)
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            var path = Path.Combine(dir, "models.jsonl");
            File.WriteAllLines(path, rows.Select(r => r.ToJson().ToJsonString()));
            return HubData.Open(path, new HubDataOptions { DatabasePath = ":memory:" });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Writes a parquet file from a DuckDB SELECT (for schema tests), returning its path.</summary>
    public static string WriteParquet(string dir, string select, string name = "models.parquet")
    {
        var path = Path.Combine(dir, name);
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY ({select}) TO '{path}' (FORMAT parquet)";
        command.ExecuteNonQuery();
        return path;
    }
}

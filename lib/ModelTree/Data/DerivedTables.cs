using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;

namespace ModelTree.Data;

/// <summary>
/// Tables derived from <c>models</c> (such as <c>model_facts</c>) stored in the workbook database once per dataset
/// instead of recomputed by every query. Each is recorded with what it was derived from: the source files (path, size,
/// modification time) and its definition (the query and the library build). It is reused while both hold and rebuilt
/// as soon as either changes; opening other data drops every derived table of the previous data, so none is ever stale.
/// </summary>
public static class DerivedTables
{
    /// <summary>The bookkeeping table: one row per derived table.</summary>
    public const string Registry = "workbook_derived";

    /// <summary>Makes sure table <paramref name="name"/> holds <paramref name="query"/> over the data <paramref name="hub"/> opened.</summary>
    /// <returns>True when it was (re)built, false when the stored table was still current.</returns>
    public static bool Ensure(HubData hub, string name, string query) =>
        Ensure(hub.Connection, hub.Files.Count > 0 ? hub.Files : [hub.SourcePath], name, query);

    /// <summary>
    /// <see cref="Ensure(HubData, string, string)"/> on a connection whose <c>models</c> reads <paramref name="files"/>
    /// (for what <see cref="HubData.Open"/> derives before the data is handed out).
    /// </summary>
    internal static bool Ensure(DuckDBConnection connection, IReadOnlyList<string> files, string name, string query)
    {
        var source = SourceIdentity(files);
        var definition = Hash(query + "\n" + typeof(DerivedTables).Assembly.ManifestModule.ModuleVersionId);
        if (TypeOf(connection, Registry) is not null && TypeOf(connection, name) == "BASE TABLE" &&
            Value(connection, $"SELECT source = {Sql.Literal(source)} AND definition = {Sql.Literal(definition)} FROM {Registry} WHERE name = {Sql.Literal(name)}") is true)
        {
            return false;
        }
        DuckDbObjects.Drop(connection, name);
        CreateUnordered(connection, name, query);
        DuckDbObjects.Run(connection, $"CREATE TABLE IF NOT EXISTS {Registry} (name VARCHAR PRIMARY KEY, source VARCHAR, definition VARCHAR, built TIMESTAMP, rows BIGINT)");
        DuckDbObjects.Run(connection, $"INSERT OR REPLACE INTO {Registry} SELECT {Sql.Literal(name)}, {Sql.Literal(source)}, {Sql.Literal(definition)}, now()::TIMESTAMP, count(*) FROM {Sql.Identifier(name)}");
        return true;
    }

    /// <summary>
    /// Creates the table without keeping the query's row order. Every reader of a derived table asks by its columns, joins
    /// it by id or orders it explicitly, so the order is not needed; keeping it is costly. With order kept DuckDB wrote the
    /// 3M-row model_facts twice (a table of 42 s, then a 24-40 s checkpoint to rewrite it, 3.6 GB on disk); without, once
    /// (42 s, 1.8 GB). The session's own setting is put back afterwards.
    /// </summary>
    private static void CreateUnordered(DuckDBConnection connection, string name, string query)
    {
        var kept = Value(connection, "SELECT current_setting('preserve_insertion_order')") is true;
        DuckDbObjects.Run(connection, "SET preserve_insertion_order = false");
        try
        {
            DuckDbObjects.Run(connection, $"CREATE TABLE {Sql.Identifier(name)} AS {query}");
        }
        finally
        {
            DuckDbObjects.Run(connection, $"SET preserve_insertion_order = {(kept ? "true" : "false")}");
        }
    }

    /// <summary>
    /// Keeps the <paramref name="keep"/> most recently built derived tables whose names start with
    /// <paramref name="prefix"/> and drops the rest (rule sets edited again and again must not fill the database).
    /// </summary>
    internal static void Prune(HubData hub, string prefix, int keep)
    {
        var connection = hub.Connection;
        if (TypeOf(connection, Registry) is null)
        {
            return;
        }
        DropAll(connection, $"SELECT name FROM {Registry} WHERE starts_with(name, $1) ORDER BY built DESC, name OFFSET {keep}", prefix);
    }

    /// <summary>A short name-safe digest of a definition (16 hex digits of its SHA-256).</summary>
    internal static string ShortHash(string text) => Hash(text)[..16].ToLowerInvariant();

    /// <summary>When table <paramref name="name"/> was last derived in this database (null: never, or dropped since).</summary>
    public static DateTime? Built(HubData hub, string name) =>
        TypeOf(hub.Connection, Registry) is null ? null
            : Value(hub.Connection, $"SELECT built FROM {Registry} WHERE name = {Sql.Literal(name)}") as DateTime?;

    /// <summary>Drops every derived table that was not derived from <paramref name="files"/> (called when data is opened).</summary>
    internal static void DropStale(DuckDBConnection connection, IReadOnlyList<string> files)
    {
        if (TypeOf(connection, Registry) is null)
        {
            return;
        }
        DropAll(connection, $"SELECT name FROM {Registry} WHERE source <> $1", SourceIdentity(files));
    }

    /// <summary>Drops the derived tables a query over the registry names (one parameter), and their registry rows.</summary>
    private static void DropAll(DuckDBConnection connection, string namesQuery, string parameter)
    {
        var names = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = namesQuery;
            command.Parameters.Add(new DuckDBParameter(parameter));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            DuckDbObjects.Drop(connection, name);
            DuckDbObjects.Run(connection, $"DELETE FROM {Registry} WHERE name = {Sql.Literal(name)}");
        }
    }

    private static string SourceIdentity(IReadOnlyList<string> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            text.Append(CultureInfo.InvariantCulture,
                $"{info.FullName}|{(info.Exists ? info.Length : -1)}|{(info.Exists ? info.LastWriteTimeUtc.Ticks : 0)}\n");
        }
        return Hash(text.ToString());
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? TypeOf(DuckDBConnection connection, string name) =>
        Value(connection, $"SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = {Sql.Literal(name)}") as string;

    private static object? Value(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetValue(0) : null;
    }

}

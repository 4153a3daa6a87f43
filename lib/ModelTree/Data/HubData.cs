using System.Data;
using DuckDB.NET.Data;
using ModelTree.Data;

namespace ModelTree;

/// <summary>
/// An opened dataset: a DuckDB connection with a view <c>models</c> in the hub-stats shape, whichever
/// form the data came in (the embedded sample, a real <c>models.parquet</c>, or JSON Lines of Hub API
/// records), and a report of what the schema check found.
/// </summary>
public sealed class HubData : IDisposable
{
    private HubData(string sourcePath, DataKind kind, string databasePath, DuckDBConnection connection,
        SchemaReport schema, bool isSynthetic)
    {
        SourcePath = sourcePath;
        Kind = kind;
        DatabasePath = databasePath;
        Connection = connection;
        Schema = schema;
        IsSynthetic = isSynthetic;
    }

    /// <summary>The file or folder the data came from (absolute).</summary>
    public string SourcePath { get; }

    /// <summary>Parquet, JSON Lines, or a folder of such files.</summary>
    public DataKind Kind { get; }

    /// <summary>The DuckDB database file holding the <c>models</c> view (or <c>:memory:</c>).</summary>
    public string DatabasePath { get; }

    /// <summary>The connection string a SQL cell's <c>#!connect duckdb</c> would use for the same database.</summary>
    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>An open connection on which <c>models</c> is defined.</summary>
    public DuckDBConnection Connection { get; }

    /// <summary>What the schema check found.</summary>
    public SchemaReport Schema { get; }

    /// <summary>True for data made by the workbook's generator (the sample), false for real Hub data.</summary>
    public bool IsSynthetic { get; }

    /// <summary>A short description for a notebook's first output.</summary>
    public string Description => Kind == DataKind.Folder
        ? $"{Path.GetFileName(SourcePath)}/ ({Files.Count} files: {(IsSynthetic ? "synthetic samples made by `sample`" : DataFolder.Describe(Files))})"
        : $"{Path.GetFileName(SourcePath)} ({(IsSynthetic ? "synthetic sample made by `sample`" : Kind == DataKind.Parquet ? "hub-stats snapshot" : "Hub API records")})";

    /// <summary>
    /// What the figures of this data are, to label them beside others: <c>synthetic sample</c>, <c>real records, April 2025</c>
    /// (the files of <c>data/real/</c>, found by their folder's name), <c>full Hub (hub-stats snapshot)</c> or <c>Hub API records</c>.
    /// </summary>
    public string DataLabel =>
        IsSynthetic ? "synthetic sample"
        : Files.Count > 0 && Files.All(f => Path.GetFileName(Path.GetDirectoryName(f)) == "real") ? RealRecords.Label
        : Files.All(f => KindOf(f) == DataKind.Parquet) ? "full Hub (hub-stats snapshot)"
        : "Hub API records";

    /// <summary>
    /// Opens a dataset and defines the view <c>models</c>. <paramref name="path"/> is a <c>.parquet</c>
    /// file, a <c>.jsonl</c> file, or a folder: every <c>.parquet</c>, <c>.jsonl</c> and <c>.ndjson</c> file at its
    /// top level opens as one <c>models</c> table (columns unioned by name; see <see cref="DataKind.Folder"/>).
    /// Null means <see cref="WorkbookPaths.DefaultDataPath"/> (the sample, unless <c>run --data</c> or
    /// <c>MODELTREE_DATA</c> says otherwise).
    /// </summary>
    /// <exception cref="ModelTreeException">The file is missing, unreadable, or lacks a column the study cannot do without;
    /// for a folder, the message names the file.</exception>
    public static HubData Open(string? path = null, HubDataOptions? options = null)
    {
        var source = Path.GetFullPath(path ?? WorkbookPaths.DefaultDataPath);
        var isFolder = Directory.Exists(source);
        if (!isFolder && !File.Exists(source))
        {
            throw new ModelTreeException(
                $"No data file at {source}. The sample lives in data/sample/models.parquet (regenerate it with " +
                "`dotnet run --project lib/ModelTree.Workbook -- sample`); real records are in data/real/; get the full Hub with `fetch`.");
        }

        var files = isFolder ? DataFolder.Files(source) : [source];
        var kind = isFolder ? DataKind.Folder : KindOf(source);
        var databasePath = options?.DatabasePath ?? WorkbookPaths.DatabasePath;
        if (databasePath != ":memory:")
        {
            databasePath = Path.GetFullPath(databasePath);
            Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        }

        var connection = new DuckDBConnection($"Data Source={databasePath}");
        try
        {
            connection.Open();
            DisableDeprecatedLambdas(connection);
            LimitMemory(connection, databasePath, options);
            var (schema, synthetic) = isFolder
                ? DataFolder.Define(connection, source, files)
                : kind == DataKind.Parquet
                    ? (DefineFromParquet(connection, source), IsMarkedSynthetic(connection, source))
                    : (DefineFromJsonLines(connection, source), false);
            DerivedTables.DropStale(connection, files);
            schema = schema.With(DataChecks.Apply(connection, source, files));
            return new HubData(source, kind, databasePath, connection, schema, synthetic) { Files = files };
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw new ModelTreeException(
                $"The workbook database {databasePath} is in use by another program (a notebook kernel in VS Code?). " +
                "Close it, or open the data with HubDataOptions { DatabasePath = \":memory:\" }.", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The data files opened: the one file, or every data file of the folder (absolute, in name order).</summary>
    public IReadOnlyList<string> Files { get; private init; } = [];

    /// <summary>Number of rows in <c>models</c>.</summary>
    public long Count() => Scalar<long>("SELECT count(*) FROM models");

    /// <summary>Runs a query that returns one value.</summary>
    public T Scalar<T>(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs a query and hands back a reader; the caller disposes it. Values go in as parameters, never into the text:
    /// <c>$1</c>, <c>$2</c>... in <paramref name="sql"/> stand for <paramref name="parameters"/> in order.
    /// </summary>
    public IDataReader Reader(string sql, params object?[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        }
        return command.ExecuteReader();
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Connection.Dispose();

    public override string ToString() => Description;

    /// <summary>
    /// Refuses DuckDB's deprecated <c>x -&gt; expr</c> lambda arrow on this connection, so every query (the workbook's and a
    /// reader's own) uses <c>lambda x: expr</c>, the form DuckDB keeps once the arrow is switched off by default.
    /// </summary>
    public static void DisableDeprecatedLambdas(DuckDBConnection connection) =>
        Run(connection, "SET lambda_syntax = 'DISABLE_SINGLE_ARROW'");

    private static void LimitMemory(DuckDBConnection connection, string databasePath, HubDataOptions? options)
    {
        var limit = options?.MemoryLimit ?? Environment.GetEnvironmentVariable(HubDataOptions.MemoryLimitVariable);
        limit = string.IsNullOrWhiteSpace(limit) ? HubDataOptions.DefaultMemoryLimit : limit.Trim();
        try
        {
            Run(connection, $"SET memory_limit = '{limit.Replace("'", "''", StringComparison.Ordinal)}'");
        }
        catch (DuckDBException e)
        {
            throw new ModelTreeException(
                $"'{limit}' is not a memory limit DuckDB understands ({HubDataOptions.MemoryLimitVariable} or HubDataOptions.MemoryLimit); " +
                "write it like 2GB or 512MB.", e);
        }
        if (databasePath == ":memory:")
        {
            var spill = Path.Combine(Path.GetTempPath(), $"modeltree-spill-{Guid.NewGuid():N}");
            Run(connection, $"SET temp_directory = '{spill.Replace("'", "''", StringComparison.Ordinal)}'");
        }
    }

    internal static DataKind KindOf(string source) => Path.GetExtension(source).ToLowerInvariant() switch
    {
        ".parquet" => DataKind.Parquet,
        ".jsonl" or ".ndjson" or ".json" => DataKind.JsonLines,
        var other => throw new ModelTreeException(
            $"{Path.GetFileName(source)}: the workbook reads .parquet (hub-stats) or .jsonl (Hub API records), not '{other}'."),
    };

    private static SchemaReport DefineFromParquet(DuckDBConnection connection, string source)
    {
        var (report, query) = ParquetSelect(connection, source);
        DropModels(connection);
        Run(connection, $"CREATE VIEW models AS {query}");
        return report;
    }

    /// <summary>Checks a parquet file's columns; returns the report and the SELECT that brings it to the hub-stats shape.</summary>
    internal static (SchemaReport Report, string Query) ParquetSelect(DuckDBConnection connection, string source)
    {
        var literal = Sql.Literal(source);
        var found = new Dictionary<string, string>();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DESCRIBE SELECT * FROM read_parquet({literal})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found[reader.GetString(0)] = reader.GetString(1);
            }
        }
        catch (DuckDBException e)
        {
            throw new ModelTreeException(
                $"{Path.GetFileName(source)} could not be read as parquet ({FirstLine(e.Message)}). " +
                "If it came from `fetch`, run `fetch --force` to download it again.", e);
        }

        var report = Check(source, found, out var select);
        return (report, $"SELECT {select} FROM read_parquet({literal})");
    }

    private static SchemaReport DefineFromJsonLines(DuckDBConnection connection, string source)
    {
        var (report, query) = JsonLinesSelect(connection, source);
        DropModels(connection);
        CreateTable(connection, query, [source]);
        return report;
    }

    /// <summary>Checks a JSON Lines file's keys; returns the report and the SELECT that reads it in the hub-stats shape.</summary>
    internal static (SchemaReport Report, string Query) JsonLinesSelect(DuckDBConnection connection, string source)
    {
        var file = Path.GetFileName(source);
        var literal = Sql.Literal(source);
        var found = new Dictionary<string, string>();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT DISTINCT unnest(json_keys(json)) FROM read_json_objects({literal}, format='newline_delimited')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found[reader.GetString(0)] = "JSON";
            }
        }
        catch (DuckDBException e)
        {
            throw new ModelTreeException(
                $"{file} is not valid JSON Lines ({FirstLine(e.Message)}). Each line must be one JSON object: a Hub API model record.", e);
        }

        // Every key found is typed as the canonical column it names, so the check sees the real shape;
        // keys the table does not know are read as JSON and passed through.
        var typed = HubSchema.Columns.Where(c => found.ContainsKey(c.Name)).ToList();
        foreach (var (name, type) in typed)
        {
            found[name] = type;
        }
        var extras = found.Keys.Where(k => HubSchema.Columns.All(c => c.Name != k)).Order(StringComparer.Ordinal).ToList();

        var report = Check(source, found, out var select);
        var columns = string.Join(", ", typed.Select(c => $"{Sql.Identifier(c.Name)}: '{JsonReadType(c.Name, c.Type)}'")
            .Concat(extras.Select(e => $"{Sql.Identifier(e)}: 'JSON'")));
        var converted = string.Join(", ", typed.Select(c => JsonConvert(c.Name, c.Type)).Concat(extras.Select(Sql.Identifier)));
        return (report, $"SELECT {select} FROM (SELECT {converted} FROM read_json({literal}, " +
            $"format='newline_delimited', columns={{{columns}}}))");
    }

    /// <summary>Materialises <c>models</c> from a query over JSON Lines; a record of the wrong shape is reported with the files read.</summary>
    internal static void CreateTable(DuckDBConnection connection, string query, IReadOnlyList<string> sources)
    {
        try
        {
            Run(connection, $"CREATE TABLE models AS {query}");
        }
        catch (DuckDBException e)
        {
            var names = string.Join(", ", sources.Select(Path.GetFileName));
            throw new ModelTreeException(
                $"{names}: a record does not have the Hub API shape ({FirstLine(e.Message)}). " +
                "Check that line against the field list of real records in data/README.md.", e);
        }
    }

    // Nested objects whose Hub API form carries more fields than the table keeps are read as JSON and
    // narrowed with json_transform, which ignores the extra keys.
    private static string JsonReadType(string name, string type) =>
        name is "cardData" or "safetensors" or "gguf" or "transformersInfo" ? "JSON" : type;

    private static string JsonConvert(string name, string type)
    {
        var quoted = Sql.Identifier(name);
        return name switch
        {
            "cardData" => $"{quoted}::VARCHAR AS {quoted}",
            "safetensors" or "gguf" or "transformersInfo" =>
                $"json_transform({quoted}, '{JsonStructure(type)}') AS {quoted}",
            _ => quoted,
        };
    }

    // STRUCT(a VARCHAR, b MAP(VARCHAR, BIGINT)) -> {"a":"VARCHAR","b":"MAP(VARCHAR, BIGINT)"}
    private static string JsonStructure(string structType)
    {
        var inner = structType["STRUCT(".Length..^1];
        var fields = new List<string>();
        int depth = 0, start = 0;
        for (var i = 0; i <= inner.Length; i++)
        {
            if (i == inner.Length || (inner[i] == ',' && depth == 0))
            {
                var field = inner[start..i].Trim();
                var space = field.IndexOf(' ');
                fields.Add($"\"{field[..space]}\":\"{field[(space + 1)..]}\"");
                start = i + 1;
            }
            else if (inner[i] == '(')
            {
                depth++;
            }
            else if (inner[i] == ')')
            {
                depth--;
            }
        }
        return "{" + string.Join(",", fields) + "}";
    }

    internal static SchemaReport Check(string source, Dictionary<string, string> found, out string select)
    {
        var (list, problems) = SchemaAdapter.Adapt(source, found);
        var errors = problems.Where(p => p.Severity == Severity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ModelTreeException(
                $"{Path.GetFileName(source)} cannot be used as a models table:{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e.Message)));
        }
        select = list;
        return new SchemaReport(source, found, problems);
    }

    internal static bool IsMarkedSynthetic(DuckDBConnection connection, string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT count(*) FROM parquet_kv_metadata({Sql.Literal(source)}) WHERE key::VARCHAR = 'modeltree_synthetic' AND value::VARCHAR = 'true'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    // The database file keeps models from the last opening: a view over a parquet file or a table read
    // from JSON Lines. DuckDB refuses DROP TABLE IF EXISTS on a view (and the reverse), so drop what is there.
    internal static void DropModels(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'models'";
        var type = command.ExecuteScalar() as string;
        if (type is not null)
        {
            Run(connection, type == "VIEW" ? "DROP VIEW models" : "DROP TABLE models");
        }
    }

    internal static void Run(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }


    internal static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

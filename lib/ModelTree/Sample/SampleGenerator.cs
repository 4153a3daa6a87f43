using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using DuckDB.NET.Data;
using ModelTree.Data;

namespace ModelTree.Sample;

/// <summary>
/// Writes a synthetic hub-stats <c>models</c> table as parquet (columns and types exactly
/// <see cref="HubSchema.Columns"/>, then the hub-stats columns no figure reads, <c>SampleUnread.Columns</c>) and its
/// ground truth as CSV. Deterministic: the same rows and seed
/// give the same content. Streaming: rows are written to CSV batch files in a temporary folder as they
/// are made, and one DuckDB COPY turns them into parquet, so memory does not grow with the row count
/// (beyond a few bytes of bookkeeping per row).
/// </summary>
public static class SampleGenerator
{
    /// <summary>
    /// The generator's version, written into every file it makes (<c>modeltree_generator</c>). Raise it whenever a
    /// change alters the rows for a given seed: cached tables (<c>data/bench/</c>) are keyed by it, so a benchmark never
    /// times a table an older generator made.
    /// </summary>
    public const int Version = 4;

    /// <summary>The ground-truth file that goes with a parquet path: <c>truth.csv</c> beside a file named
    /// <c>models.parquet</c> (so the committed sample's is data/sample/truth.csv), else <c>&lt;name&gt;.truth.csv</c>.</summary>
    public static string TruthPathFor(string parquetPath)
    {
        var full = Path.GetFullPath(parquetPath);
        var dir = Path.GetDirectoryName(full) ?? ".";
        var name = Path.GetFileName(full);
        return name.Equals("models.parquet", StringComparison.OrdinalIgnoreCase)
            ? Path.Combine(dir, "truth.csv")
            : Path.Combine(dir, Path.GetFileNameWithoutExtension(name) + ".truth.csv");
    }

    /// <summary>Generates <paramref name="options"/>.Rows models and writes the parquet file and its truth file
    /// (see <see cref="TruthPathFor"/>). Existing files are replaced; refusing to overwrite is the caller's call.</summary>
    public static SampleSummary Write(string parquetPath, SampleOptions? options = null, IProgress<SampleProgress>? progress = null)
    {
        options ??= new SampleOptions();
        if (options.Rows < 100)
        {
            throw new ModelTreeException($"sample: --rows must be at least 100 (got {options.Rows}); the planted cases need room.");
        }
        var clock = Stopwatch.StartNew();
        var parquet = Path.GetFullPath(parquetPath);
        var truthPath = TruthPathFor(parquet);
        var dir = Path.GetDirectoryName(parquet)!;
        Directory.CreateDirectory(dir);
        var stage = Path.Combine(Path.GetTempPath(), $"modeltree-sample-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var parquetTmp = parquet + ".tmp";
        var truthTmp = truthPath + ".tmp";
        var generationTime = TimeSpan.Zero;
        var relations = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var cases = new SortedDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using (var connection = new DuckDBConnection("Data Source=:memory:"))
            using (var loader = new SampleCsvStage(stage))
            {
                connection.Open();
                Execute(connection, $"SET temp_directory = '{stage.Replace("'", "''", StringComparison.Ordinal)}/spill'");
                Execute(connection, "SET preserve_insertion_order = true");
                // The parquet writer buffers a row group of real-weight rows (about 20 files, 9 tags and a card each)
                // while keeping insertion order: 512 MB ran out at 3M rows; 2 GB leaves room and stays far from a laptop's.
                Execute(connection, "SET memory_limit = '2GB'");
                using (var writer = new StreamWriter(truthTmp, false, new System.Text.UTF8Encoding(false)))
                using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
                {
                    foreach (var header in TruthColumns)
                    {
                        csv.WriteField(header);
                    }
                    csv.NextRecord();
                    var world = new SampleWorld(options.Rows, options.Seed);
                    var row = 0L;
                    while (world.Emitted < options.Rows)
                    {
                        foreach (var model in world.Next())
                        {
                            SampleUnread.Fill(model, options.Seed, row++);
                            loader.Add(model);
                            csv.WriteField(model.Id);
                            csv.WriteField(model.Relation);
                            csv.WriteField(model.Kind);
                            csv.WriteField(model.Case.Name());
                            csv.WriteField(model.Family);
                            csv.WriteField(model.Depth);
                            csv.WriteField(string.Join(';', model.Bases));
                            csv.NextRecord();
                            Count(relations, model.Relation);
                            Count(kinds, model.Kind);
                            Count(cases, model.Case.Name());
                        }
                        if (world.Emitted % 5_000 == 0)
                        {
                            progress?.Report(new SampleProgress("generating", world.Emitted, options.Rows));
                        }
                        if (world.Emitted % options.BatchSize == 0)
                        {
                            loader.Flush();
                        }
                    }
                    loader.Flush();
                    progress?.Report(new SampleProgress("generating", world.Emitted, options.Rows));
                }

                generationTime = clock.Elapsed;
                progress?.Report(new SampleProgress("writing parquet", options.Rows, options.Rows));
                File.Delete(parquetTmp);
                Execute(connection, CopySql(loader.Source(), parquetTmp, options));
            }
            File.Move(parquetTmp, parquet, overwrite: true);
            File.Move(truthTmp, truthPath, overwrite: true);
        }
        finally
        {
            TryDelete(parquetTmp);
            TryDelete(truthTmp);
        }
        return new SampleSummary
        {
            ParquetPath = parquet,
            TruthPath = truthPath,
            Rows = options.Rows,
            Seed = options.Seed,
            ParquetBytes = new FileInfo(parquet).Length,
            Relations = relations,
            Kinds = kinds,
            Cases = cases,
            GenerationTime = generationTime,
            ParquetTime = clock.Elapsed - generationTime,
            Elapsed = clock.Elapsed,
        };
    }

    /// <summary>The truth file's columns, in order.</summary>
    public static IReadOnlyList<string> TruthColumns { get; } = ["id", "relation", "kind", "case", "family", "depth", "bases"];

    private static void Count(IDictionary<string, int> counts, string key) => counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The SQL expression that builds each canonical column from the staging table.</summary>
    private static readonly Dictionary<string, string> ColumnExpressions = new(StringComparer.Ordinal)
    {
        ["id"] = "id",
        ["author"] = "author",
        ["createdAt"] = "createdAt",
        ["lastModified"] = "lastModified",
        ["downloads"] = "downloads",
        ["downloadsAllTime"] = "downloadsAllTime",
        ["likes"] = "likes",
        ["trendingScore"] = "trendingScore",
        ["library_name"] = "library_name",
        ["pipeline_tag"] = "pipeline_tag",
        ["tags"] = SampleCsvStage.Split("tags"),
        ["gated"] = "gated",
        ["cardData"] = "cardData",
        ["siblings"] = $"list_transform({SampleCsvStage.Split("files")}, lambda f: {{'rfilename': f}})",
        ["baseModels"] = "CASE WHEN bm_ids IS NULL THEN NULL ELSE {'models': list_transform(range(1, len(string_split(bm_ids, chr(31))) + 1), " +
            "lambda i: {'_id': string_split(bm_oids, chr(31))[i], 'id': string_split(bm_ids, chr(31))[i]}), 'relation': bm_relation} END",
        ["safetensors"] = "CASE WHEN st_total IS NULL THEN NULL ELSE {'parameters': map(string_split(st_dtypes, chr(31)), " +
            "CAST(string_split(st_counts, chr(31)) AS BIGINT[])), 'total': st_total} END",
        ["gguf"] = "CASE WHEN gguf_total IS NULL THEN NULL ELSE {'total': gguf_total, 'architecture': gguf_arch, 'context_length': gguf_ctx} END",
        ["transformersInfo"] = "CASE WHEN ti_auto_model IS NULL THEN NULL ELSE {'auto_model': ti_auto_model, 'custom_class': NULL::VARCHAR, 'pipeline_tag': ti_pipeline, 'processor': ti_processor} END",
    };

    private static string CopySql(string source, string path, SampleOptions options)
    {
        var columns = HubSchema.Columns.Select(c => ColumnExpressions.TryGetValue(c.Name, out var expr)
            ? $"CAST({expr} AS {c.Type}) AS \"{c.Name}\""
            : throw new InvalidOperationException($"The sample generator has no expression for column '{c.Name}'."))
            .Concat(SampleUnread.Columns.Select(c => $"CAST({SampleUnread.Expression(c.Name)} AS {c.Type}) AS \"{c.Name}\""));
        var literal = path.Replace("'", "''", StringComparison.Ordinal);
        return $"""
            COPY (SELECT {string.Join(",\n    ", columns)} FROM {source})
            TO '{literal}' (FORMAT parquet, COMPRESSION zstd,
                KV_METADATA {"{"}modeltree_synthetic: 'true', modeltree_seed: '{options.Seed}', modeltree_rows: '{options.Rows}', modeltree_generator: '{Version}'{"}"})
            """;
    }
}

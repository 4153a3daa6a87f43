using DuckDB.NET.Data;

namespace ModelTree.Data;

/// <summary>
/// A folder given as data: every <c>.parquet</c>, <c>.jsonl</c> and <c>.ndjson</c> file at its top level (not in
/// subfolders) becomes one <c>models</c> table. Each file is read and checked on its own, as if opened alone, so
/// a file that cannot be read is named; then the files are stacked with <c>UNION ALL BY NAME</c>: a column one file
/// lacks reads as NULL in its rows. Columns outside the hub-stats schema are kept when every file that has them
/// stores them with one type, and dropped (with a note) otherwise.
/// </summary>
internal static class DataFolder
{
    /// <summary>The endings a data file in a folder may have.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".parquet", ".jsonl", ".ndjson"];

    /// <summary>The folder's data files, in name order.</summary>
    /// <exception cref="ModelTreeException">The folder holds no data file: the message says what was looked for.</exception>
    public static IReadOnlyList<string> Files(string folder)
    {
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            var others = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(5).ToList();
            throw new ModelTreeException(
                $"The folder {folder} holds no data file: looked for {string.Join(", ", Extensions.Select(e => "*" + e))} at its top level " +
                $"(subfolders are not read){(others.Count == 0 ? "; it is empty." : $"; it has {string.Join(", ", others)}.")}");
        }
        return files;
    }

    /// <summary>A few words on what the files are (for <see cref="HubData.Description"/>).</summary>
    public static string Describe(IReadOnlyList<string> files)
    {
        var parquet = files.Count(f => HubData.KindOf(f) == DataKind.Parquet);
        var json = files.Count - parquet;
        return (parquet, json) switch
        {
            (0, _) => "Hub API records",
            (_, 0) => "hub-stats snapshots",
            _ => $"{parquet} parquet, {json} Hub API records",
        };
    }

    /// <summary>Defines <c>models</c> over every file; returns the folder's schema report and whether every file is synthetic.</summary>
    public static (SchemaReport Report, bool Synthetic) Define(DuckDBConnection connection, string folder, IReadOnlyList<string> files)
    {
        var parts = new List<(string File, SchemaReport Report, string Query)>();
        foreach (var file in files)
        {
            try
            {
                var (report, query) = HubData.KindOf(file) == DataKind.Parquet
                    ? HubData.ParquetSelect(connection, file)
                    : HubData.JsonLinesSelect(connection, file);
                parts.Add((file, report, query));
            }
            catch (ModelTreeException e)
            {
                throw new ModelTreeException($"In the folder {folder}: {e.Message}", e);
            }
        }

        // Extras (columns the hub-stats schema does not name) must agree on their type to be stacked.
        var known = HubSchema.Columns.Select(c => c.Name).ToHashSet();
        var extraTypes = parts.SelectMany(p => p.Report.FoundTypes.Where(t => !known.Contains(t.Key)))
            .GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Select(t => t.Value).Distinct().ToList());
        var dropped = extraTypes.Where(e => e.Value.Count > 1).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        var queries = parts.Select(p => dropped.Where(p.Report.Has).ToList() is { Count: > 0 } drop
            ? $"SELECT * EXCLUDE ({string.Join(", ", drop.Select(Sql.Identifier))}) FROM ({p.Query})"
            : p.Query).ToList();
        var union = string.Join(" UNION ALL BY NAME ", queries.Select(q => $"({q})"));

        HubData.DropModels(connection);
        if (parts.All(p => HubData.KindOf(p.File) == DataKind.Parquet))
        {
            HubData.Run(connection, $"CREATE VIEW models AS {union}");
        }
        else
        {
            HubData.CreateTable(connection, union, files);
        }

        return (Report(folder, parts, dropped), parts.All(p => HubData.KindOf(p.File) == DataKind.Parquet && HubData.IsMarkedSynthetic(connection, p.File)));
    }

    // The folder's report: its columns are the union of the files'; a column some files lack is noted with their names.
    private static SchemaReport Report(string folder, List<(string File, SchemaReport Report, string Query)> parts, List<string> dropped)
    {
        var found = new Dictionary<string, string>();
        foreach (var (name, type) in parts.SelectMany(p => p.Report.FoundTypes).Where(t => !dropped.Contains(t.Key)))
        {
            found.TryAdd(name, type);
        }
        var (_, problems) = SchemaAdapter.Adapt(folder, found);
        foreach (var (name, _) in HubSchema.Columns.Where(c => found.ContainsKey(c.Name)))
        {
            var lacking = parts.Where(p => !p.Report.Has(name)).Select(p => Path.GetFileName(p.File)).ToList();
            if (lacking.Count > 0)
            {
                problems.Add(new(name, Severity.Info,
                    $"{string.Join(", ", lacking)} {(lacking.Count == 1 ? "has" : "have")} no {name} column; {(lacking.Count == 1 ? "its" : "their")} rows read NULL there."));
            }
        }
        foreach (var name in dropped)
        {
            problems.Add(new(name, Severity.Info, "stored with different types in the folder's files; left out of models (the study does not use it)."));
        }
        problems.Sort((a, b) => b.Severity.CompareTo(a.Severity));
        return new SchemaReport(folder, found, problems);
    }
}

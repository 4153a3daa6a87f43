using DuckDB.NET.Data;

namespace ModelTree.Workbook.Runner;

/// <summary>The DuckDB file the notebooks' C# and SQL cells share, checked before a run so that a busy one stops the run before it writes anything.</summary>
internal static class WorkbookDatabase
{
    /// <summary>Throws <see cref="ModelTreeException"/> when another program (a notebook in VS Code, another run) holds the database open.</summary>
    public static void EnsureFree()
    {
        var path = WorkbookPaths.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var connection = new DuckDBConnection($"Data Source={path}");
            connection.Open();
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelTreeException(
                $"the workbook database {path} is in use by another program (another run, or a notebook open in VS Code): " +
                "wait for it or close it, then run again. Nothing was written.");
        }
    }
}

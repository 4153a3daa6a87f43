namespace ModelTree;

/// <summary>
/// Where the workbook's files are. A notebook asks here instead of spelling paths, so the same
/// notebook runs in VS Code, under the headless runner, and on any dataset the runner is pointed at.
/// </summary>
public static class WorkbookPaths
{
    /// <summary>Set by <c>run --data</c>: the dataset every notebook opens by default.</summary>
    public const string DataVariable = "MODELTREE_DATA";

    /// <summary>Set by <c>run --out</c>: where notebooks write exports (CSV and the like).</summary>
    public const string OutputVariable = "MODELTREE_OUT";

    /// <summary>The file name that marks the repository root.</summary>
    public const string SolutionFile = "ModelTreeWorkbook.slnx";

    /// <summary>The repository root: the nearest folder above the current directory (or, failing that,
    /// above this assembly) that holds the solution file.</summary>
    public static string RepoRoot =>
        FindRoot(Directory.GetCurrentDirectory())
        ?? FindRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException(
            $"Could not find the workbook's root folder (the one with {SolutionFile}) above " +
            $"'{Directory.GetCurrentDirectory()}'. Run from inside the repository.");

    /// <summary>The embedded synthetic sample.</summary>
    public static string SamplePath => Path.Combine(RepoRoot, "data", "sample", "models.parquet");

    /// <summary>The generator's ground truth for the sample: one row per model.</summary>
    public static string SampleTruthPath => Path.Combine(RepoRoot, "data", "sample", "truth.csv");

    /// <summary>The shipped real Hub records (April 2025): a folder of JSON Lines files that opens as one table.</summary>
    public static string RealRecordsPath => Path.Combine(RepoRoot, "data", "real");

    /// <summary>Where <c>fetch</c> puts the real hub-stats file (git-ignored).</summary>
    public static string FullDataPath => Path.Combine(RepoRoot, "data", "full", "models.parquet");

    /// <summary>The DuckDB file shared by C# cells and SQL cells (git-ignored).</summary>
    public static string DatabasePath => Path.Combine(RepoRoot, "data", "work", "workbook.duckdb");

    /// <summary>The dataset to open when a notebook names none: <see cref="DataVariable"/> if set, else the sample.</summary>
    public static string DefaultDataPath =>
        Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } data ? Path.GetFullPath(data) : SamplePath;

    /// <summary>Where exports go: <see cref="OutputVariable"/> if set, else <c>out/</c> under the root.</summary>
    public static string OutputDir =>
        Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.Combine(RepoRoot, "out");

    /// <summary>
    /// The path of <paramref name="fileName"/> in <see cref="OutputDir"/>, which is created if missing. The name must be
    /// a plain file name (no folder), so an export can only land in the run's output folder.
    /// </summary>
    public static string Output(string fileName, string? folder = null)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName != Path.GetFileName(fileName))
        {
            throw new ModelTreeException(
                $"'{fileName}' is not a file name: give a plain name such as finetune.csv; the folder is the run's output folder.");
        }
        var dir = Path.GetFullPath(folder ?? OutputDir);
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelTreeException($"Could not create {dir}: {e.Message}. Check that the output folder is writable (set it with run --out).", e);
        }
        return Path.Combine(dir, fileName);
    }

    /// <summary>Each written file's name, size in bytes and folder, for a cell to show what it wrote.</summary>
    public static IReadOnlyList<WrittenFile> Describe(IEnumerable<string> paths) =>
        [.. paths.Select(path => new FileInfo(path)).Select(f => new WrittenFile(f.Name, f.Length, f.DirectoryName ?? ""))];

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}

/// <summary>A file a notebook wrote: its name, size in bytes and folder.</summary>
public sealed record WrittenFile(string File, long Bytes, string Folder);

namespace ModelTree.Tests.Fixtures;

/// <summary>Where the repository and the shared folder beside it are, seen from the test assembly.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The team's shared folder, beside the repository (present in CI).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Every real-records file in the shared folder.</summary>
    public static IEnumerable<string> RealRecordFiles =>
        Directory.EnumerateFiles(Path.Combine(Shared, "data", "real"), "*.jsonl").Order();

    /// <summary>The real family of Mistral-Small-24B-Base-2501.</summary>
    public static string MistralFamily => Path.Combine(Shared, "data", "real", "mistral-small-24b-base-2501.jsonl");

    /// <summary>A fresh folder under the system temp folder, removed by the caller.</summary>
    public static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "modeltree-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelTreeWorkbook.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Tests must run from inside the repository.");
    }
}

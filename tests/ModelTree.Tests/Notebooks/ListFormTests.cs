using System.Text.RegularExpressions;
using ModelTree.Data;
using ModelTree.Tests.Engine;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Notebooks;

/// <summary>
/// Notebook 05 shows each of the study's UNNEST queries (6.1 and 6.2) beside a list-function form that is
/// faster at Hub scale. The two must be the same question: run straight from the notebook's cells (the
/// 6.2 pair without its LIMIT), they return the same ids on the sample and on every file of real records.
/// </summary>
public sealed partial class ListFormTests
{
    private static readonly string Notebook = Path.Combine(TestPaths.RepoRoot, "notebooks", "05-base-and-adapter.ipynb");

    public static TheoryData<string> Data =>
        new([WorkbookPaths.SamplePath, .. TestPaths.RealRecordFiles]);

    private static string Cell(Func<string, bool> which) =>
        NotebookCells.Read(Notebook).Where(c => c.Kernel == "hub").Select(c => c.Code).Single(which);

    [GeneratedRegex(@"\s*LIMIT\s+10\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLimit();

    private static SortedSet<string> Ids(HubData hub, string sql)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        using var reader = hub.Reader(TrailingLimit().Replace(sql, ""));
        var column = reader.GetOrdinal("id");
        while (reader.Read())
        {
            Assert.True(ids.Add(reader.GetString(column)), "an id came back twice");
        }
        return ids;
    }

    [Theory]
    [MemberData(nameof(Data))]
    public void The_list_forms_return_the_same_ids_as_the_studys_UNNEST_queries(string data)
    {
        using var hub = HubData.Open(data, new HubDataOptions { DatabasePath = ":memory:" });

        var study61 = Ids(hub, Cell(c => c.Contains("UNNEST(siblings) AS s(r)", StringComparison.Ordinal)));
        var list61 = Ids(hub, Cell(c => c.StartsWith("-- the study's 6.1 question", StringComparison.Ordinal)));
        var study62 = Ids(hub, Cell(c => c.Contains("UNNEST(m.siblings)", StringComparison.Ordinal)));
        var list62 = Ids(hub, Cell(c => c.StartsWith("-- the study's 6.2 question", StringComparison.Ordinal)));

        Assert.Equal(study61, list61);
        Assert.Equal(study62, list62);
        if (data == WorkbookPaths.SamplePath)
        {
            // The sample plants both cases, so the comparison is not between two empty sets.
            Assert.NotEmpty(study61);
            Assert.NotEmpty(study62);
        }
    }
}

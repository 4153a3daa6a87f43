using ModelTree.Data;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Data;

/// <summary><c>model_facts</c> is derived once per dataset and never stale: reused for the same files, rebuilt when they change, dropped when other data opens.</summary>
public sealed class DerivedTablesTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Database => Path.Combine(_dir, "workbook.duckdb");

    private HubData Open(string path) => HubData.Open(path, new HubDataOptions { DatabasePath = Database });

    private string CopyOfSample(string name)
    {
        var path = Path.Combine(_dir, name);
        File.Copy(WorkbookPaths.SamplePath, path);
        return path;
    }

    private static string TableType(HubData hub) =>
        hub.Scalar<string>("SELECT coalesce(max(table_type), 'none') FROM information_schema.tables WHERE table_name = 'model_facts'");

    [Fact]
    public void The_facts_table_holds_what_the_query_gives_and_is_reused_for_the_same_file()
    {
        var sample = CopyOfSample("models.parquet");
        using (var hub = Open(sample))
        {
            Assert.True(DerivedTables.Ensure(hub, StudyViews.Facts, StudySql.FactsQuery));
            Assert.Equal("BASE TABLE", TableType(hub));
            const string figures = "SELECT count(*) FILTER (WHERE has_gguf) || '/' || count(*) FILTER (WHERE is_ambiguous) || '/' || count(*) FILTER (WHERE has_adapter_tag) || '/' || count(*)";
            Assert.Equal(hub.Scalar<string>($"{figures} FROM ({StudySql.FactsQuery})"), hub.Scalar<string>($"{figures} FROM model_facts"));
        }
        using (var again = Open(sample))
        {
            Assert.False(DerivedTables.Ensure(again, StudyViews.Facts, StudySql.FactsQuery)); // same file: kept
        }
    }

    [Fact]
    public void A_changed_file_gets_its_facts_rebuilt_and_other_data_drops_them_when_it_opens()
    {
        var sample = CopyOfSample("models.parquet");
        using (var hub = Open(sample).WithStudyViews())
        {
            Assert.Equal("BASE TABLE", TableType(hub));
        }

        File.SetLastWriteTimeUtc(sample, DateTime.UtcNow.AddMinutes(1)); // as a fresh download would
        using (var changed = Open(sample))
        {
            Assert.Equal("none", TableType(changed)); // dropped on opening, before anything could read it
            Assert.True(DerivedTables.Ensure(changed, StudyViews.Facts, StudySql.FactsQuery));
        }

        using var other = Open(TestPaths.MistralFamily);
        Assert.Equal("none", TableType(other));
        Assert.Null(DerivedTables.Built(other, StudyViews.Facts));
        other.WithStudyViews();
        Assert.Equal(File.ReadLines(TestPaths.MistralFamily).Count(), other.Scalar<long>("SELECT count(*) FROM model_facts"));
    }
}

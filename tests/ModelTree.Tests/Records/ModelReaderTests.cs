using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Records;

/// <summary>The three ways to read records: all of them, the ids a query returns, a list of ids (as parameters).</summary>
public sealed class ModelReaderTests
{
    private static ModelRow[] Rows =>
    [
        new("org/base") { LibraryName = "transformers" },
        new("org/o'brien") { LibraryName = "peft", Bases = ["org/base"], Relation = "adapter" },
        new("org/child") { Bases = ["org/base"], Relation = "finetune" },
    ];

    [Fact]
    public void Read_with_no_filter_streams_every_model_in_table_order()
    {
        using var hub = TestHub.Open(Rows);

        Assert.Equal(["org/base", "org/o'brien", "org/child"], hub.Read().Select(m => m.Id));
    }

    [Fact]
    public void Read_with_an_id_query_returns_the_models_it_names()
    {
        using var hub = TestHub.Open(Rows);

        var adapters = hub.Read("SELECT id FROM models WHERE library_name = 'peft'").Select(m => m.Id);

        Assert.Equal(["org/o'brien"], adapters);
    }

    [Fact]
    public void Read_with_ids_passes_them_as_parameters_so_quotes_and_sql_stay_text()
    {
        using var hub = TestHub.Open(Rows);

        var found = hub.Read(["org/child", "org/o'brien", "x' OR true OR id = '", "org/child", "org/missing"]).Select(m => m.Id);

        Assert.Equal(["org/o'brien", "org/child"], found);
        Assert.Empty(hub.Read(Array.Empty<string>()));
    }

    [Fact]
    public void Find_matches_a_quoted_id_exactly_then_ignoring_case()
    {
        using var hub = TestHub.Open(Rows);

        Assert.Equal("org/o'brien", hub.Find("org/o'brien")!.Id);
        Assert.Equal("org/o'brien", hub.Find(" ORG/O'Brien ")!.Id);
        Assert.Null(hub.Find("' OR '1' = '1"));
    }
}

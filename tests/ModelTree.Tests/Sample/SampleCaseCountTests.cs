using ModelTree.Sample;

namespace ModelTree.Tests.Sample;

/// <summary>
/// Each case the truth file names is counted again from the table alone, with the test's own SQL;
/// the two counts must agree, on the committed sample and on a freshly generated one.
/// </summary>
public sealed class SampleCaseCountTests(GeneratedSampleFixture generated) : IClassFixture<GeneratedSampleFixture>
{
    public static TheoryData<string, string> CasesOnBothSamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var source in new[] { "committed", "generated" })
        {
            foreach (var @case in SampleSql.CaseQueries.Keys)
            {
                data.Add(source, @case);
            }
        }
        return data;
    }

    private SampleData Open(string source) =>
        new(source == "committed" ? WorkbookPaths.SamplePath : generated.ParquetPath);

    [Theory]
    [MemberData(nameof(CasesOnBothSamples))]
    public void Truth_case_count_equals_the_count_found_by_independent_sql(string source, string @case)
    {
        using var data = Open(source);
        var expected = data.Count(SampleSql.CaseQueries[@case]);
        Assert.Equal(expected, data.TruthCount(@case));
    }

    [Fact]
    public void Every_planted_case_occurs_in_the_committed_sample()
    {
        using var data = Open("committed");
        foreach (var @case in SampleCases.All)
        {
            Assert.True(data.TruthCount(@case) > 0, $"no row of case {@case}");
        }
    }

    [Theory]
    [InlineData("committed")]
    [InlineData("generated")]
    public void Truth_has_one_row_per_model_with_the_same_ids(string source)
    {
        using var data = Open(source);
        Assert.Equal(data.Count("SELECT count(*) FROM models"), data.Count("SELECT count(*) FROM truth"));
        Assert.Equal(data.Count("SELECT count(DISTINCT id) FROM models"), data.Count("SELECT count(*) FROM models"));
        Assert.Equal(0, data.Count("SELECT count(*) FROM truth t ANTI JOIN models m USING (id)"));
    }

    [Theory]
    [InlineData("committed")]
    [InlineData("generated")]
    public void Truth_relation_is_the_hub_label_wherever_baseModels_is_set(string source)
    {
        using var data = Open(source);
        Assert.Equal(0, data.Count(
            "SELECT count(*) FROM models m JOIN truth t USING (id) WHERE m.baseModels IS NOT NULL AND t.relation IS DISTINCT FROM m.baseModels.relation"));
        // Without baseModels a relation is only intended for the back-fill gap.
        Assert.Equal(0, data.Count(
            "SELECT count(*) FROM models m JOIN truth t USING (id) WHERE m.baseModels IS NULL AND t.relation IS NOT NULL AND t.\"case\" <> 'backfill_card_only'"));
    }

    [Theory]
    [InlineData("committed")]
    [InlineData("generated")]
    public void Truth_bases_are_the_bases_the_table_names(string source)
    {
        using var data = Open(source);
        Assert.Equal(0, data.Count("""
            SELECT count(*) FROM models m JOIN truth t USING (id)
            WHERE m.baseModels IS NOT NULL
              AND array_to_string(list_transform(m.baseModels.models, lambda b: b.id), ';') <> t.bases
            """));
    }

    [Theory]
    [InlineData("committed")]
    [InlineData("generated")]
    public void Backfill_rows_were_created_before_baseModels_existed(string source)
    {
        using var data = Open(source);
        Assert.Equal(0, data.Count(
            "SELECT count(*) FROM models m JOIN truth t USING (id) WHERE t.\"case\" = 'backfill_card_only' AND m.createdAt >= TIMESTAMP '2025-07-25'"));
    }

    [Theory]
    [InlineData("committed")]
    [InlineData("generated")]
    public void Merges_have_two_to_ten_bases_and_merge_tags(string source)
    {
        using var data = Open(source);
        var merges = data.Count("SELECT count(*) FROM models WHERE baseModels.relation = 'merge'");
        Assert.True(merges > 0);
        Assert.Equal(0, data.Count(
            "SELECT count(*) FROM models WHERE baseModels.relation = 'merge' AND NOT (len(baseModels.models) BETWEEN 2 AND 10)"));
        // Merge tags come from the card (mergekit writes them); a merge without a card has none.
        Assert.Equal(
            data.Count("SELECT count(*) FROM models WHERE baseModels.relation = 'merge' AND cardData IS NOT NULL"),
            data.Count("SELECT count(*) FROM models WHERE baseModels.relation = 'merge' AND list_contains(tags, 'merge') AND list_contains(tags, 'mergekit')"));
    }

    [Theory]
    [InlineData("committed")]
    [InlineData("generated")]
    public void Hub_relation_tags_name_every_base_with_the_label(string source)
    {
        using var data = Open(source);
        // Wherever the card names its bases, the Hub's tags carry base_model:<id> and base_model:<relation>:<id>.
        Assert.Equal(0, data.Count($"""
            SELECT count(*) FROM models m, unnest(m.baseModels.models) AS u(b)
            WHERE {SampleSql.CardBaseModel} IS NOT NULL
              AND NOT (list_contains(m.tags, 'base_model:' || b.id)
                       AND list_contains(m.tags, 'base_model:' || m.baseModels.relation || ':' || b.id))
            """));
    }

    [Theory]
    [InlineData("committed")]
    [InlineData("generated")]
    public void Bases_in_the_table_are_older_than_their_derivatives(string source)
    {
        using var data = Open(source);
        Assert.Equal(0, data.Count($"""
            WITH e AS ({SampleSql.Edges})
            SELECT count(*) FROM e JOIN models c ON c.id = e.child JOIN models b ON b.id = e.base
            JOIN truth t ON t.id = e.child
            WHERE t."case" <> 'cycle' AND b.createdAt >= c.createdAt
            """));
    }
}

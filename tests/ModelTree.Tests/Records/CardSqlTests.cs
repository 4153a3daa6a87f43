using ModelTree.Data;
using ModelTree.Records;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Records;

/// <summary>The card's <c>base_model</c> read in SQL (<see cref="CardSql"/>) and in C# (<see cref="CardData"/>) agree.</summary>
public sealed class CardSqlTests
{
    private const string Card = "CASE WHEN json_valid(cardData) AND json_type(cardData) = 'OBJECT' THEN cardData END";

    public static TheoryData<string> Datasets()
    {
        var data = new TheoryData<string> { Path.Combine(TestPaths.RepoRoot, "data", "sample", "models.parquet") };
        foreach (var file in TestPaths.RealRecordFiles)
        {
            data.Add(file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Sql_reads_every_card_as_CardData_does(string path)
    {
        using var hub = HubData.Open(path, new HubDataOptions { DatabasePath = ":memory:" });
        var sql = $"SELECT id, cardData, {CardSql.BaseModels(Card)}, {CardSql.NamesBaseOf($"json_extract({Card}, '$.base_model')")} FROM models";
        var checkedCards = 0;
        var withBase = 0;
        using var reader = hub.Reader(sql);
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var card = CardData.Parse(reader.IsDBNull(1) ? null : reader.GetString(1));
            Assert.False(reader.IsDBNull(2), $"{id}: the list is never NULL");
            var fromSql = ((IEnumerable<object?>)reader.GetValue(2)).Select(v => (string)v!).ToList();
            Assert.True(card.BaseModels.SequenceEqual(fromSql), $"{id}: C# [{string.Join(", ", card.BaseModels)}] vs SQL [{string.Join(", ", fromSql)}]");
            Assert.Equal(card.BaseModels.Count > 0, reader.GetBoolean(3));
            checkedCards++;
            withBase += fromSql.Count > 0 ? 1 : 0;
        }
        Assert.True(checkedCards > 50, $"{path}: only {checkedCards} rows");
        Assert.True(withBase > 0, $"{path}: no card names a base, so nothing was compared");
    }

    [Theory]
    [InlineData("""{"base_model": "org/a"}""", "org/a")]
    [InlineData("""{"base_model": ["org/a", "org/b"]}""", "org/a|org/b")]
    [InlineData("""{"base_model": ["", "org/a", 3, null]}""", "org/a")]
    [InlineData("""{"base_model": ""}""", "")]
    [InlineData("""{"base_model": []}""", "")]
    [InlineData("""{"base_model": null}""", "")]
    [InlineData("""{"base_model": 7}""", "")]
    [InlineData("""{"base_model": {"id": "org/a"}}""", "")]
    [InlineData("""{"license": "mit"}""", "")]
    [InlineData("""not json""", "")]
    public void Odd_shapes_read_alike(string cardText, string expected)
    {
        var card = CardData.Parse(cardText);
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var literal = cardText.Replace("'", "''", StringComparison.Ordinal);
        command.CommandText = $"SELECT array_to_string({CardSql.BaseModels(Card)}, '|') FROM (SELECT '{literal}' AS cardData)";
        var fromSql = (string)command.ExecuteScalar()!;

        Assert.Equal(expected, fromSql);
        Assert.Equal(expected, string.Join('|', card.BaseModels));
    }
}

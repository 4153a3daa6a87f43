using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Data;

public class QueryFramesTests
{
    [Fact]
    public void Query_keeps_numbers_as_numbers_and_renders_lists_as_text()
    {
        using var hub = TestHub.Open(
            new ModelRow("a/one") { Downloads = 10, Tags = ["lora", "peft"] },
            new ModelRow("a/two") { Downloads = 32, Tags = [] });

        var frame = hub.Query("SELECT id, downloads, downloads / 4 AS quarter, tags, downloads > 20 AS big FROM models ORDER BY id");

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(42L, (long)frame.Columns["downloads"].Sum());
        Assert.Equal(8.0, (double)frame.Columns["quarter"][1]!);
        Assert.Equal("[lora, peft]", frame.Columns["tags"][0]);
        Assert.Equal(true, frame.Columns["big"][1]);
    }

    [Fact]
    public void Nulls_stay_null_in_every_column_type()
    {
        using var hub = TestHub.Open(new ModelRow("a/one"));

        var frame = hub.Query("SELECT NULL::BIGINT AS n, NULL::VARCHAR AS s, NULL::DOUBLE AS d, baseModels FROM models");

        Assert.Null(frame.Columns["n"][0]);
        Assert.Null(frame.Columns["s"][0]);
        Assert.Null(frame.Columns["d"][0]);
        Assert.Null(frame.Columns["baseModels"][0]);
    }
}

using Microsoft.Data.Analysis;
using ModelTree.Study;

namespace ModelTree.Tests.Data;

public class RowFramesTests
{
    [Fact]
    public void Anonymous_objects_become_typed_columns_in_declaration_order()
    {
        var rows = new[]
        {
            new { id = "a/b", models = 3, share = 0.5, peft = true, layout = RepoLayout.AdapterOnly, files = new[] { "x", "y" } },
            new { id = "c/d", models = 4, share = 0.25, peft = false, layout = RepoLayout.BaseOnly, files = Array.Empty<string>() },
        };

        var frame = rows.ToDataFrame();

        Assert.Equal(["id", "models", "share", "peft", "layout", "files"], frame.Columns.Select(c => c.Name));
        Assert.IsType<Int64DataFrameColumn>(frame.Columns["models"]);
        Assert.IsType<DoubleDataFrameColumn>(frame.Columns["share"]);
        Assert.IsType<BooleanDataFrameColumn>(frame.Columns["peft"]);
        Assert.Equal(4L, frame.Columns["models"][1]);
        Assert.Equal("AdapterOnly", frame.Columns["layout"][0]);
        Assert.Equal("[x, y]", frame.Columns["files"][0]);
        Assert.Equal("[]", frame.Columns["files"][1]);
    }

    [Fact]
    public void Nulls_stay_null()
    {
        var frame = new[] { new { label = (string?)null, count = (int?)null } }.ToDataFrame();

        Assert.Null(frame.Columns["label"][0]);
        Assert.Null(frame.Columns["count"][0]);
    }

    [Fact]
    public void No_rows_still_gives_the_columns()
    {
        var frame = Enumerable.Empty<(string Id, long Models)>().Select(t => new { t.Id, t.Models }).ToDataFrame();

        Assert.Equal(0, frame.Rows.Count);
        Assert.Equal(["Id", "Models"], frame.Columns.Select(c => c.Name));
    }
}

using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Data;

public class FigureQueryTests
{
    [Fact]
    public void Reads_the_first_row_as_named_counts()
    {
        using var hub = TestHub.Open(new ModelRow("a/x") { Tags = ["lora"] }, new ModelRow("a/y"));

        var figures = hub.Figures("SELECT count(*) AS models, sum(CASE WHEN list_contains(tags, 'lora') THEN 1 ELSE 0 END) AS lora FROM models");

        Assert.Equal(2, figures["models"]);
        Assert.Equal(1, figures["lora"]);
    }

    [Fact]
    public void A_sum_over_no_rows_is_zero_not_null()
    {
        using var hub = TestHub.Open(new ModelRow("a/x"));

        var figures = hub.Figures("SELECT count(*) AS n, sum(likes) AS likes FROM models WHERE id = 'nobody'");

        Assert.Equal(0, figures["n"]);
        Assert.Equal(0, figures["likes"]);
    }

    [Fact]
    public void No_row_at_all_gives_zeros()
    {
        using var hub = TestHub.Open(new ModelRow("a/x"));

        Assert.Equal(0, hub.Figures("SELECT likes AS n FROM models WHERE false")["n"]);
    }

    [Fact]
    public void Text_is_refused_with_the_figures_name()
    {
        using var hub = TestHub.Open(new ModelRow("a/x"));

        var error = Assert.Throws<ModelTreeException>(() => hub.Figures("SELECT id AS who FROM models"));
        Assert.Contains("'who'", error.Message);
    }
}

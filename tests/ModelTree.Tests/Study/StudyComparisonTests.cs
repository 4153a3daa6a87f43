using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Study;

public class StudyComparisonTests
{
    [Fact]
    public void Shows_this_data_beside_the_study_under_the_studys_label()
    {
        var frame = new StudyComparison("03-verify")
            .Count("finetunes", 2_500, StudyFigures.Finetunes)
            .Share("adapters with an adapter tag", 49, 50, StudyFigures.AdaptersWithAdapterTag, StudyFigures.Adapters)
            .ToFrame();

        Assert.Equal(["figure", "this data", StudyFigures.Label], frame.Columns.Select(c => c.Name));
        Assert.Equal("2,500", frame.Columns["this data"][0]);
        Assert.Equal("244,723", frame.Columns[StudyFigures.Label][0]);
        Assert.Equal("98.0% (49 of 50)", frame.Columns["this data"][1]);
        Assert.Equal("98.6% (262,423 of 266,041)", frame.Columns[StudyFigures.Label][1]);
    }

    [Fact]
    public void A_share_of_nothing_is_reported_as_no_rows_not_a_division_by_zero()
    {
        var comparison = new StudyComparison("03-verify").Share("quantized with a quant tag", 0, 0, 1, 2).Count("local only", 3);

        Assert.Null(comparison["quantized with a quant tag"]);
        Assert.Equal("no rows here", comparison.ToFrame().Columns["this data"][0]);
        Assert.Equal("not published", comparison.ToFrame().Columns[StudyFigures.Label][1]);
    }

    [Fact]
    public void Saved_figures_read_back_the_same()
    {
        var dir = TestPaths.NewTempDir();
        try
        {
            var path = new StudyComparison("01-base-models").Count("models", 67).Share("both", 66, 67).Save(dir);

            var loaded = StudyComparison.Load(path);

            Assert.Equal(Path.Combine(dir, "figures", "01-base-models.json"), path);
            Assert.Equal("01-base-models", loaded.Notebook);
            Assert.Equal(67, loaded["models"]);
            Assert.Equal(66.0 / 67, loaded["both"]!.Value, 12);
            Assert.Equal("98.5% (66 of 67)", loaded.ToFrame().Columns["this data"][1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_summary_can_include_an_earlier_cells_figures_without_changing_them()
    {
        var ratios = new StudyComparison("03-verify").Share("4.2", 1, 2);

        var summary = new StudyComparison("03-verify").Include(ratios).Count("merges", 3);

        Assert.Equal(["4.2", "merges"], summary.Figures.Select(f => f.Name));
        Assert.Single(ratios.Figures);
    }

    [Fact]
    public void Asking_for_a_figure_it_does_not_have_names_it()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => new StudyComparison("x").Count("a", 1)["b"]);

        Assert.Contains("'b'", error.Message);
    }
}

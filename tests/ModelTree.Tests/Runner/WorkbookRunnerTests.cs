using ModelTree.Workbook.Runner;

namespace ModelTree.Tests.Runner;

[Collection(RunnerCollection.Name)]
public sealed class WorkbookRunnerTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task The_report_has_every_notebook_title_rendered_markdown_and_the_failure()
    {
        var notebooks = temp.Combine("notebooks");
        new NotebookBuilder().Markdown("# Getting the data\n\nSome **bold** text.").CSharp("\"first\"").WriteTo(notebooks, "00-data.ipynb");
        new NotebookBuilder().Markdown("# Relations\n").CSharp("throw new Exception(\"odd\");").WriteTo(notebooks, "01-relations.ipynb");

        var run = await WorkbookRunner.RunAsync(WorkbookRunner.Select(notebooks, []), temp.Combine("out"));

        Assert.False(run.Passed);
        Assert.Equal([temp.Combine("out", "notebooks", "00-data.ipynb"), temp.Combine("out", "notebooks", "01-relations.ipynb")], run.NotebookFiles);
        Assert.All(run.NotebookFiles, f => Assert.True(File.Exists(f)));
        Assert.Equal(temp.Combine("out", "report.html"), run.ReportPath);
        var html = File.ReadAllText(run.ReportPath);
        Assert.Contains("Getting the data", html);
        Assert.Contains("Relations", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("first", html);
        Assert.Contains("failed at cell 2", html);
        Assert.DoesNotContain("<script src=", html); // nothing to fetch: the report reads offline
    }

    [Fact]
    public void Notebooks_are_selected_all_in_name_order_or_by_name_with_or_without_extension_or_by_path()
    {
        var notebooks = temp.Combine("notebooks");
        new NotebookBuilder().WriteTo(notebooks, "10-later.ipynb");
        new NotebookBuilder().WriteTo(notebooks, "02-early.ipynb");
        var elsewhere = new NotebookBuilder().WriteTo(temp.Combine("other"), "x.ipynb");

        Assert.Equal([Path.Combine(notebooks, "02-early.ipynb"), Path.Combine(notebooks, "10-later.ipynb")], WorkbookRunner.Select(notebooks, []));
        Assert.Equal([Path.Combine(notebooks, "10-later.ipynb"), Path.Combine(notebooks, "02-early.ipynb"), elsewhere],
            WorkbookRunner.Select(notebooks, ["10-later", "02-early.ipynb", elsewhere]));
        var e = Assert.Throws<ModelTreeException>(() => WorkbookRunner.Select(notebooks, ["99-missing"]));
        Assert.Contains("02-early", e.Message);
    }
}

using ModelTree.Tests.Runner;
using static ModelTree.Tests.Fetch.LocalHttpServer;

namespace ModelTree.Tests.Fetch;

/// <summary>The <c>fetch</c> command line: bad output places end in one error line on stderr; help on each form.</summary>
[Collection(RunnerCollection.Name)] // these tests redirect the console
public sealed class FetchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modeltree-fetchcmd-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_empty_out_is_one_error_line()
    {
        using var server = new LocalHttpServer((c, _) => Status(c, 500));
        var run = await CommandRun.Invoke("fetch", "--url", server.Url.ToString(), "--out", "");
        CommandRun.AssertOneErrorLine(run, "--out is empty");
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task An_out_folder_that_cannot_be_written_is_one_error_line_before_any_download()
    {
        // /proc refuses new folders even to root, so this holds however the tests are run.
        using var server = new LocalHttpServer((c, _) => Status(c, 500));
        var run = await CommandRun.Invoke("fetch", "--url", server.Url.ToString(), "--out", "/proc/modeltree-read-only/models.parquet");
        CommandRun.AssertOneErrorLine(run, "cannot write to '/proc/modeltree-read-only'", "choose another --out");
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task An_out_under_a_file_is_one_error_line()
    {
        var file = Path.Combine(_dir, "plain.txt");
        await File.WriteAllTextAsync(file, "not a folder");
        using var server = new LocalHttpServer((c, _) => Status(c, 500));
        var run = await CommandRun.Invoke("fetch", "hub-stats", "--url", server.Url.ToString(), "--out", Path.Combine(file, "models.parquet"));
        CommandRun.AssertOneErrorLine(run, "cannot write to", file);
        Assert.Equal("not a folder", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task A_404_from_the_command_is_one_error_line_saying_the_source_may_be_gone()
    {
        using var server = new LocalHttpServer((c, _) => Status(c, 404));
        var run = await CommandRun.Invoke("fetch", "--url", server.Url.ToString(), "--out", Path.Combine(_dir, "m.parquet"));
        CommandRun.AssertOneErrorLine(run, "HTTP 404", "taken down");
        Assert.False(File.Exists(Path.Combine(_dir, "m.parquet")));
    }

    [Fact]
    public async Task A_revision_reaches_the_server_and_a_good_download_reports_on_stdout()
    {
        var page = "<html>not parquet</html>"u8.ToArray();
        using var server = new LocalHttpServer((c, _) => Serve(c, page));
        var run = await CommandRun.Invoke("fetch", "--url", server.Url.ToString(), "--revision", "abc1234", "--out", Path.Combine(_dir, "m.parquet"));
        CommandRun.AssertOneErrorLine(run, "not a parquet file");
        Assert.Equal("/datasets/hub-stats/resolve/abc1234/models.parquet", server.Log.Single().PathAndQuery);
    }

    [Theory]
    [InlineData("fetch")]
    [InlineData("fetch hub-stats")]
    public async Task Help_explains_each_form(string command)
    {
        var run = await CommandRun.Invoke([.. command.Split(' '), "--help"]);
        Assert.Equal(0, run.Exit);
        Assert.Contains("hub-stats models.parquet", run.Out);
        Assert.Contains("--revision", run.Out);
        Assert.Contains("If-Range", run.Out);
    }
}

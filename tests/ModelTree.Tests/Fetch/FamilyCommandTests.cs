using System.Diagnostics;
using System.Text.Json.Nodes;
using ModelTree.Data;
using ModelTree.Fetch.Family;
using ModelTree.Tests.Fixtures;
using ModelTree.Tests.Runner;
using static ModelTree.Tests.Fetch.FamilyFixture;

namespace ModelTree.Tests.Fetch;

/// <summary>
/// <c>fetch family</c> end to end: a real family replayed through the recorded-shape API, the command line
/// (messages, options said in words, the token), and a walk killed half way and resumed.
/// </summary>
[Collection(RunnerCollection.Name)] // these tests redirect the console and set environment variables
public sealed class FamilyCommandTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "family.jsonl");

    private static List<JsonObject> Lines(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(l => (JsonObject)JsonNode.Parse(l)!)];

    [Fact]
    public async Task A_real_family_served_as_the_api_of_April_2025_comes_back_as_the_same_records()
    {
        // The API then had no baseModels: every one is derived from the tags, as the shipped records' were.
        var real = Lines(TestPaths.MistralFamily);
        var root = (string)real.Single(r => r["baseModels"] is null)["id"]!;
        using var hub = new FakeHub(real) { PageSize = 25 };
        foreach (var record in real)
        {
            hub.WithoutBaseModels.Add((string)record["id"]!);
        }

        var result = await FamilyCrawler.CrawlAsync(new FamilyCrawlOptions
        {
            RootId = root,
            OutPath = Out,
            Endpoint = hub.Endpoint,
            RequestsPerSecond = 1000,
            TimeScale = 0.001,
        });

        var written = Lines(Out).ToDictionary(r => (string)r["id"]!);
        Assert.Equal(real.Count, written.Count);
        Assert.Equal(real.Count, result.BaseModelsDerived);
        foreach (var record in real)
        {
            Assert.True(JsonNode.DeepEquals(record, written[(string)record["id"]!]), $"{record["id"]} differs from the shipped record");
        }

        using var fetched = HubData.Open(Out, new HubDataOptions { DatabasePath = ":memory:" });
        using var shipped = HubData.Open(TestPaths.MistralFamily, new HubDataOptions { DatabasePath = ":memory:" });
        var (a, b) = (ModelGraph.Build(fetched), ModelGraph.Build(shipped));
        Assert.Equal(b.EdgeCount, a.EdgeCount);
        Assert.Equal(b.Descendants(root).Total, a.Descendants(root).Total);
        Assert.Equal(b.Box(root).Finetunes, a.Box(root).Finetunes);
    }

    [Fact]
    public async Task The_command_writes_the_family_reports_on_stdout_and_never_shows_the_token()
    {
        const string token = "hf_TEST_cli_token_5a4b3c2d1e";
        using var hub = new FakeHub(Models());
        hub.WithoutBaseModels.Add(NoBaseModelsInApi);
        Environment.SetEnvironmentVariable("MODELTREE_TEST_TOKEN", token);
        try
        {
            var run = await CommandRun.Invoke("fetch", "family", Root, "--endpoint", hub.Endpoint.ToString(), "--out", Out, "--rate", "100",
                "--token-env", "MODELTREE_TEST_TOKEN");

            Assert.Equal(0, run.Exit);
            Assert.Equal("", run.Error);
            Assert.Contains("done:", run.Out);
            Assert.Contains($"{Models().Count} records", run.Out);
            Assert.Contains("baseModels: the API did not give it for 1", run.Out);
            Assert.Contains("$MODELTREE_TEST_TOKEN", run.Out);
            Assert.Contains("run 07-model-trees --data", run.Out);
            Assert.DoesNotContain(token, run.Out + run.Error);
            Assert.All(hub.Server.Log, s => Assert.Equal($"Bearer {token}", s.Authorization));
            Assert.DoesNotContain(token, await File.ReadAllTextAsync(Out) + await File.ReadAllTextAsync(FamilyCrawler.JournalPath(Out)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MODELTREE_TEST_TOKEN", null);
        }
    }

    [Fact]
    public async Task A_gated_and_a_deleted_model_are_listed_as_skipped_with_what_to_do()
    {
        using var hub = new FakeHub(Models());
        hub.Faults[Gated] = async (c, _) =>
        {
            await LocalHttpServer.Status(c, 401);
            return true;
        };
        hub.Faults[Deleted] = async (c, _) =>
        {
            await LocalHttpServer.Status(c, 404);
            return true;
        };

        var run = await CommandRun.Invoke("fetch", "family", Root, "--endpoint", hub.Endpoint.ToString(), "--out", Out, "--rate", "100");

        Assert.Equal(0, run.Exit);
        Assert.Contains($"skipped {Gated}: HTTP 401", run.Out.ReplaceLineEndings(""));
        Assert.Contains($"skipped {Deleted}: HTTP 404", run.Out.ReplaceLineEndings(""));
        Assert.Equal(Models().Count - 2, Lines(Out).Count);
    }

    [Theory]
    [InlineData("--depth", "abc", "--depth 'abc' is not a whole number of 0 or more")]
    [InlineData("--depth", "-1", "--depth '-1' is not a whole number of 0 or more")]
    [InlineData("--max-models", "0", "--max-models '0' is not a whole number of 1 or more")]
    [InlineData("--max-models", "12x", "--max-models '12x' is not a whole number")]
    [InlineData("--rate", "fast", "--rate 'fast' is not a number of requests a second")]
    [InlineData("--relations", "finetune,forks", "--relations 'forks' is not a relation")]
    [InlineData("--out", "", "--out is empty")]
    [InlineData("--token-env", "MODELTREE_TEST_UNSET_VARIABLE", "MODELTREE_TEST_UNSET_VARIABLE, which is not set")]
    [InlineData("--endpoint", "ftp://example.org", "is not an http(s) address")]
    public async Task Bad_options_are_one_error_line_in_words_and_nothing_is_asked_or_written(string option, string value, string expected)
    {
        using var hub = new FakeHub(Models());
        string[] args = option == "--endpoint"
            ? ["fetch", "family", Root, "--out", Out, option, value]
            : ["fetch", "family", Root, "--endpoint", hub.Endpoint.ToString(), "--out", Out, option, value];
        if (option == "--out")
        {
            args = ["fetch", "family", Root, "--endpoint", hub.Endpoint.ToString(), "--out", ""];
        }

        var run = await CommandRun.Invoke(args);

        CommandRun.AssertOneErrorLine(run, expected);
        Assert.Equal(0, hub.Server.Requests);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task A_model_id_that_is_not_one_is_refused()
    {
        var run = await CommandRun.Invoke("fetch", "family", "not an id", "--out", Out);
        CommandRun.AssertOneErrorLine(run, "'not an id' is not a model id");
    }

    [Fact]
    public async Task An_out_folder_that_cannot_be_written_is_one_error_line()
    {
        using var hub = new FakeHub(Models());
        var run = await CommandRun.Invoke("fetch", "family", Root, "--endpoint", hub.Endpoint.ToString(), "--out", "/proc/modeltree-read-only/f.jsonl");
        CommandRun.AssertOneErrorLine(run, "cannot write to '/proc/modeltree-read-only'");
        Assert.Equal(0, hub.Server.Requests);
    }

    [Fact]
    public async Task Help_explains_the_family_walk()
    {
        var run = await CommandRun.Invoke("fetch", "family", "--help");
        Assert.Equal(0, run.Exit);
        foreach (var text in new[] { "--depth", "--relations", "--max-models", "--token-env", "--endpoint", "--rate", "Retry-After", "N x 3.3 s" })
        {
            Assert.Contains(text, run.Out);
        }
    }

    [Fact]
    public async Task A_walk_killed_half_way_resumes_to_the_whole_family_with_each_model_once()
    {
        using var hub = new FakeHub(Models());
        var program = Path.Combine(AppContext.BaseDirectory, "ModelTree.Workbook.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", program, "fetch", "family", Root, "--endpoint", hub.Endpoint.ToString(), "--out", Out, "--rate", "15"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using (var walk = Process.Start(start)!)
        {
            var deadline = Stopwatch.StartNew();
            while (!walk.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60) && (!File.Exists(Out) || Lines(Out).Count < 4))
            {
                await Task.Delay(20);
            }
            Assert.False(walk.HasExited, "the walk ended before it could be killed; slow it down");
            walk.Kill(entireProcessTree: true);
            await walk.WaitForExitAsync();
        }
        var before = File.ReadAllLines(Out).Count(l => l.Length > 0);
        Assert.InRange(before, 4, Models().Count - 1);

        var result = await FamilyCrawler.CrawlAsync(new FamilyCrawlOptions
        {
            RootId = Root,
            OutPath = Out,
            Endpoint = hub.Endpoint,
            RequestsPerSecond = 1000,
            TimeScale = 0.001,
        });

        var ids = Lines(Out).Select(r => (string)r["id"]!).ToList();
        Assert.Equal(Models().Select(m => (string)m["id"]!).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(result.AlreadyThere >= 4);
    }
}

using System.Text.Json.Nodes;
using ModelTree.Data;
using ModelTree.Fetch.Family;
using ModelTree.Tests.Fixtures;
using static ModelTree.Tests.Fetch.FamilyFixture;

namespace ModelTree.Tests.Fetch;

/// <summary><c>fetch family</c>'s walk against a recorded-shape Hub API on 127.0.0.1 (see <see cref="FamilyFixture"/>).</summary>
public sealed class FamilyCrawlerTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "family.jsonl");

    /// <summary>Fast settings: no pace to speak of, and every wait a thousandth of what the server asks.</summary>
    private FamilyCrawlOptions Options(FakeHub hub, int maxModels = 1000, int? depth = null, string? token = null) => new()
    {
        RootId = Root,
        OutPath = Out,
        Endpoint = hub.Endpoint,
        MaxModels = maxModels,
        Depth = depth,
        Token = token,
        RequestsPerSecond = 1000,
        TimeScale = 0.001,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    private List<JsonObject> Written() =>
        [.. File.ReadAllLines(Out).Where(l => l.Length > 0).Select(l => (JsonObject)JsonNode.Parse(l)!)];

    private void AssertWrittenAreExactly(IEnumerable<string> ids)
    {
        var written = Written();
        Assert.Equal(ids.Order(StringComparer.Ordinal), written.Select(r => (string)r["id"]!).Order(StringComparer.Ordinal));
        foreach (var record in written)
        {
            var expected = Expected((string)record["id"]!);
            Assert.True(JsonNode.DeepEquals(expected, record), $"{record["id"]}:\nexpected {expected.ToJsonString()}\nwritten  {record.ToJsonString()}");
        }
    }

    [Fact]
    public async Task The_whole_family_is_written_once_each_in_the_real_records_shape_through_every_fault()
    {
        using var hub = Serve();
        var notes = new List<string>();
        var result = await FamilyCrawler.CrawlAsync(Options(hub), new SyncProgress(p =>
        {
            if (p.Note is not null)
            {
                notes.Add(p.Note);
            }
        }));

        AssertWrittenAreExactly(Readable);
        Assert.Equal(Readable.Count, result.Records);
        Assert.Equal(Readable.Count, result.Written);
        Assert.False(result.StoppedAtCap);

        // Keys in the order of the real records the workbook ships.
        var real = (JsonObject)JsonNode.Parse(File.ReadLines(TestPaths.MistralFamily).First())!;
        Assert.All(Written(), r => Assert.Equal(real.Select(p => p.Key), r.Select(p => p.Key)));

        // The gated and the deleted model are skipped with the reason; nothing else is.
        Assert.Equal([Deleted, Gated], result.Skipped.Select(s => s.Id).Order(StringComparer.Ordinal));
        var gated = result.Skipped.Single(s => s.Id == Gated);
        Assert.Equal(401, gated.Status);
        Assert.Contains("token", gated.Reason);
        var deleted = result.Skipped.Single(s => s.Id == Deleted);
        Assert.Equal(404, deleted.Status);
        Assert.Contains("deleted or renamed", deleted.Reason);

        // One model's baseModels came from the tags, and the result says so.
        Assert.Equal(1, result.BaseModelsDerived);

        // 429 (Retry-After 2 s, honoured as asked), 503 and the cut connection: each read again, once.
        Assert.Equal(2, hub.InfoCalls(RateLimited));
        Assert.Contains(notes, n => n.Contains("HTTP 429") && n.Contains("waiting 2 s as the server asks"));
        Assert.Equal(2, hub.InfoCalls(Flaky));
        Assert.Contains(notes, n => n.Contains("HTTP 503"));
        Assert.Equal(2, hub.InfoCalls(Cut));

        // The merge (listed under both bases) and the cycle's models are read once.
        Assert.Equal(1, hub.InfoCalls(Merge));
        Assert.Equal(1, hub.InfoCalls("acme/cyc-x"));
        Assert.Equal(1, hub.InfoCalls("acme/cyc-y"));

        // The root's seven finetunes came in four pages, following Link rel="next".
        var rootFinetunes = Uri.EscapeDataString($"base_model:finetune:{Root}");
        Assert.Equal(["", "&cursor=2", "&cursor=4", "&cursor=6"],
            hub.Listings.Where(l => l.EndsWith(rootFinetunes, StringComparison.Ordinal) || l.Contains(rootFinetunes + "&", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(rootFinetunes, StringComparison.Ordinal) + rootFinetunes.Length)..]));
        Assert.Equal(result.Requests, hub.Server.Requests);
    }

    [Fact]
    public async Task A_request_that_times_out_is_asked_again()
    {
        using var hub = Serve();
        hub.Faults["acme/ft-a"] = async (c, n) =>
        {
            if (n == 1)
            {
                await Task.Delay(700); // longer than the walk waits for an answer
                await LocalHttpServer.Status(c, 503);
            }
            return n == 1;
        };
        var notes = new List<string>();
        var options = Options(hub);

        await FamilyCrawler.CrawlAsync(new FamilyCrawlOptions
        {
            RootId = Root,
            OutPath = Out,
            Endpoint = hub.Endpoint,
            RequestsPerSecond = 1000,
            TimeScale = 0.001,
            RetryDelay = options.RetryDelay,
            RequestTimeout = TimeSpan.FromMilliseconds(200),
        }, new SyncProgress(p => notes.Add(p.Note ?? "")));

        // The server answers one request at a time, so the tries made while it sleeps reach it afterwards.
        Assert.InRange(hub.InfoCalls("acme/ft-a"), 2, 6);
        Assert.Contains(notes, n => n.StartsWith("timed out for /api/models/acme/ft-a", StringComparison.Ordinal));
        AssertWrittenAreExactly(Readable);
    }

    [Fact]
    public async Task The_output_opens_as_data_and_builds_the_model_graph_of_the_family()
    {
        using var hub = Serve();
        await FamilyCrawler.CrawlAsync(Options(hub));

        using var data = HubData.Open(Out, new HubDataOptions { DatabasePath = ":memory:" });
        Assert.Equal(Readable.Count, data.Count());
        var graph = ModelGraph.Build(data);

        // Expected from the fixture's own tags: the root's direct children by relation, among the readable models.
        int Direct(string relation) => Models().Count(m => Readable.Contains((string)m["id"]!) &&
            m["tags"]!.AsArray().Any(t => (string?)t == $"base_model:{relation}:{Root}"));
        var box = graph.Box(Root);
        Assert.Equal(Direct("finetune"), box.Finetunes);
        Assert.Equal(Direct("quantized"), box.Quantizations);
        Assert.Equal(2, graph.Box(Merge).Bases.Count);
        Assert.Equal(Readable.Count - 1, graph.Descendants(Root).Total);
        Assert.NotEmpty(graph.CycleOf("acme/cyc-x"));
    }

    [Fact]
    public async Task Depth_limits_the_walk_to_the_generations_asked_for()
    {
        using var hub = Serve();
        await FamilyCrawler.CrawlAsync(Options(hub, depth: 1));

        var direct = Models().Where(m => m["tags"]!.AsArray().Any(t => ((string?)t)!.StartsWith("base_model:", StringComparison.Ordinal) &&
            ((string?)t)!.EndsWith(":" + Root, StringComparison.Ordinal) && ((string?)t)!.Count(c => c == ':') == 2))
            .Select(m => (string)m["id"]!).Where(Readable.Contains);
        AssertWrittenAreExactly([Root, .. direct]);
    }

    [Fact]
    public async Task The_cap_stops_the_walk_says_so_and_a_higher_cap_goes_on_without_asking_again()
    {
        using var hub = Serve();
        var capped = await FamilyCrawler.CrawlAsync(Options(hub, maxModels: 5));

        Assert.Equal(5, Written().Count);
        Assert.True(capped.StoppedAtCap);
        Assert.True(capped.StillQueued > 0);
        var first = Written().Select(r => (string)r["id"]!).ToList();

        var rest = await FamilyCrawler.CrawlAsync(Options(hub));
        AssertWrittenAreExactly(Readable);
        Assert.Equal(5, rest.AlreadyThere);
        Assert.All(first.Where(id => id is not (RateLimited or Flaky or Cut)), id => Assert.Equal(1, hub.InfoCalls(id)));
    }

    [Fact]
    public async Task An_interrupted_walk_resumes_without_reading_or_listing_again()
    {
        using var hub = Serve();
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FamilyCrawler.CrawlAsync(Options(hub),
            new SyncProgress(p =>
            {
                if (p.ModelsDone >= 4)
                {
                    stop.Cancel();
                }
            }), stop.Token));
        var before = Written().Select(r => (string)r["id"]!).ToList();
        Assert.InRange(before.Count, 4, Readable.Count - 1);
        var listingsBefore = hub.Listings.ToList();

        var result = await FamilyCrawler.CrawlAsync(Options(hub));

        AssertWrittenAreExactly(Readable);
        Assert.Equal(before.Count, result.AlreadyThere);
        Assert.All(before.Where(id => id is not (RateLimited or Flaky or Cut)), id => Assert.Equal(1, hub.InfoCalls(id)));
        // A listing that was complete before the interruption was not asked for again.
        var again = hub.Listings.Skip(listingsBefore.Count).ToList();
        Assert.Contains(Uri.EscapeDataString($"base_model:finetune:{Root}"), listingsBefore[0]);
        Assert.DoesNotContain(again, l => l == listingsBefore[0]);
    }

    [Fact]
    public async Task A_half_written_last_line_is_removed_and_that_model_read_again()
    {
        using var hub = Serve();
        await FamilyCrawler.CrawlAsync(Options(hub));
        var whole = await File.ReadAllTextAsync(Out);
        var lastId = (string)Written()[^1]["id"]!;
        await File.WriteAllTextAsync(Out, whole[..^40]); // the kill came in the middle of the last record

        var result = await FamilyCrawler.CrawlAsync(Options(hub));

        Assert.True(result.RepairedLine);
        Assert.Equal(1, result.Written);
        Assert.Equal(lastId, (string)Written()[^1]["id"]!);
        AssertWrittenAreExactly(Readable);
    }

    [Fact]
    public async Task A_line_in_the_middle_that_is_not_a_record_stops_the_walk_and_changes_nothing()
    {
        using var hub = Serve();
        var text = "{\"id\": \"acme/base-7b\"}\nnot json\n{\"id\": \"acme/ft-a\"}\n";
        await File.WriteAllTextAsync(Out, text);

        var e = await Assert.ThrowsAsync<ModelTreeException>(() => FamilyCrawler.CrawlAsync(Options(hub)));

        Assert.Contains("line 2", e.Message);
        Assert.Equal(text, await File.ReadAllTextAsync(Out));
        Assert.Equal(0, hub.Server.Requests);
    }

    [Fact]
    public async Task The_token_goes_to_the_endpoint_only_and_is_written_nowhere()
    {
        const string token = "hf_TEST_token_9f8e7d6c5b4a";
        using var other = Serve();
        using var hub = Serve();
        hub.SecondPagesAt = other.Endpoint; // a listing's next page on another origin
        var notes = new List<string>();

        var result = await FamilyCrawler.CrawlAsync(Options(hub, token: token), new SyncProgress(p => notes.Add(p.Note ?? "")));

        Assert.All(hub.Server.Log, s => Assert.Equal($"Bearer {token}", s.Authorization));
        Assert.NotEmpty(other.Server.Log);
        Assert.All(other.Server.Log, s => Assert.Null(s.Authorization));
        AssertWrittenAreExactly(Readable);
        foreach (var file in Directory.EnumerateFiles(_dir))
        {
            Assert.DoesNotContain(token, await File.ReadAllTextAsync(file));
        }
        Assert.DoesNotContain(notes, n => n.Contains(token));
        Assert.DoesNotContain(token, string.Join("\n", result.Skipped));
    }

    [Fact]
    public async Task A_refused_token_stops_the_walk_with_a_message_that_does_not_show_it()
    {
        const string token = "hf_TEST_refused_123456";
        using var hub = Serve();
        hub.Faults[Root] = async (c, _) =>
        {
            await LocalHttpServer.Status(c, 401, ("X-Error-Message", "Invalid credentials in Authorization header"));
            return true;
        };

        var e = await Assert.ThrowsAsync<ModelTreeException>(() => FamilyCrawler.CrawlAsync(Options(hub, token: token)));

        Assert.Contains("refused the token", e.Message);
        Assert.DoesNotContain(token, e.Message);
        Assert.False(File.Exists(Out));
        Assert.False(File.Exists(FamilyCrawler.JournalPath(Out)));
    }

    [Theory]
    [InlineData(404, "deleted or renamed")]
    [InlineData(401, "token")]
    public async Task A_root_that_cannot_be_read_is_an_error_naming_it(int status, string expected)
    {
        using var hub = Serve();
        hub.Faults[Root] = async (c, _) =>
        {
            await LocalHttpServer.Status(c, status);
            return true;
        };

        var e = await Assert.ThrowsAsync<ModelTreeException>(() => FamilyCrawler.CrawlAsync(Options(hub)));

        Assert.Contains(Root, e.Message);
        Assert.Contains(expected, e.Message);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_stops_the_walk_and_keeps_what_is_written()
    {
        using var hub = Serve(retryAfter: 3600);
        var options = Options(hub);
        var e = await Assert.ThrowsAsync<ModelTreeException>(() => FamilyCrawler.CrawlAsync(new FamilyCrawlOptions
        {
            RootId = options.RootId,
            OutPath = options.OutPath,
            Endpoint = options.Endpoint,
            RequestsPerSecond = 1000,
            TimeScale = 0.001,
            RetryDelay = options.RetryDelay,
            MaxRetryAfter = TimeSpan.FromMinutes(10),
        }));

        Assert.Contains("asks to wait 60 minutes", e.Message);
        Assert.Contains("Run the same command again later", e.Message);
        Assert.NotEmpty(Written());
        Assert.DoesNotContain(Written(), r => (string)r["id"]! == RateLimited);
    }

    /// <summary>Reports synchronously (System.Progress posts to the thread pool, which would race the asserts).</summary>
    private sealed class SyncProgress(Action<CrawlProgress> report) : IProgress<CrawlProgress>
    {
        public void Report(CrawlProgress value) => report(value);
    }
}

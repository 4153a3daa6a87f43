using System.Security.Cryptography;
using DuckDB.NET.Data;
using ModelTree.Fetch;
using static ModelTree.Tests.Fetch.LocalHttpServer;

namespace ModelTree.Tests.Fetch;

/// <summary>The download against a local server on 127.0.0.1: complete, interrupted and resumed, refused, wrong.</summary>
public sealed class HubFetcherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modeltree-fetch-").FullName;
    private readonly byte[] _parquet;
    private readonly byte[] _newer;

    public HubFetcherTests()
    {
        _parquet = MakeParquet(7);
        _newer = MakeParquet(11);
    }

    /// <summary>A small real parquet file (about 0.5 MB, hard to compress), made by DuckDB; the factor changes its content, not its size.</summary>
    private byte[] MakeParquet(int factor)
    {
        var path = Path.Combine(_dir, $"source-{factor}.parquet");
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT i, md5(i::VARCHAR) || md5((i * {factor})::VARCHAR) AS h FROM range(12000) t(i)) TO '{path}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "full", "models.parquet");

    private FetchOptions Options(LocalHttpServer server, bool force = false, Uri? url = null) =>
        new()
        {
            Url = url ?? server.Url,
            OutPath = Out,
            Force = force,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            StallTimeout = TimeSpan.FromSeconds(10),
        };

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private void AssertNothingInstalledOrLeft()
    {
        Assert.False(File.Exists(Out));
        Assert.False(File.Exists(HubFetcher.PartPath(Out)));
        Assert.False(File.Exists(HubFetcher.PartPath(Out) + ".meta"));
    }

    [Fact]
    public async Task Full_download_writes_the_checked_file_and_leaves_no_part()
    {
        using var server = new LocalHttpServer((c, _) => Serve(c, new ServedFile(_parquet, "\"v1\"")));
        var seen = new List<FetchProgress>();
        var result = await HubFetcher.DownloadAsync(Options(server), new SyncProgress(seen.Add));

        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
        Assert.Equal(_parquet.Length, result.Bytes);
        Assert.False(result.Restarted);
        Assert.False(File.Exists(HubFetcher.PartPath(Out)));
        Assert.False(File.Exists(HubFetcher.PartPath(Out) + ".meta"));
        Assert.Equal(_parquet.Length, seen[^1].BytesDone);
        Assert.Equal(_parquet.Length, seen[^1].BytesTotal);
        Assert.Equal([""], server.Ranges);
    }

    [Fact]
    public async Task Interrupted_download_resumes_with_a_range_request_conditional_on_the_etag()
    {
        var half = _parquet.Length / 2;
        var file = new ServedFile(_parquet, "\"v1\"");
        using var server = new LocalHttpServer((c, n) => n == 1 ? ServeThenDrop(c, file, half) : Serve(c, file));

        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("interrupted", e.Message);
        Assert.Contains("resume", e.Message);
        Assert.False(File.Exists(Out));
        var kept = new FileInfo(HubFetcher.PartPath(Out)).Length;
        Assert.InRange(kept, 1, _parquet.Length - 1);

        var result = await HubFetcher.DownloadAsync(Options(server));
        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
        Assert.Equal(kept, result.ResumedFrom);
        Assert.False(result.Restarted);
        var requests = server.Log.ToArray();
        Assert.Equal(["", $"bytes={kept}-"], requests.Select(r => r.Range));
        Assert.Equal("\"v1\"", requests[1].IfRange);
        Assert.False(File.Exists(HubFetcher.PartPath(Out)));
    }

    [Fact]
    public async Task A_file_that_changed_between_attempts_is_downloaded_whole_not_spliced()
    {
        // The server honours If-Range: the old ETag no longer matches, so it answers 200 with the new file.
        var half = _parquet.Length / 2;
        using var server = new LocalHttpServer((c, n) => n == 1
            ? ServeThenDrop(c, new ServedFile(_parquet, "\"v1\""), half)
            : Serve(c, new ServedFile(_newer, "\"v2\"")));

        await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        var result = await HubFetcher.DownloadAsync(Options(server));

        Assert.Equal(_newer, await File.ReadAllBytesAsync(Out));
        Assert.True(result.Restarted);
        Assert.Equal(0, result.ResumedFrom);
        Assert.Contains("whole file", result.RestartReason);
        Assert.Equal("\"v1\"", server.Log.ToArray()[1].IfRange);
    }

    [Fact]
    public async Task A_server_that_ignores_if_range_and_sends_the_new_files_tail_is_caught_by_its_etag()
    {
        var half = _parquet.Length / 2;
        using var server = new LocalHttpServer((c, n) => n == 1
            ? ServeThenDrop(c, new ServedFile(_parquet, "\"v1\""), half)
            : Serve(c, new ServedFile(_newer, "\"v2\""), honourIfRange: false));

        await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        var kept = new FileInfo(HubFetcher.PartPath(Out)).Length;
        var result = await HubFetcher.DownloadAsync(Options(server));

        // The 206 carried "v2": the tail was thrown away and the whole new file fetched again, without a range.
        Assert.Equal(_newer, await File.ReadAllBytesAsync(Out));
        Assert.True(result.Restarted);
        Assert.Contains("changed on the server", result.RestartReason);
        Assert.Contains("\"v1\"", result.RestartReason);
        Assert.Contains("\"v2\"", result.RestartReason);
        Assert.Equal(["", $"bytes={kept}-", ""], server.Ranges);
    }

    [Fact]
    public async Task A_server_that_sends_no_validator_is_never_resumed()
    {
        // Same size, other content: appending its tail would give a file of the right size that is neither.
        var half = _parquet.Length / 2;
        using var server = new LocalHttpServer((c, n) => n == 1 ? ServeThenDrop(c, _parquet, half) : Serve(c, _newer));

        await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.True(File.Exists(HubFetcher.PartPath(Out)));
        var result = await HubFetcher.DownloadAsync(Options(server));

        Assert.Equal(_newer, await File.ReadAllBytesAsync(Out));
        Assert.True(result.Restarted);
        Assert.Contains("no validator", result.RestartReason);
        Assert.Equal(["", ""], server.Ranges);
    }

    [Fact]
    public async Task A_part_without_its_description_is_not_trusted()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Out)!);
        await File.WriteAllBytesAsync(HubFetcher.PartPath(Out), _parquet.AsSpan(0, 1000).ToArray().Select(b => (byte)~b).ToArray());
        using var server = new LocalHttpServer((c, _) => Serve(c, new ServedFile(_parquet, "\"v1\"")));

        var result = await HubFetcher.DownloadAsync(Options(server));
        Assert.True(result.Restarted);
        Assert.Equal(0, result.ResumedFrom);
        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
        Assert.Equal([""], server.Ranges);
    }

    [Fact]
    public async Task The_hubs_linked_etag_is_checked_as_the_files_sha256_and_the_commit_is_reported()
    {
        var commit = "0123456789abcdef0123456789abcdef01234567";
        using var server = new LocalHttpServer((c, _) => c.Request.Url!.AbsolutePath.StartsWith("/cdn/", StringComparison.Ordinal)
            ? Serve(c, new ServedFile(_parquet, "\"cdn-etag\""))
            : Redirect(c, "/cdn/models.parquet", ("X-Linked-Etag", $"\"{Sha256(_parquet)}\""), ("X-Repo-Commit", commit)));

        var result = await HubFetcher.DownloadAsync(Options(server));

        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
        Assert.Equal(Sha256(_parquet), result.Sha256);
        Assert.Equal(commit, result.Commit);
    }

    [Fact]
    public async Task A_file_whose_sha256_differs_from_the_linked_etag_is_deleted_not_installed()
    {
        using var server = new LocalHttpServer((c, _) => c.Request.Url!.AbsolutePath.StartsWith("/cdn/", StringComparison.Ordinal)
            ? Serve(c, new ServedFile(_newer, "\"cdn-etag\""))
            : Redirect(c, "/cdn/models.parquet", ("X-Linked-Etag", $"\"{Sha256(_parquet)}\"")));

        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));

        Assert.Contains("sha256", e.Message);
        Assert.Contains(Sha256(_parquet)[..12], e.Message);
        Assert.Contains("nothing was installed", e.Message);
        AssertNothingInstalledOrLeft();
    }

    [Fact]
    public async Task A_revision_pins_the_snapshot_in_the_address()
    {
        var commit = "3f1c9a2e0b5d4c6f8a7e9d1b2c3a4f5e6d7c8b9a";
        using var server = new LocalHttpServer((c, _) => Serve(c, new ServedFile(_parquet, "\"v1\"")));

        await HubFetcher.DownloadAsync(Options(server, url: FetchOptions.AtRevision(server.Url, commit)));

        Assert.Equal($"/datasets/hub-stats/resolve/{commit}/models.parquet", server.Log.Single().PathAndQuery);
        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
    }

    [Theory]
    [InlineData("https://example.org/models.parquet", "no /resolve/ segment")]
    [InlineData("https://huggingface.co/datasets/x/y/resolve/main/models.parquet", "not a commit")]
    public void A_revision_that_cannot_be_placed_is_refused_with_the_reason(string url, string expected)
    {
        var revision = expected == "not a commit" ? "../etc" : "abc123";
        var e = Assert.Throws<ModelTreeException>(() => FetchOptions.AtRevision(new Uri(url), revision));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task A_part_that_is_already_complete_is_checked_and_moved_into_place()
    {
        // The first run gets every byte, then the body stalls and the run stops before the rename;
        // the next asks for the rest and the server answers 416 with the total and the same ETag.
        var file = new ServedFile(_parquet, "\"v1\"");
        using var server = new LocalHttpServer(async (c, n) =>
        {
            if (n == 1)
            {
                c.Response.AddHeader("ETag", "\"v1\"");
                c.Response.ContentLength64 = _parquet.Length + 1;
                await c.Response.OutputStream.WriteAsync(_parquet);
                await c.Response.OutputStream.FlushAsync();
                await Task.Delay(800);
                c.Response.Abort();
                return;
            }
            await Serve(c, file);
        });
        var options = new FetchOptions { Url = server.Url, OutPath = Out, StallTimeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(options));
        Assert.Equal(_parquet.Length, new FileInfo(HubFetcher.PartPath(Out)).Length);
        var result = await HubFetcher.DownloadAsync(options);

        Assert.Equal(_parquet.Length, result.ResumedFrom);
        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
        Assert.Equal(["", $"bytes={_parquet.Length}-"], server.Ranges);
    }

    [Fact]
    public async Task Server_error_gives_a_clear_message_and_no_file()
    {
        using var server = new LocalHttpServer((c, _) => Status(c, 500));
        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("HTTP 500", e.Message);
        Assert.Contains("try again later", e.Message);
        Assert.DoesNotContain(" at ", e.Message);
        AssertNothingInstalledOrLeft();
    }

    [Fact]
    public async Task A_missing_file_says_the_source_may_be_gone_and_what_to_do()
    {
        using var server = new LocalHttpServer((c, _) => Status(c, 404));
        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("HTTP 404", e.Message);
        Assert.Contains("taken down", e.Message);
        Assert.Contains(Out, e.Message);
        Assert.Contains("fetch family", e.Message);
        AssertNothingInstalledOrLeft();
    }

    [Fact]
    public async Task A_revision_the_dataset_does_not_have_is_named_as_such()
    {
        using var server = new LocalHttpServer((c, _) => Status(c, 404, ("X-Error-Code", "RevisionNotFound")));
        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("revision is not in the dataset's history", e.Message);
        AssertNothingInstalledOrLeft();
    }

    [Fact]
    public async Task Size_mismatch_keeps_the_part_and_says_to_rerun()
    {
        // The first attempt stops half way; the server then announces a total 10 bytes larger than it sends.
        var file = new ServedFile(_parquet, "\"v1\"");
        using var server = new LocalHttpServer((c, n) => n == 1 ? ServeThenDrop(c, file, 4000) : Serve(c, file, announcedTotal: _parquet.Length + 10));

        await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("size mismatch", e.Message);
        Assert.Contains($"{_parquet.Length + 10:N0}", e.Message);
        Assert.Contains("run fetch again", e.Message);
        Assert.False(File.Exists(Out));
        Assert.Equal(_parquet.Length, new FileInfo(HubFetcher.PartPath(Out)).Length);
    }

    [Fact]
    public async Task Existing_file_is_not_overwritten_without_force()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Out)!);
        await File.WriteAllTextAsync(Out, "an earlier download");
        using var server = new LocalHttpServer((c, _) => Serve(c, _parquet));

        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("--force", e.Message);
        Assert.Equal(0, server.Requests);
        Assert.Equal("an earlier download", await File.ReadAllTextAsync(Out));

        await HubFetcher.DownloadAsync(Options(server, force: true));
        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
    }

    [Fact]
    public async Task A_web_page_instead_of_parquet_is_rejected_and_deleted()
    {
        var page = "<html><body>Sign in to continue</body></html>"u8.ToArray();
        using var server = new LocalHttpServer((c, _) => Serve(c, page));
        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("not a parquet file", e.Message);
        AssertNothingInstalledOrLeft();
    }

    [Fact]
    public async Task No_server_listening_says_no_network_and_where_to_copy_the_file()
    {
        int port;
        using (var probe = new LocalHttpServer((c, _) => Status(c, 200)))
        {
            port = probe.Port;
        }
        var options = new FetchOptions { Url = new Uri($"http://127.0.0.1:{port}/models.parquet"), OutPath = Out, ConnectTimeout = TimeSpan.FromSeconds(5) };
        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(options));
        Assert.Contains("No network?", e.Message);
        Assert.Contains(Out, e.Message);
    }

    /// <summary>Reports synchronously (System.Progress posts to the thread pool, which would race the asserts).</summary>
    private sealed class SyncProgress(Action<FetchProgress> report) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value) => report(value);
    }
}

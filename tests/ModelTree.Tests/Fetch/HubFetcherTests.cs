using DuckDB.NET.Data;
using ModelTree.Fetch;

namespace ModelTree.Tests.Fetch;

/// <summary>The download against a local server on 127.0.0.1: complete, interrupted and resumed, refused, wrong.</summary>
public sealed class HubFetcherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modeltree-fetch-").FullName;
    private readonly byte[] _parquet;

    public HubFetcherTests()
    {
        // A small real parquet file (about 0.5 MB, hard to compress), made by DuckDB.
        var path = Path.Combine(_dir, "source.parquet");
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT i, md5(i::VARCHAR) || md5((i * 7)::VARCHAR) AS h FROM range(12000) t(i)) TO '{path}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        _parquet = File.ReadAllBytes(path);
        File.Delete(path);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "full", "models.parquet");

    private FetchOptions Options(LocalHttpServer server, bool force = false) =>
        new() { Url = server.Url, OutPath = Out, Force = force, ConnectTimeout = TimeSpan.FromSeconds(5), StallTimeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Full_download_writes_the_checked_file_and_leaves_no_part()
    {
        using var server = new LocalHttpServer((c, _) => LocalHttpServer.Serve(c, _parquet));
        var seen = new List<FetchProgress>();
        var result = await HubFetcher.DownloadAsync(Options(server), new SyncProgress(seen.Add));

        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
        Assert.Equal(_parquet.Length, result.Bytes);
        Assert.False(File.Exists(HubFetcher.PartPath(Out)));
        Assert.Equal(_parquet.Length, seen[^1].BytesDone);
        Assert.Equal(_parquet.Length, seen[^1].BytesTotal);
        Assert.Equal([""], server.Ranges);
    }

    [Fact]
    public async Task Interrupted_download_keeps_the_part_and_the_next_run_resumes_with_a_range_request()
    {
        var half = _parquet.Length / 2;
        using var server = new LocalHttpServer((c, n) => n == 1 ? LocalHttpServer.ServeThenDrop(c, _parquet, half) : LocalHttpServer.Serve(c, _parquet));

        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("interrupted", e.Message);
        Assert.Contains("resume", e.Message);
        Assert.False(File.Exists(Out));
        var kept = new FileInfo(HubFetcher.PartPath(Out)).Length;
        Assert.InRange(kept, 1, _parquet.Length - 1);

        var result = await HubFetcher.DownloadAsync(Options(server));
        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
        Assert.Equal(kept, result.ResumedFrom);
        Assert.Equal(["", $"bytes={kept}-"], server.Ranges);
        Assert.False(File.Exists(HubFetcher.PartPath(Out)));
    }

    [Fact]
    public async Task A_server_that_ignores_range_makes_the_download_start_over()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Out)!);
        await File.WriteAllBytesAsync(HubFetcher.PartPath(Out), _parquet.AsSpan(0, 1000).ToArray().Select(b => (byte)~b).ToArray());
        using var server = new LocalHttpServer((c, _) => LocalHttpServer.Serve(c, _parquet, honourRange: false));

        var result = await HubFetcher.DownloadAsync(Options(server));
        Assert.True(result.Restarted);
        Assert.Equal(0, result.ResumedFrom);
        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
        Assert.Equal(["bytes=1000-"], server.Ranges);
    }

    [Fact]
    public async Task A_part_that_is_already_complete_is_checked_and_moved_into_place()
    {
        // The previous run got every byte but stopped before the rename; the server answers 416 with the total.
        Directory.CreateDirectory(Path.GetDirectoryName(Out)!);
        await File.WriteAllBytesAsync(HubFetcher.PartPath(Out), _parquet);
        using var server = new LocalHttpServer((c, _) =>
        {
            c.Response.StatusCode = 416;
            c.Response.AddHeader("Content-Range", $"bytes */{_parquet.Length}");
            c.Response.Close();
            return Task.CompletedTask;
        });

        var result = await HubFetcher.DownloadAsync(Options(server));
        Assert.Equal(_parquet.Length, result.ResumedFrom);
        Assert.Equal(_parquet, await File.ReadAllBytesAsync(Out));
        Assert.Equal([$"bytes={_parquet.Length}-"], server.Ranges);
    }

    [Fact]
    public async Task Server_error_gives_a_clear_message_and_no_file()
    {
        using var server = new LocalHttpServer((c, _) => LocalHttpServer.Status(c, 500));
        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("HTTP 500", e.Message);
        Assert.Contains("try again later", e.Message);
        Assert.DoesNotContain(" at ", e.Message);
        Assert.False(File.Exists(Out));
        Assert.False(File.Exists(HubFetcher.PartPath(Out)));
    }

    [Fact]
    public async Task Missing_file_says_to_check_the_url()
    {
        using var server = new LocalHttpServer((c, _) => LocalHttpServer.Status(c, 404));
        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("HTTP 404", e.Message);
        Assert.Contains("--url", e.Message);
    }

    [Fact]
    public async Task Size_mismatch_keeps_the_part_and_says_to_rerun()
    {
        // An earlier run left the first 4,000 bytes; the server now announces a total 10 bytes larger than it sends.
        Directory.CreateDirectory(Path.GetDirectoryName(Out)!);
        await File.WriteAllBytesAsync(HubFetcher.PartPath(Out), _parquet.AsSpan(0, 4000).ToArray());
        using var server = new LocalHttpServer((c, _) => LocalHttpServer.Serve(c, _parquet, announcedTotal: _parquet.Length + 10));

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
        using var server = new LocalHttpServer((c, _) => LocalHttpServer.Serve(c, _parquet));

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
        using var server = new LocalHttpServer((c, _) => LocalHttpServer.Serve(c, page));
        var e = await Assert.ThrowsAsync<ModelTreeException>(() => HubFetcher.DownloadAsync(Options(server)));
        Assert.Contains("not a parquet file", e.Message);
        Assert.False(File.Exists(Out));
        Assert.False(File.Exists(HubFetcher.PartPath(Out)));
    }

    [Fact]
    public async Task No_server_listening_says_no_network_and_where_to_copy_the_file()
    {
        int port;
        using (var probe = new LocalHttpServer((c, _) => LocalHttpServer.Status(c, 200)))
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

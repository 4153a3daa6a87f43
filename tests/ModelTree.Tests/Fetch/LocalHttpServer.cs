using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ModelTree.Tests.Fetch;

/// <summary>
/// A small HTTP server on 127.0.0.1 (a free port) for the fetch tests. Each request goes to
/// <see cref="Handler"/> with its number (1 for the first); what each request asked for is recorded.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _requests;

    public LocalHttpServer(Func<HttpListenerContext, int, Task> handler)
    {
        Handler = handler;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public int Port { get; }

    public Uri Root => new($"http://127.0.0.1:{Port}/");

    public Uri Url => new($"http://127.0.0.1:{Port}/datasets/hub-stats/resolve/main/models.parquet");

    public Func<HttpListenerContext, int, Task> Handler { get; }

    /// <summary>The Range header of each request, in order ("" when absent).</summary>
    public ConcurrentQueue<string> Ranges { get; } = new();

    /// <summary>Every request, in order.</summary>
    public ConcurrentQueue<Seen> Log { get; } = new();

    public int Requests => _requests;

    /// <summary>What one request asked for.</summary>
    public sealed record Seen(string PathAndQuery, string Range, string IfRange, string? Authorization);

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var number = Interlocked.Increment(ref _requests);
            var headers = context.Request.Headers;
            Ranges.Enqueue(headers["Range"] ?? "");
            Log.Enqueue(new Seen(context.Request.Url!.PathAndQuery, headers["Range"] ?? "", headers["If-Range"] ?? "", headers["Authorization"]));
            try
            {
                await Handler(context, number);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away; nothing to do.
            }
        }
    }

    /// <summary>A file as a server describes it: its bytes and the validators it sends (null: header not sent).</summary>
    public sealed record ServedFile(byte[] Content, string? ETag = null, DateTimeOffset? LastModified = null);

    /// <summary>
    /// Serves <paramref name="file"/>, honouring "Range: bytes=N-" with 206 and Content-Range, and If-Range
    /// (a range only when the If-Range value matches the file's ETag or date, else the whole file with 200),
    /// unless told to ignore either.
    /// </summary>
    public static async Task Serve(HttpListenerContext context, ServedFile file, bool honourRange = true, bool honourIfRange = true,
        long? announcedTotal = null)
    {
        var response = context.Response;
        var range = context.Request.Headers["Range"];
        var ifRange = context.Request.Headers["If-Range"];
        var content = file.Content;
        long from = 0;
        var rangeApplies = honourRange && range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-')
            && (!honourIfRange || ifRange is null || ifRange == file.ETag || ifRange == file.LastModified?.ToString("r"));
        AddValidators(response, file);
        if (rangeApplies)
        {
            from = long.Parse(range!["bytes=".Length..^1]);
            if (from >= content.Length)
            {
                response.StatusCode = 416;
                response.AddHeader("Content-Range", $"bytes */{content.Length}");
                response.Close();
                return;
            }
            response.StatusCode = 206;
            response.AddHeader("Content-Range", $"bytes {from}-{content.Length - 1}/{announcedTotal ?? content.Length}");
        }
        response.ContentType = "application/octet-stream";
        response.ContentLength64 = content.Length - from;
        await response.OutputStream.WriteAsync(content.AsMemory((int)from));
        response.Close();
    }

    /// <summary>Serves plain bytes with no validator at all.</summary>
    public static Task Serve(HttpListenerContext context, byte[] content, bool honourRange = true, long? announcedTotal = null) =>
        Serve(context, new ServedFile(content), honourRange, honourIfRange: true, announcedTotal);

    /// <summary>Announces the whole file, sends the first <paramref name="bytes"/>, then drops the connection.</summary>
    public static async Task ServeThenDrop(HttpListenerContext context, ServedFile file, int bytes)
    {
        var response = context.Response;
        AddValidators(response, file);
        response.ContentType = "application/octet-stream";
        response.ContentLength64 = file.Content.Length;
        await response.OutputStream.WriteAsync(file.Content.AsMemory(0, bytes));
        await response.OutputStream.FlushAsync();
        await Task.Delay(100);
        response.Abort();
    }

    public static Task ServeThenDrop(HttpListenerContext context, byte[] content, int bytes) => ServeThenDrop(context, new ServedFile(content), bytes);

    /// <summary>Redirects to <paramref name="location"/>, with extra headers (the Hub's X-Linked-Etag, X-Repo-Commit).</summary>
    public static Task Redirect(HttpListenerContext context, string location, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = 302;
        context.Response.AddHeader("Location", location);
        foreach (var (name, value) in headers)
        {
            context.Response.AddHeader(name, value);
        }
        context.Response.Close();
        return Task.CompletedTask;
    }

    public static Task Status(HttpListenerContext context, int status, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.AddHeader(name, value);
        }
        context.Response.Close();
        return Task.CompletedTask;
    }

    private static void AddValidators(HttpListenerResponse response, ServedFile file)
    {
        if (file.ETag is not null)
        {
            response.AddHeader("ETag", file.ETag);
        }
        if (file.LastModified is { } date)
        {
            response.AddHeader("Last-Modified", date.ToString("r"));
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}

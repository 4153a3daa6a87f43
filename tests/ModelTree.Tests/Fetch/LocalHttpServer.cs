using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ModelTree.Tests.Fetch;

/// <summary>
/// A small HTTP server on 127.0.0.1 (a free port) for the fetch tests. Each request goes to
/// <see cref="Handler"/> with its number (1 for the first); the Range header of every request is recorded.
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

    public Uri Url => new($"http://127.0.0.1:{Port}/datasets/hub-stats/models.parquet");

    public Func<HttpListenerContext, int, Task> Handler { get; }

    /// <summary>The Range header of each request, in order ("" when absent).</summary>
    public ConcurrentQueue<string> Ranges { get; } = new();

    public int Requests => _requests;

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
            Ranges.Enqueue(context.Request.Headers["Range"] ?? "");
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

    /// <summary>Serves <paramref name="content"/>, honouring "Range: bytes=N-" with 206 and Content-Range.</summary>
    public static async Task Serve(HttpListenerContext context, byte[] content, bool honourRange = true, long? announcedTotal = null)
    {
        var response = context.Response;
        var range = context.Request.Headers["Range"];
        long from = 0;
        if (honourRange && range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            from = long.Parse(range["bytes=".Length..^1]);
            response.StatusCode = 206;
            response.AddHeader("Content-Range", $"bytes {from}-{content.Length - 1}/{announcedTotal ?? content.Length}");
        }
        response.ContentType = "application/octet-stream";
        response.ContentLength64 = content.Length - from;
        await response.OutputStream.WriteAsync(content.AsMemory((int)from));
        response.Close();
    }

    /// <summary>Announces the whole file, sends the first <paramref name="bytes"/>, then drops the connection.</summary>
    public static async Task ServeThenDrop(HttpListenerContext context, byte[] content, int bytes)
    {
        var response = context.Response;
        response.ContentType = "application/octet-stream";
        response.ContentLength64 = content.Length;
        await response.OutputStream.WriteAsync(content.AsMemory(0, bytes));
        await response.OutputStream.FlushAsync();
        await Task.Delay(100);
        response.Abort();
    }

    public static Task Status(HttpListenerContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.Close();
        return Task.CompletedTask;
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

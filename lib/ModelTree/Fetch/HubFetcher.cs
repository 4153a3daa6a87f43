using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace ModelTree.Fetch;

/// <summary>
/// Downloads the hub-stats parquet file safely: into <c>&lt;out&gt;.part</c>, resuming an interrupted
/// download with an HTTP range request, checking the size against what the server announced and the
/// parquet magic bytes at both ends, and only then renaming the file into place, so a half-written
/// file is never taken for the real one. Every failure is a <see cref="ModelTreeException"/> saying
/// what happened and what to do.
/// </summary>
public static class HubFetcher
{
    private static readonly byte[] ParquetMagic = "PAR1"u8.ToArray();

    /// <summary>The partial file that a download writes to and resumes from.</summary>
    public static string PartPath(string outPath) => Path.GetFullPath(outPath) + ".part";

    public static async Task<FetchResult> DownloadAsync(FetchOptions options, IProgress<FetchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var outPath = Path.GetFullPath(options.OutPath);
        var part = PartPath(outPath);
        if (File.Exists(outPath) && !options.Force)
        {
            throw new ModelTreeException(
                $"fetch: '{outPath}' already exists ({new FileInfo(outPath).Length:N0} bytes); pass --force to download it again.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);

        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("ModelTreeWorkbook/1.0");

        var resumedFrom = File.Exists(part) ? new FileInfo(part).Length : 0;
        var restarted = false;
        long? total;
        for (var attempt = 0; ; attempt++)
        {
            var have = File.Exists(part) ? new FileInfo(part).Length : 0;
            using var request = new HttpRequestMessage(HttpMethod.Get, options.Url);
            if (have > 0)
            {
                request.Headers.Range = new RangeHeaderValue(have, null);
            }
            using var response = await Send(client, request, options, outPath, cancellationToken);

            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
            {
                // Nothing after our bytes: the part may already be complete, or longer than the file.
                var size = response.Content.Headers.ContentRange?.Length;
                if (size == have)
                {
                    total = size;
                    break;
                }
                if (attempt > 0)
                {
                    throw Http(response, options, part);
                }
                File.Delete(part);
                restarted = true;
                resumedFrom = 0;
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw Http(response, options, part);
            }

            long offset;
            if (response.StatusCode == HttpStatusCode.PartialContent)
            {
                var range = response.Content.Headers.ContentRange;
                if (range?.From != have)
                {
                    if (attempt > 0)
                    {
                        throw new ModelTreeException(
                            $"fetch: the server at {options.Url.Host} sent a range starting at {range?.From} when asked for {have}; " +
                            $"delete '{part}' and run fetch again.");
                    }
                    File.Delete(part);
                    restarted = true;
                    resumedFrom = 0;
                    continue;
                }
                offset = have;
                total = range.Length;
            }
            else
            {
                // 200: a fresh download, or a server that ignores Range: start over.
                restarted |= have > 0;
                resumedFrom = 0;
                offset = 0;
                total = response.Content.Headers.ContentLength;
            }
            await CopyBody(response, part, offset, total, resumedFrom, options, progress, outPath, cancellationToken);
            break;
        }

        var written = new FileInfo(part).Length;
        if (total is not null && written != total)
        {
            throw new ModelTreeException(
                $"fetch: size mismatch: the server announced {total:N0} bytes, {written:N0} were written. " +
                $"The partial file is kept at '{part}'; run fetch again to resume (or delete it to start over).");
        }
        CheckParquet(part, options);
        File.Move(part, outPath, overwrite: options.Force);
        return new FetchResult(outPath, written, resumedFrom, restarted);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpRequestMessage request, FetchOptions options, string outPath,
        CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw NoNetwork(options, outPath, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw NoNetwork(options, outPath, e);
        }
    }

    private static ModelTreeException NoNetwork(FetchOptions options, string outPath, Exception e)
    {
        var reason = e.InnerException is SocketException s ? s.Message : e.Message;
        return new ModelTreeException(
            $"fetch: could not reach {options.Url.Host} ({reason}). No network? Fetch the file on a machine with internet " +
            $"({options.Url}) and copy it to '{outPath}'.", e);
    }

    private static ModelTreeException Http(HttpResponseMessage response, FetchOptions options, string part)
    {
        var code = (int)response.StatusCode;
        var advice = code switch
        {
            404 => "the file is not there: check --url (the dataset may have moved or been renamed).",
            401 or 403 => "the server refused access: check --url, or download the file in a browser and copy it into place.",
            429 => "too many requests: wait a few minutes and run fetch again.",
            >= 500 => "a problem on the server's side: try again later.",
            _ => "check --url.",
        };
        var kept = File.Exists(part) ? $" The partial file is kept at '{part}'; a later run resumes it." : "";
        return new ModelTreeException($"fetch: {options.Url} answered HTTP {code} {response.ReasonPhrase}; {advice}{kept}");
    }

    private static async Task CopyBody(HttpResponseMessage response, string part, long offset, long? total, long resumedFrom,
        FetchOptions options, IProgress<FetchProgress>? progress, string outPath, CancellationToken cancellationToken)
    {
        var done = offset;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var file = new FileStream(part, offset > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var buffer = new byte[1 << 20];
            progress?.Report(new FetchProgress(done, total, resumedFrom));
            while (true)
            {
                using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                stall.CancelAfter(options.StallTimeout);
                var read = await body.ReadAsync(buffer, stall.Token);
                if (read == 0)
                {
                    break;
                }
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                done += read;
                progress?.Report(new FetchProgress(done, total, resumedFrom));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new ModelTreeException($"fetch: stopped after {done:N0} bytes; the partial file is kept at '{part}', run fetch again to resume.");
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            var of = total is null ? "" : $" of {total:N0}";
            throw new ModelTreeException(
                $"fetch: the download was interrupted after {done:N0}{of} bytes ({e.Message}). " +
                $"The partial file is kept at '{part}'; run fetch again to resume. If it keeps failing, fetch the file on another " +
                $"machine ({options.Url}) and copy it to '{outPath}'.", e);
        }
    }

    private static void CheckParquet(string part, FetchOptions options)
    {
        var head = new byte[4];
        var tail = new byte[4];
        long length;
        using (var file = new FileStream(part, FileMode.Open, FileAccess.Read))
        {
            length = file.Length;
            if (length >= 12)
            {
                file.ReadExactly(head);
                file.Seek(-4, SeekOrigin.End);
                file.ReadExactly(tail);
            }
        }
        if (length < 12 || !head.AsSpan().SequenceEqual(ParquetMagic) || !tail.AsSpan().SequenceEqual(ParquetMagic))
        {
            File.Delete(part);
            throw new ModelTreeException(
                $"fetch: what {options.Url} sent ({length:N0} bytes) is not a parquet file (no PAR1 marker at both ends); " +
                "it was deleted. Check --url: it must point at the raw file (…/resolve/main/models.parquet), not a web page.");
        }
    }
}

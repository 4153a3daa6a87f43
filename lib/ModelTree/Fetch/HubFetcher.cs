using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ModelTree.Fetch;

/// <summary>
/// Downloads the hub-stats parquet file safely: into <c>&lt;out&gt;.part</c>, resuming an interrupted
/// download only when the server still describes the same file (<c>If-Range</c> with the saved entity
/// tag or date, and a comparison of the validators in the answer), checking the size against what the
/// server announced, the sha256 when the server gives one (the Hub's <c>X-Linked-Etag</c>) and the
/// parquet magic bytes at both ends, and only then renaming the file into place, so a half-written or
/// spliced file is never taken for the real one. Every failure is a <see cref="ModelTreeException"/>
/// saying what happened and what to do.
/// </summary>
public static class HubFetcher
{
    private const int MaxRedirects = 10;
    private static readonly byte[] ParquetMagic = "PAR1"u8.ToArray();

    /// <summary>The partial file that a download writes to and resumes from.</summary>
    public static string PartPath(string outPath) => Path.GetFullPath(outPath) + ".part";

    public static async Task<FetchResult> DownloadAsync(FetchOptions options, IProgress<FetchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var outPath = CheckOutPath(options);
        var partial = new PartialDownload(outPath);

        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            // Redirects are followed by hand: the Hub's first answer carries the file's hash and commit.
            AllowAutoRedirect = false,
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("ModelTreeWorkbook/1.0");

        var (saved, restartReason) = Resumable(partial, options.Url);
        var restarted = restartReason is not null;
        var resumedFrom = saved is null ? 0 : partial.Length;
        long? total = null;
        var identity = new RemoteIdentity();
        for (var attempt = 0; ; attempt++)
        {
            if (attempt == 3)
            {
                throw new ModelTreeException(
                    $"fetch: {options.Url} kept answering in a way that cannot be resumed safely ({restartReason}); run fetch again later.");
            }
            var have = saved is null ? 0 : partial.Length;
            HttpResponseMessage response;
            (response, identity) = await Send(client, options, outPath, have, saved, cancellationToken);
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
                {
                    // Nothing after our bytes: the part may already be complete, or belong to another file.
                    if (response.Content.Headers.ContentRange?.Length == have && saved!.SameFileAs(identity) == true)
                    {
                        total = have;
                        break;
                    }
                    (saved, restartReason, resumedFrom, restarted) = (null, "the partial file does not match the file on the server", 0, true);
                    partial.Clear();
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    throw Http(response, options, outPath, partial);
                }

                long offset;
                if (response.StatusCode == HttpStatusCode.PartialContent)
                {
                    var range = response.Content.Headers.ContentRange;
                    var same = saved?.SameFileAs(identity);
                    if (have == 0 || range?.From != have || same != true)
                    {
                        restartReason = same == false
                            ? $"the file changed on the server since the partial download ({saved!.Describe()} then, {identity.Describe()} now)"
                            : have == 0 || range?.From != have
                                ? $"the server sent a range starting at {range?.From} when asked for {have}"
                                : "the server's answer carried no validator to check the partial file against";
                        (saved, resumedFrom, restarted) = (null, 0, true);
                        partial.Clear();
                        continue;
                    }
                    offset = have;
                    total = range.Length;
                }
                else
                {
                    // 200: a fresh download, or the server sends the whole file (If-Range failed: it changed).
                    if (have > 0)
                    {
                        restarted = true;
                        restartReason = "the server sent the whole file instead of the rest (the file changed, or the server does not resume)";
                    }
                    resumedFrom = 0;
                    offset = 0;
                    total = response.Content.Headers.ContentLength;
                    WriteOrExplain(() => partial.Save(options.Url, identity), partial.Meta);
                }
                await CopyBody(response, partial.Part, offset, total, resumedFrom, options, progress, outPath, cancellationToken);
                break;
            }
        }

        var written = partial.Length;
        if (total is not null && written != total)
        {
            throw new ModelTreeException(
                $"fetch: size mismatch: the server announced {total:N0} bytes, {written:N0} were written. " +
                $"The partial file is kept at '{partial.Part}'; run fetch again to resume (or delete it to start over).");
        }
        await CheckHash(partial, identity, options, cancellationToken);
        CheckParquet(partial, options);
        File.Move(partial.Part, outPath, overwrite: options.Force);
        partial.Clear();
        return new FetchResult(outPath, written, resumedFrom, restarted, restartReason, identity.Sha256, identity.Commit);
    }

    /// <summary>The checked output path: not empty, not a folder, not an existing file unless forced, in a folder we can write.</summary>
    private static string CheckOutPath(FetchOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.OutPath))
        {
            throw new ModelTreeException("fetch: --out is empty; give the file to write, e.g. --out data/full/models.parquet.");
        }
        var outPath = Path.GetFullPath(options.OutPath);
        if (Directory.Exists(outPath))
        {
            throw new ModelTreeException($"fetch: --out '{outPath}' is a folder; give a file path, e.g. --out {Path.Combine(outPath, "models.parquet")}.");
        }
        if (File.Exists(outPath) && !options.Force)
        {
            throw new ModelTreeException(
                $"fetch: '{outPath}' already exists ({new FileInfo(outPath).Length:N0} bytes); pass --force to download it again.");
        }
        var folder = Path.GetDirectoryName(outPath)!;
        WriteOrExplain(() =>
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".fetch-probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }, folder);
        return outPath;
    }

    /// <summary>Runs a file operation; a permission or I/O failure becomes one clear message naming the place.</summary>
    internal static void WriteOrExplain(Action write, string where)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new ModelTreeException(
                $"fetch: cannot write to '{where}' ({e.Message.TrimEnd('.')}); choose another --out, or make the folder writable.", e);
        }
    }

    /// <summary>Whether an existing partial file can be resumed: its description says which file it is and how to check it.</summary>
    private static (RemoteIdentity? Saved, string? RestartReason) Resumable(PartialDownload partial, Uri url)
    {
        if (partial.Length == 0)
        {
            WriteOrExplain(partial.Clear, partial.Part);
            return (null, null);
        }
        var saved = partial.Load();
        var reason = saved is null
            ? "the earlier partial download has no record of which file it was, so its bytes cannot be checked"
            : saved.Url != url.ToString()
                ? $"the earlier partial download was of another address ({saved.Url})"
                : !saved.Identity.HasValidator
                    ? "the server gave no validator (ETag or Last-Modified) for the earlier partial download, so its bytes cannot be checked against the file now"
                    : null;
        if (reason is null)
        {
            return (saved!.Identity, null);
        }
        WriteOrExplain(partial.Clear, partial.Part);
        return (null, reason);
    }

    private static async Task<(HttpResponseMessage Response, RemoteIdentity Identity)> Send(HttpClient client, FetchOptions options,
        string outPath, long have, RemoteIdentity? saved, CancellationToken cancellationToken)
    {
        var url = options.Url;
        var identity = new RemoteIdentity();
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (have > 0)
            {
                request.Headers.Range = new RangeHeaderValue(have, null);
                saved?.ApplyIfRange(request);
            }
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw NoNetwork(options, outPath, e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw NoNetwork(options, outPath, e);
            }
            identity = identity.With(response);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location && hop < MaxRedirects)
            {
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                response.Dispose();
                continue;
            }
            return (response, identity);
        }
    }

    private static ModelTreeException NoNetwork(FetchOptions options, string outPath, Exception e)
    {
        var reason = e.InnerException is SocketException s ? s.Message : e.Message;
        return new ModelTreeException(
            $"fetch: could not reach {options.Url.Host} ({reason}). No network? Fetch the file on a machine with internet " +
            $"({options.Url}) and copy it to '{outPath}'.", e);
    }

    private static ModelTreeException Http(HttpResponseMessage response, FetchOptions options, string outPath, PartialDownload partial)
    {
        var code = (int)response.StatusCode;
        var errorCode = response.Headers.TryGetValues("X-Error-Code", out var values) ? values.FirstOrDefault() : null;
        var advice = code switch
        {
            404 when errorCode == "RevisionNotFound" =>
                "that revision is not in the dataset's history: check the commit given to --revision (or leave it out for the newest file).",
            404 =>
                "the file is not there. The source may have been taken down or moved (one report says the hub-stats dataset was " +
                $"taken down in August 2026). If you have a copy of models.parquet, put it at '{outPath}'; pass --url for a mirror; " +
                "or collect the models you need straight from the Hub API with `fetch family <model-id>`.",
            401 or 403 => "the server refused access: check --url, or download the file in a browser and copy it into place.",
            429 => "too many requests: wait a few minutes and run fetch again.",
            >= 500 => "a problem on the server's side: try again later.",
            _ => "check --url.",
        };
        var kept = File.Exists(partial.Part) ? $" The partial file is kept at '{partial.Part}'; a later run resumes it if the file has not changed." : "";
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
        catch (UnauthorizedAccessException e)
        {
            throw new ModelTreeException($"fetch: cannot write to '{part}' ({e.Message.TrimEnd('.')}); choose another --out.", e);
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

    private static async Task CheckHash(PartialDownload partial, RemoteIdentity identity, FetchOptions options, CancellationToken cancellationToken)
    {
        if (identity.Sha256 is not { } expected)
        {
            return;
        }
        string actual;
        await using (var file = new FileStream(partial.Part, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true))
        {
            actual = Convert.ToHexString(await SHA256.HashDataAsync(file, cancellationToken)).ToLowerInvariant();
        }
        if (actual != expected)
        {
            partial.Clear();
            throw new ModelTreeException(
                $"fetch: the file from {options.Url} does not have the sha256 the server gives for it ({expected[..12]}… expected, " +
                $"{actual[..12]}… received); it was deleted and nothing was installed. Run fetch again; if it repeats, the copy on the server is damaged.");
        }
    }

    private static void CheckParquet(PartialDownload partial, FetchOptions options)
    {
        var head = new byte[4];
        var tail = new byte[4];
        long length;
        using (var file = new FileStream(partial.Part, FileMode.Open, FileAccess.Read))
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
            partial.Clear();
            throw new ModelTreeException(
                $"fetch: what {options.Url} sent ({length:N0} bytes) is not a parquet file (no PAR1 marker at both ends); " +
                "it was deleted. Check --url: it must point at the raw file (…/resolve/main/models.parquet), not a web page.");
        }
    }
}

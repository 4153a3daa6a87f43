namespace ModelTree.Fetch;

/// <summary>What <see cref="HubFetcher.DownloadAsync"/> did.</summary>
/// <param name="Path">The complete, checked file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="ResumedFrom">Bytes reused from an earlier interrupted run (0 if none).</param>
/// <param name="Restarted">True if a partial file was there but could not be resumed safely, so the download started over.</param>
/// <param name="RestartReason">Why it started over (the file changed on the server, no validator to check it, the server ignored the range), or null.</param>
/// <param name="Sha256">The content's sha256 when the server gave one and the file matched it; null when the server gave none.</param>
/// <param name="Commit">The dataset commit the file comes from, when the server says (pass it to <c>--revision</c> to get the same file again).</param>
public sealed record FetchResult(string Path, long Bytes, long ResumedFrom, bool Restarted, string? RestartReason = null,
    string? Sha256 = null, string? Commit = null);

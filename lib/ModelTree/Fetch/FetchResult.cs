namespace ModelTree.Fetch;

/// <summary>What <see cref="HubFetcher.DownloadAsync"/> did.</summary>
/// <param name="Path">The complete, checked file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="ResumedFrom">Bytes reused from an earlier interrupted run (0 if none).</param>
/// <param name="Restarted">True if a partial file was there but the server ignored the range request, so the download started over.</param>
public sealed record FetchResult(string Path, long Bytes, long ResumedFrom, bool Restarted);

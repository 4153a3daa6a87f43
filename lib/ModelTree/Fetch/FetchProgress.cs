namespace ModelTree.Fetch;

/// <summary>How far a download is.</summary>
/// <param name="BytesDone">Bytes in the partial file so far (including any resumed from an earlier run).</param>
/// <param name="BytesTotal">Size of the whole file, when the server says it.</param>
/// <param name="ResumedFrom">Bytes that were already there when this run started (0 for a fresh download).</param>
public readonly record struct FetchProgress(long BytesDone, long? BytesTotal, long ResumedFrom);

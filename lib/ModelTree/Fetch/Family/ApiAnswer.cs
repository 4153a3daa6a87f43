namespace ModelTree.Fetch.Family;

/// <summary>One complete answer from the Hub API: status, the body read to its end, and the headers the walk uses.</summary>
internal sealed record ApiAnswer(int Status, string Body, Uri? Next, TimeSpan? RetryAfter, string? ErrorCode, string? ErrorMessage)
{
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>Worth asking again: too many requests, or a server-side failure.</summary>
    public bool Transient => Status is 429 or >= 500;
}

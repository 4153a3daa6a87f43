using ModelTree.Fetch.Family;

namespace ModelTree;

/// <summary>What <see cref="FamilyCrawler"/> walks, where it writes, and how politely it asks.</summary>
public sealed class FamilyCrawlOptions
{
    /// <summary>The Hub itself.</summary>
    public const string DefaultEndpoint = "https://huggingface.co";

    /// <summary>
    /// The default pace, in requests a second: 1.5 a second is 450 in five minutes, under the 500 the Hub
    /// allows an anonymous caller in its five-minute window (a logged-in free account gets 1,000).
    /// </summary>
    public const double DefaultRequestsPerSecond = 1.5;

    /// <summary>
    /// About how long a walk over a family of <paramref name="models"/> models takes at a pace of
    /// <paramref name="requestsPerSecond"/>: each model costs one info request and one listing per relation
    /// (more when a listing has several pages, and retries come on top).
    /// </summary>
    public static TimeSpan Estimate(int models, int relations = 4, double requestsPerSecond = DefaultRequestsPerSecond) =>
        TimeSpan.FromSeconds(models * (1.0 + relations) / requestsPerSecond);

    /// <summary>The model whose family is collected (owner/name).</summary>
    public required string RootId { get; init; }

    /// <summary>JSON Lines file the records are appended to (created if missing, resumed if not).</summary>
    public required string OutPath { get; init; }

    /// <summary>How many generations below the root to list (null: no limit; 0: the root alone).</summary>
    public int? Depth { get; init; }

    /// <summary>Which derivative listings to follow (the Hub's tag filters <c>base_model:&lt;relation&gt;:&lt;id&gt;</c>).</summary>
    public IReadOnlyList<string> Relations { get; init; } = ModelTree.Records.Relations.Known;

    /// <summary>At most this many records in the output file; the walk stops there and says how many were still queued.</summary>
    public int MaxModels { get; init; } = 1000;

    /// <summary>The API's address (the Hub, or a mirror or test server).</summary>
    public Uri Endpoint { get; init; } = new(DefaultEndpoint);

    /// <summary>A Hub access token, sent as a bearer token to <see cref="Endpoint"/> only; never written anywhere.</summary>
    public string? Token { get; init; }

    /// <summary>The most requests a second, over the whole walk (retries included).</summary>
    public double RequestsPerSecond { get; init; } = DefaultRequestsPerSecond;

    /// <summary>Tries for one request that fails with 429, 5xx, a timeout or a broken connection, before giving up on it.</summary>
    public int MaxTries { get; init; } = 6;

    /// <summary>The first backoff after a 5xx or a broken connection; it doubles each try, with random jitter of ±50%.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait the walk accepts from a <c>Retry-After</c>; a longer one stops it (resume later).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one request may take before it counts as timed out (and is retried).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Multiplies every wait the walk makes (the pace, backoffs, <c>Retry-After</c>). 1 on a real network;
    /// tests set it near 0 so that a two-second <c>Retry-After</c> costs milliseconds.
    /// </summary>
    public double TimeScale { get; init; } = 1.0;
}

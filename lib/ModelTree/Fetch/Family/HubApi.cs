using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ModelTree.Fetch.Family;

/// <summary>
/// GET requests to the Hub API at a steady pace: at most <see cref="FamilyCrawlOptions.RequestsPerSecond"/>,
/// waiting as long as a 429's <c>Retry-After</c> (or the <c>RateLimit</c> header's reset) says, retrying
/// 5xx answers, timeouts and broken connections with doubling, jittered backoff. Redirects are followed
/// by hand so the token goes to the endpoint's own origin and nowhere else.
/// </summary>
internal sealed partial class HubApi : IDisposable
{
    private const int MaxRedirects = 5;
    private readonly FamilyCrawlOptions _options;
    private readonly HttpClient _client;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Random _jitter = new();
    private readonly Action<string> _note;
    private TimeSpan _nextSlot = TimeSpan.Zero;

    public HubApi(FamilyCrawlOptions options, Action<string> note)
    {
        _options = options;
        _note = note;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.RequestTimeout,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("ModelTreeWorkbook/1.0 (fetch family)");
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>Requests made so far, retries and redirects included.</summary>
    public int Requests { get; private set; }

    /// <summary>
    /// The answer to a GET, after retries: a success, a client error (4xx other than 429) as it came, or
    /// the last 429/5xx when every try failed.
    /// </summary>
    /// <exception cref="ModelTreeException">The endpoint could not be reached at all, or asks for a longer wait than allowed.</exception>
    public async Task<ApiAnswer> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            ApiAnswer? answer = null;
            Exception? failure = null;
            try
            {
                answer = await SendOnce(url, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException)
            {
                failure = e;
            }
            if (answer is { Transient: false })
            {
                return answer;
            }
            if (attempt >= _options.MaxTries)
            {
                return answer ?? throw Unreachable(url, failure!);
            }
            var wait = answer?.Status == 429 ? answer.RetryAfter ?? Backoff(attempt) : Backoff(attempt);
            if (wait > _options.MaxRetryAfter)
            {
                throw new ModelTreeException(
                    $"fetch family: {_options.Endpoint.Host} asks to wait {wait.TotalMinutes:N0} minutes before the next request (HTTP 429). " +
                    "Run the same command again later: the models already written are kept and not asked for again.");
            }
            var why = answer is null ? Describe(failure!) : answer.Status == 429 ? "HTTP 429, too many requests" : $"HTTP {answer.Status}";
            var source = answer?.Status == 429 && answer.RetryAfter is not null ? " as the server asks" : "";
            _note($"{why} for {url.AbsolutePath}: waiting {wait.TotalSeconds:0.#} s{source}, then try {attempt + 1} of {_options.MaxTries}");
            await Delay(wait, cancellationToken);
        }
    }

    private async Task<ApiAnswer> SendOnce(Uri url, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            await Pace(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (_options.Token is { Length: > 0 } token && SameOrigin(url, _options.Endpoint))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            Requests++;
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location && hop < MaxRedirects)
            {
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                continue;
            }
            // Read the whole body inside the timeout: a connection cut half way through is an IOException here.
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return new ApiAnswer(status, body, NextLink(response, url), RetryAfter(response), Header(response, "X-Error-Code"),
                Header(response, "X-Error-Message"));
        }
    }

    private async Task Pace(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(_options.TimeScale / _options.RequestsPerSecond);
        var now = _clock.Elapsed;
        var start = _nextSlot > now ? _nextSlot : now;
        _nextSlot = start + interval;
        if (start > now)
        {
            await Task.Delay(start - now, cancellationToken);
        }
    }

    private Task Delay(TimeSpan wait, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromTicks((long)(wait.Ticks * _options.TimeScale)), cancellationToken);

    /// <summary>Doubling from <see cref="FamilyCrawlOptions.RetryDelay"/>, at most a minute, times a random factor in [0.5, 1.5).</summary>
    private TimeSpan Backoff(int attempt)
    {
        var doubled = Math.Min(_options.RetryDelay.TotalSeconds * Math.Pow(2, attempt - 1), 60);
        return TimeSpan.FromSeconds(doubled * (0.5 + _jitter.NextDouble()));
    }

    private ModelTreeException Unreachable(Uri url, Exception failure) =>
        new($"fetch family: could not get {url.GetLeftPart(UriPartial.Path)} after {_options.MaxTries} tries ({Describe(failure)}). " +
            "No network, or the endpoint is down? Run the same command again later: what is written is kept.", failure);

    private static string Describe(Exception e) => e switch
    {
        OperationCanceledException => "timed out",
        HttpRequestException { InnerException: SocketException s } => s.Message,
        _ => e.Message,
    };

    /// <summary>True when both addresses have the same scheme, host and port.</summary>
    internal static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>The target of <c>Link: &lt;…&gt;; rel="next"</c>, resolved against the request.</summary>
    internal static Uri? NextLink(HttpResponseMessage response, Uri requested)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }
        foreach (Match match in LinkPart().Matches(string.Join(",", values)))
        {
            if (match.Groups["rel"].Value.Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase))
            {
                var target = match.Groups["url"].Value;
                return Uri.TryCreate(requested, target, out var next) ? next : null;
            }
        }
        return null;
    }

    /// <summary><c>Retry-After</c> (seconds or a date), else the reset time of the Hub's <c>RateLimit</c> header (<c>"api";r=0;t=55</c>).</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retry)
        {
            return retry.Delta ?? (retry.Date is { } date ? Max(date - DateTimeOffset.UtcNow, TimeSpan.Zero) : null);
        }
        if (Header(response, "RateLimit") is { } limit && RateLimitReset().Match(limit) is { Success: true } m)
        {
            return TimeSpan.FromSeconds(int.Parse(m.Groups[1].Value));
        }
        return null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [GeneratedRegex("<(?<url>[^>]*)>\\s*;[^,]*?rel\\s*=\\s*\"?(?<rel>[^\";,]+)\"?")]
    private static partial Regex LinkPart();

    [GeneratedRegex(@"\bt\s*=\s*(\d+)")]
    private static partial Regex RateLimitReset();

    public void Dispose() => _client.Dispose();
}

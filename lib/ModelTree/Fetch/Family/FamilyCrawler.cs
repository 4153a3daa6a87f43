using System.Text.RegularExpressions;

namespace ModelTree.Fetch.Family;

/// <summary>
/// Collects one model family from the Hub API, the way the real records in the workbook were collected:
/// from a root, breadth first, list each model's derivatives per relation (the tag filter
/// <c>base_model:&lt;relation&gt;:&lt;id&gt;</c>, following <c>Link: …; rel="next"</c> pages), read each
/// model's info once, and append it to a JSON Lines file in the hub-stats shape, which <c>--data</c>
/// opens as real records. Cycles and models with several bases are visited once; a rerun resumes.
/// </summary>
public static partial class FamilyCrawler
{
    /// <summary>Walks the family and returns what was done; progress goes to <paramref name="progress"/>, never to the console.</summary>
    /// <exception cref="ModelTreeException">Bad options, an unusable output, the root unreadable, the token refused, or the API out of reach.</exception>
    public static async Task<CrawlResult> CrawlAsync(FamilyCrawlOptions options, IProgress<CrawlProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Validate(options);
        var outPath = Path.GetFullPath(options.OutPath);
        var files = CrawlFiles.Open(outPath, options.RootId);
        try
        {
            var walk = new FamilyWalk(options, files, progress);
            using var api = new HubApi(options, walk.Note);
            walk.Api = api;
            return await walk.Run(cancellationToken);
        }
        finally
        {
            // A walk that wrote nothing (the root unreadable, the token refused) leaves no empty file behind.
            files.DisposeAndRemoveIfEmpty();
        }
    }

    /// <summary>The journal a walk keeps beside its output (<c>&lt;out&gt;.crawl</c>).</summary>
    public static string JournalPath(string outPath) => CrawlFiles.JournalFor(Path.GetFullPath(outPath));

    private static void Validate(FamilyCrawlOptions o)
    {
        if (!ModelId().IsMatch(o.RootId))
        {
            throw new ModelTreeException($"fetch family: '{o.RootId}' is not a model id; give owner/name, e.g. microsoft/phi-2.");
        }
        if (string.IsNullOrWhiteSpace(o.OutPath))
        {
            throw new ModelTreeException("fetch family: --out is empty; give the JSON Lines file to write, e.g. --out data/families/phi-2.jsonl.");
        }
        if (Directory.Exists(o.OutPath))
        {
            throw new ModelTreeException($"fetch family: --out '{o.OutPath}' is a folder; give a file, e.g. {Path.Combine(o.OutPath, "family.jsonl")}.");
        }
        var unknown = o.Relations.Where(r => !Records.Relations.Known.Contains(r)).ToList();
        if (o.Relations.Count == 0 || unknown.Count > 0)
        {
            throw new ModelTreeException(
                $"fetch family: --relations '{string.Join(",", unknown)}' is not a relation; use any of {string.Join(",", Records.Relations.Known)}.");
        }
        if (o.Depth is < 0 || o.MaxModels < 1 || !(o.RequestsPerSecond > 0) || o.MaxTries < 1)
        {
            throw new ModelTreeException("fetch family: --depth must be 0 or more, --max-models and --rate more than 0.");
        }
        if (o.Endpoint.Scheme is not ("http" or "https"))
        {
            throw new ModelTreeException($"fetch family: --endpoint '{o.Endpoint}' is not an http(s) address.");
        }
        if (o.Token is { Length: > 0 } && o.Endpoint.Scheme == "http" && !o.Endpoint.IsLoopback)
        {
            throw new ModelTreeException(
                $"fetch family: refusing to send the token over plain http to {o.Endpoint.Host}; use an https endpoint, or no token.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][\w.-]*/[\w.-]+$")]
    private static partial Regex ModelId();
}

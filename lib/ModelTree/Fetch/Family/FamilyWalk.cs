using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelTree.Fetch.Family;

/// <summary>The state of one walk: the queue, what was seen, what was skipped.</summary>
internal sealed class FamilyWalk(FamilyCrawlOptions options, CrawlFiles files, IProgress<CrawlProgress>? progress)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<(string Id, int Depth)> _queue = new();
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SkippedModel> _skipped = [];
    private readonly int _alreadyThere = files.Count;
    private bool _expand = true;
    private int _derived;

    public HubApi Api { get; set; } = null!;

    public void Note(string note) => Report(note);

    public async Task<CrawlResult> Run(CancellationToken cancellationToken)
    {
        Enqueue(options.RootId, 0);
        var stillQueued = 0;
        while (_queue.Count > 0)
        {
            var (id, depth) = _queue.Peek();
            if (files.Gone(id) is { } gone)
            {
                _skipped.Add(gone with { Reason = gone.Reason + " (found by an earlier run)" });
            }
            else if (!files.Has(id))
            {
                if (files.Count >= options.MaxModels)
                {
                    stillQueued = _queue.Count;
                    break;
                }
                await Read(id, depth == 0, cancellationToken);
            }
            _queue.Dequeue();
            if (depth < (options.Depth ?? int.MaxValue))
            {
                foreach (var relation in options.Relations)
                {
                    var children = files.Listed(id, relation) ?? await List(id, relation, cancellationToken);
                    foreach (var child in children)
                    {
                        Enqueue(child, depth + 1);
                    }
                }
            }
        }
        Report(null);
        return new CrawlResult(files.OutPath, files.Count, files.Count - _alreadyThere, _alreadyThere, _skipped, stillQueued,
            Api.Requests, _derived, files.RepairedLine, _clock.Elapsed);
    }

    private void Enqueue(string id, int depth)
    {
        if (_seen.Add(id))
        {
            _queue.Enqueue((id, depth));
        }
    }

    /// <summary>Reads one model's info and appends its record, or records why it could not.</summary>
    private async Task Read(string id, bool isRoot, CancellationToken cancellationToken)
    {
        var answer = await Api.GetAsync(InfoUrl(id), cancellationToken);
        if (answer.Status == 400 && _expand)
        {
            // An endpoint that does not take expand (an older mirror): plain model info, baseModels from the tags.
            _expand = false;
            Report($"{options.Endpoint.Host} refused the expand parameter (HTTP 400); reading plain model info, baseModels derived from the tags");
            answer = await Api.GetAsync(InfoUrl(id), cancellationToken);
        }
        if (answer.Ok && Parse(answer.Body) is { } api && Convert(api) is { } converted)
        {
            var (record, derived) = converted;
            var actual = (string)record["id"]!;
            _seen.Add(actual);
            if (!files.Has(actual))
            {
                files.Append(record);
                _derived += derived ? 1 : 0;
            }
            Report(null);
            return;
        }
        var skipped = Explain(id, answer);
        if (isRoot)
        {
            throw new ModelTreeException($"fetch family: cannot read the root {id}: {skipped.Reason}");
        }
        _skipped.Add(skipped);
        if (answer.Status == 404)
        {
            files.RecordGone(skipped);
        }
        Report($"skipped {id}: {skipped.Reason}");
    }

    /// <summary>All derivatives of <paramref name="id"/> by one relation, page after page; recorded once the last page is in.</summary>
    private async Task<IReadOnlyList<string>> List(string id, string relation, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var filter = Uri.EscapeDataString($"base_model:{relation}:{id}");
        Uri? page = new(options.Endpoint, $"api/models?filter={filter}");
        while (page is not null)
        {
            if (Pending(found) > options.MaxModels - files.Count)
            {
                // Enough to reach the cap: the rest of this listing waits for a run with a higher one.
                return found;
            }
            var answer = await Api.GetAsync(page, cancellationToken);
            if (answer.Status == 401 && answer.ErrorMessage == "Invalid credentials in Authorization header")
            {
                throw TokenRefused();
            }
            if (!answer.Ok || ParseArray(answer.Body) is not { } items)
            {
                var reason = answer.Ok ? "an answer that is not a JSON list" : $"HTTP {answer.Status}";
                _skipped.Add(new SkippedModel(id, answer.Status,
                    $"listing its {relation} derivatives failed ({reason}); run again to retry it"));
                Report($"listing {relation} derivatives of {id} failed ({reason}); run again to retry it");
                return found;
            }
            found.AddRange(items.OfType<JsonObject>().Select(m => HubRecord.Text(m["id"]) ?? HubRecord.Text(m["modelId"])).OfType<string>());
            page = answer.Next;
        }
        files.RecordListing(id, relation, found);
        return found;
    }

    /// <summary>Models waiting to be read: not in the output, in the queue or just listed (and not seen before).</summary>
    private int Pending(List<string> listed) =>
        _queue.Count(q => !files.Has(q.Id)) + listed.Count(c => !_seen.Contains(c) && !files.Has(c));

    private Uri InfoUrl(string id)
    {
        var path = "api/models/" + string.Join('/', id.Split('/').Select(Uri.EscapeDataString));
        var query = _expand ? "?" + string.Join('&', HubRecord.Expand.Select(e => "expand=" + Uri.EscapeDataString(e))) : "";
        return new Uri(options.Endpoint, path + query);
    }

    private SkippedModel Explain(string id, ApiAnswer answer)
    {
        var tokenEnv = options.Token is null ? "no token was sent; set HF_TOKEN (or --token-env) to a token with access" : "the token sent has no access";
        var reason = answer.Status switch
        {
            401 when answer.ErrorMessage == "Invalid credentials in Authorization header" => throw TokenRefused(),
            401 => $"HTTP 401: gated or private (the Hub answers 401 without a token, and for a repository that is gone); {tokenEnv}, and run again to add it",
            403 => "HTTP 403: gated, and the token's account has not been granted access (accept the conditions on the model's page), or the token lacks read access",
            404 => "HTTP 404: deleted or renamed since it was listed; recorded and skipped",
            429 => throw new ModelTreeException(
                $"fetch family: still rate-limited (HTTP 429) after {options.MaxTries} tries; run the same command later, what is written is kept."),
            >= 500 => $"HTTP {answer.Status} after {options.MaxTries} tries (a problem on the server's side); run again to retry it",
            200 => "the answer was not a JSON object with an id; run again to retry it",
            _ => $"HTTP {answer.Status}; run again to retry it",
        };
        return new SkippedModel(id, answer.Status, reason);
    }

    private static ModelTreeException TokenRefused() => new(
        "fetch family: the Hub refused the token (invalid credentials). Check the variable named by --token-env (HF_TOKEN by default), " +
        "or leave it unset to ask anonymously.");

    private static (JsonObject Record, bool Derived)? Convert(JsonObject api)
    {
        try
        {
            return HubRecord.From(api);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject o && HubRecord.Text(o["id"]) is not null ? o : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonArray? ParseArray(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Report(string? note) =>
        progress?.Report(new CrawlProgress(files.Count, _queue.Count, Api?.Requests ?? 0, _skipped.Count, _clock.Elapsed, note));
}

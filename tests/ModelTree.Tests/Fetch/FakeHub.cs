using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace ModelTree.Tests.Fetch;

/// <summary>
/// The Hub API as the family walk sees it, on 127.0.0.1, serving answers in the recorded shapes
/// (huggingface_hub's <c>model_info</c> / <c>list_models</c>, the <c>/api/models</c> endpoints):
/// <list type="bullet">
/// <item><c>GET /api/models/{owner}/{name}?expand=…</c>: the model's info, <c>_id</c> and <c>id</c> plus the expanded
/// properties only, dates with milliseconds, <c>baseModels</c> items with <c>_id</c>; without expand the default
/// shape (no baseModels, extra keys such as sha, private, modelId).</item>
/// <item><c>GET /api/models?filter=base_model:{relation}:{id}</c>: the models carrying that tag, a page of
/// <see cref="PageSize"/> at a time, the next page in <c>Link: &lt;…&gt;; rel="next"</c>.</item>
/// </list>
/// The models are given in the hub-stats shape (what the walk must write); a fault can be set per model.
/// </summary>
internal sealed class FakeHub : IDisposable
{
    private readonly Dictionary<string, JsonObject> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _infoCalls = new(StringComparer.OrdinalIgnoreCase);

    public FakeHub(IEnumerable<JsonObject> models)
    {
        foreach (var model in models)
        {
            _models[(string)model["id"]!] = model;
        }
        Server = new LocalHttpServer(Handle);
    }

    public LocalHttpServer Server { get; }

    public Uri Endpoint => Server.Root;

    public int PageSize { get; init; } = 2;

    /// <summary>Models whose info answers without a <c>baseModels</c> property (as before July 2025).</summary>
    public HashSet<string> WithoutBaseModels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A fault per model: given the request and the how-many-th info request for that model it is, answers instead of the model (or returns false to answer normally).</summary>
    public Dictionary<string, Func<HttpListenerContext, int, Task<bool>>> Faults { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, the link to a listing's second page points here (another origin) instead of at this server.</summary>
    public Uri? SecondPagesAt { get; set; }

    /// <summary>How many info requests each model got.</summary>
    public int InfoCalls(string id) => _infoCalls.GetValueOrDefault(id);

    /// <summary>Listing requests (paths with a filter).</summary>
    public IEnumerable<string> Listings => Server.Log.Select(s => s.PathAndQuery).Where(p => p.StartsWith("/api/models?", StringComparison.Ordinal));

    /// <summary>A Mongo-like <c>_id</c>, the same for the same model id.</summary>
    public static string FakeObjectId(string id) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(id)))[..24].ToLowerInvariant();

    private async Task Handle(HttpListenerContext context, int number)
    {
        var url = context.Request.Url!;
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        if (path == "/api/models")
        {
            await Json(context, Listing(HttpUtility.ParseQueryString(url.Query), context));
            return;
        }
        if (path.StartsWith("/api/models/", StringComparison.Ordinal))
        {
            var id = path["/api/models/".Length..];
            var call = _infoCalls.AddOrUpdate(id, 1, (_, n) => n + 1);
            if (Faults.TryGetValue(id, out var fault) && await fault(context, call))
            {
                return;
            }
            if (!_models.TryGetValue(id, out var model))
            {
                await LocalHttpServer.Status(context, 404, ("X-Error-Code", "RepoNotFound"));
                return;
            }
            await Json(context, Info(model, HttpUtility.ParseQueryString(url.Query).GetValues("expand")));
            return;
        }
        await LocalHttpServer.Status(context, 404);
    }

    private JsonArray Listing(System.Collections.Specialized.NameValueCollection query, HttpListenerContext context)
    {
        var filter = query["filter"]!;
        var cursor = int.Parse(query["cursor"] ?? "0");
        var matching = _models.Values.Where(m => m["tags"]!.AsArray().Any(t => (string?)t == filter))
            .OrderBy(m => (string)m["id"]!, StringComparer.Ordinal).ToList();
        var page = matching.Skip(cursor).Take(PageSize).ToList();
        if (cursor + PageSize < matching.Count)
        {
            var origin = cursor == 0 && SecondPagesAt is not null ? SecondPagesAt : Endpoint;
            var next = new Uri(origin, $"api/models?filter={Uri.EscapeDataString(filter)}&cursor={cursor + PageSize}");
            context.Response.AddHeader("Link", $"<{next}>; rel=\"next\"");
        }
        return new JsonArray([.. page.Select(m => (JsonNode)new JsonObject
        {
            ["_id"] = FakeObjectId((string)m["id"]!),
            ["id"] = m["id"]!.DeepClone(),
            ["likes"] = m["likes"]?.DeepClone(),
            ["private"] = false,
            ["downloads"] = m["downloads"]?.DeepClone(),
            ["tags"] = m["tags"]!.DeepClone(),
            ["pipeline_tag"] = m["pipeline_tag"]?.DeepClone(),
            ["library_name"] = m["library_name"]?.DeepClone(),
            ["createdAt"] = ApiDate(m["createdAt"]),
            ["modelId"] = m["id"]!.DeepClone(),
        })]);
    }

    private JsonObject Info(JsonObject model, string[]? expand)
    {
        var id = (string)model["id"]!;
        var api = new JsonObject { ["_id"] = FakeObjectId(id), ["id"] = id };
        if (expand is null)
        {
            // The default answer: no baseModels, downloadsAllTime or gguf, and keys the walk does not keep.
            api["private"] = false;
            api["sha"] = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(id))).ToLowerInvariant();
            api["modelId"] = id;
            api["disabled"] = false;
            api["spaces"] = new JsonArray();
            expand = [.. model.Select(p => p.Key).Where(k => k is not ("id" or "baseModels" or "downloadsAllTime" or "gguf"))];
        }
        foreach (var key in expand)
        {
            if (key == "baseModels" && WithoutBaseModels.Contains(id))
            {
                continue;
            }
            api[key] = key switch
            {
                "createdAt" or "lastModified" => ApiDate(model[key]),
                "baseModels" => ApiBaseModels(model[key]),
                _ => model[key]?.DeepClone(),
            };
        }
        return api;
    }

    private static JsonNode? ApiBaseModels(JsonNode? node) => node is JsonObject o
        ? new JsonObject
        {
            ["models"] = new JsonArray([.. o["models"]!.AsArray().Select(m => (JsonNode)new JsonObject
            {
                ["_id"] = FakeObjectId((string)m!["id"]!),
                ["id"] = m["id"]!.DeepClone(),
            })]),
            ["relation"] = o["relation"]!.DeepClone(),
        }
        : null;

    /// <summary>"2023-07-13T16:45:23Z" as the API writes it: "2023-07-13T16:45:23.000Z".</summary>
    private static JsonNode? ApiDate(JsonNode? node) =>
        node is null ? null : JsonValue.Create(((string)node!).Replace("Z", ".000Z", StringComparison.Ordinal));

    private static async Task Json(HttpListenerContext context, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>Sends the model's info half way, then drops the connection.</summary>
    public async Task CutMidResponse(HttpListenerContext context)
    {
        var id = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath)["/api/models/".Length..];
        var bytes = Encoding.UTF8.GetBytes(Info(_models[id], HttpUtility.ParseQueryString(context.Request.Url.Query).GetValues("expand")).ToJsonString());
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await context.Response.OutputStream.FlushAsync();
        await Task.Delay(50);
        context.Response.Abort();
    }

    public void Dispose() => Server.Dispose();
}

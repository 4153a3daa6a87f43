using System.Text.Json.Nodes;

namespace ModelTree.Tests.Fetch;

/// <summary>
/// A small family, built by hand in the hub-stats record shape of the real records, with every case the
/// walk must handle: a root with seven finetunes (four pages of two), an adapter, a quantization, a merge of
/// two finetunes, a cycle (x is a finetune of y and y of x), a gated model (401), a deleted one (404), and
/// models whose info first answers 429, 503, or is cut mid-response.
/// </summary>
internal static class FamilyFixture
{
    public const string Root = "acme/base-7b";
    public const string Gated = "acme/ft-gated";
    public const string Deleted = "acme/ft-deleted";
    public const string RateLimited = "acme/ft-ratelimited";
    public const string Flaky = "acme/base-7b-gguf";
    public const string Cut = "acme/ft-cut";
    public const string Merge = "acme/merge-ab";
    public const string NoBaseModelsInApi = "acme/ft-d";

    /// <summary>Every model the listings show, in the shape the walk must write.</summary>
    public static List<JsonObject> Models() =>
    [
        Record(Root, [], safetensors: true),
        Record("acme/ft-a", [("finetune", Root)]),
        Record("acme/ft-b", [("finetune", Root)]),
        Record("acme/ft-c", [("finetune", Root)]),
        Record(NoBaseModelsInApi, [("finetune", Root)]),
        Record(Gated, [("finetune", Root)], gated: "manual"),
        Record(Deleted, [("finetune", Root)]),
        Record(RateLimited, [("finetune", Root)]),
        Record(Cut, [("finetune", "acme/ft-b")]),
        Record("acme/lora-a", [("adapter", "acme/ft-a")], library: "peft"),
        Record(Flaky, [("quantized", Root)], gguf: true),
        Record(Merge, [("merge", "acme/ft-a"), ("merge", "acme/ft-b")]),
        Record("acme/cyc-x", [("finetune", "acme/ft-c"), ("finetune", "acme/cyc-y")]),
        Record("acme/cyc-y", [("finetune", "acme/cyc-x")]),
    ];

    /// <summary>The ids the walk can read (all but the gated and the deleted model).</summary>
    public static IReadOnlyList<string> Readable => [.. Models().Select(m => (string)m["id"]!).Where(id => id is not (Gated or Deleted))];

    /// <summary>Serves the family with its faults; <paramref name="retryAfter"/> is the 429's Retry-After in seconds.</summary>
    public static FakeHub Serve(int retryAfter = 2)
    {
        var hub = new FakeHub(Models());
        hub.WithoutBaseModels.Add(NoBaseModelsInApi);
        hub.Faults[Gated] = async (c, _) =>
        {
            await LocalHttpServer.Status(c, 401, ("X-Error-Code", "GatedRepo"), ("X-Error-Message", "Access to model acme/ft-gated is restricted."));
            return true;
        };
        hub.Faults[Deleted] = async (c, _) =>
        {
            await LocalHttpServer.Status(c, 404, ("X-Error-Code", "RepoNotFound"));
            return true;
        };
        hub.Faults[RateLimited] = async (c, n) =>
        {
            if (n == 1)
            {
                await LocalHttpServer.Status(c, 429, ("Retry-After", retryAfter.ToString()));
            }
            return n == 1;
        };
        hub.Faults[Flaky] = async (c, n) =>
        {
            if (n == 1)
            {
                await LocalHttpServer.Status(c, 503);
            }
            return n == 1;
        };
        hub.Faults[Cut] = async (c, n) =>
        {
            if (n == 1)
            {
                await hub.CutMidResponse(c);
            }
            return n == 1;
        };
        return hub;
    }

    /// <summary>
    /// What the walk must write for a model: the fixture record, except that a <c>baseModels</c> the API gave
    /// keeps the API's <c>_id</c> of each base, while one derived from the tags has ids only.
    /// </summary>
    public static JsonObject Expected(string id)
    {
        var record = Models().Single(m => (string)m["id"]! == id);
        if (id != NoBaseModelsInApi && record["baseModels"] is JsonObject bases)
        {
            foreach (var item in bases["models"]!.AsArray().OfType<JsonObject>())
            {
                var baseId = (string)item["id"]!;
                item.Remove("id");
                item["_id"] = FakeHub.FakeObjectId(baseId);
                item["id"] = baseId;
            }
        }
        return record;
    }

    private static JsonObject Record(string id, (string Relation, string Base)[] bases, bool safetensors = false, string? gated = null,
        string? library = "transformers", bool gguf = false)
    {
        var tags = new JsonArray(library ?? "transformers", "safetensors", "text-generation");
        foreach (var (relation, baseId) in bases)
        {
            tags.Add($"base_model:{baseId}");
            tags.Add($"base_model:{relation}:{baseId}");
        }
        tags.Add("license:apache-2.0");
        tags.Add("region:us");
        var number = id.Sum(c => c) % 1000;
        return new JsonObject
        {
            ["id"] = id,
            ["author"] = id.Split('/')[0],
            ["createdAt"] = "2024-05-01T10:00:00Z",
            ["lastModified"] = "2024-06-02T11:30:15Z",
            ["downloads"] = 100 + id.Length,
            ["downloadsAllTime"] = null,
            ["likes"] = id.Length % 7,
            ["library_name"] = library,
            ["pipeline_tag"] = "text-generation",
            ["tags"] = tags,
            ["gated"] = gated is null ? false : gated,
            ["cardData"] = new JsonObject
            {
                ["base_model"] = bases.Length switch { 0 => null, 1 => bases[0].Base, _ => new JsonArray([.. bases.Select(b => (JsonNode)b.Base)]) },
                ["license"] = "apache-2.0",
                ["tags"] = new JsonArray("acme", $"n{number}"),
            },
            ["siblings"] = new JsonArray(
                new JsonObject { ["rfilename"] = ".gitattributes" },
                new JsonObject { ["rfilename"] = "README.md" },
                new JsonObject { ["rfilename"] = gguf ? "model-Q4_K_M.gguf" : library == "peft" ? "adapter_model.safetensors" : "model.safetensors" }),
            ["safetensors"] = safetensors ? new JsonObject { ["parameters"] = new JsonObject { ["BF16"] = 7_241_732_096L }, ["total"] = 7_241_732_096L } : null,
            ["gguf"] = gguf ? new JsonObject { ["total"] = 7_241_732_096L, ["architecture"] = "llama", ["context_length"] = 32768 } : null,
            ["transformersInfo"] = library == "transformers"
                ? new JsonObject { ["auto_model"] = "AutoModelForCausalLM", ["custom_class"] = null, ["pipeline_tag"] = "text-generation", ["processor"] = "AutoTokenizer" }
                : null,
            ["baseModels"] = bases.Length == 0 ? null : new JsonObject
            {
                ["models"] = new JsonArray([.. bases.Select(b => (JsonNode)new JsonObject { ["id"] = b.Base })]),
                ["relation"] = bases.Any(b => b.Relation == "merge") ? "merge" : bases[0].Relation,
            },
        };
    }
}

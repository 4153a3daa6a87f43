using System.Text.Json.Nodes;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Provenance;

/// <summary>
/// A hand-built family whose licenses, formats and cards are known, with the cases a provenance report
/// must survive: a restrictive root relaxed by its finetune, a quantization and an adapter of that finetune,
/// a merge of two bases under different licences, an adapter of a base missing from the data, a cycle,
/// a derivative-looking name with no base, pickle-only weights, a tag-only license and a card that
/// disagrees with its tag (a finetune of the pickle-only model).
/// </summary>
internal static class ProvenanceFamily
{
    public const string Root = "meta/Llama-X";
    public const string Chat = "alice/llama-x-chat";
    public const string Gguf = "bob/llama-x-chat-GGUF";
    public const string Lora = "carol/llama-x-chat-lora";
    public const string Merge = "dave/merge-x";
    public const string Gpl = "eve/gpl-model";
    public const string Orphan = "frank/orphan-lora";
    public const string Missing = "ghost/missing-base";
    public const string Unnamed = "gina/mystery-GGUF";
    public const string CycleA = "cyc/a";
    public const string CycleB = "cyc/b";
    public const string Pickle = "hal/old-model";
    public const string Disagree = "ivy/disagree";

    private static readonly string[] FullWeights =
        ["config.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors", "model.safetensors.index.json", "tokenizer.json"];

    private static JsonObject Card(string? license, params (string Key, JsonNode? Value)[] more)
    {
        var card = new JsonObject { ["license"] = license };
        foreach (var (key, value) in more)
        {
            card[key] = value;
        }
        return card;
    }

    private static JsonArray Langs(params string[] codes) => new(codes.Select(c => (JsonNode?)c).ToArray());

    public static ModelRow[] Rows =>
    [
        new(Root)
        {
            Tags = ["license:llama2"], Files = FullWeights, PipelineTag = "text-generation", LibraryName = "transformers",
            Card = Card("llama2", ("language", Langs("en", "de", "fr")), ("datasets", null), ("library_name", "transformers")),
            Parameters = new() { ["BF16"] = 7_000_000_000 }, Downloads = 900,
        },
        new(Chat)
        {
            Bases = [Root], Relation = "finetune", Tags = ["license:mit"], Files = FullWeights, PipelineTag = "text-generation",
            Card = Card("mit", ("base_model", Root), ("language", Langs("en")), ("datasets", Langs("chat-data"))),
            Parameters = new() { ["BF16"] = 7_000_000_000 }, Downloads = 500,
        },
        new(Gguf)
        {
            Bases = [Chat], Relation = "quantized", Tags = ["license:mit", "gguf"], PipelineTag = "text-generation",
            Files = ["README.md", "llama-x-chat.Q4_K_M.gguf", "llama-x-chat.Q8_0.gguf"],
            Card = Card("mit", ("base_model", Chat)), Downloads = 700,
        },
        new(Lora)
        {
            Bases = [Chat], Relation = "adapter", Tags = ["license:cc-by-nc-4.0"], LibraryName = "peft",
            Files = ["adapter_config.json", "adapter_model.bin", "README.md"],
            Card = Card("cc-by-nc-4.0", ("base_model", Chat), ("library_name", "peft")), Downloads = 50,
        },
        new(Gpl) { Tags = ["license:gpl-3.0"], Files = FullWeights, Card = Card("gpl-3.0"), Downloads = 40 },
        new(Merge)
        {
            Bases = [Chat, Gpl], Relation = "merge", Tags = ["license:apache-2.0"], Files = FullWeights, PipelineTag = "text-generation",
            Card = Card("apache-2.0", ("base_model", Langs(Chat, Gpl))), Downloads = 30,
        },
        new(Orphan)
        {
            Bases = [Missing], Relation = "adapter", Tags = ["license:mit"], Files = ["adapter_config.json", "adapter_model.safetensors"],
            Card = Card("mit", ("base_model", Missing)), Downloads = 20,
        },
        new(Unnamed) { Files = ["mystery.Q4_0.gguf"], Card = Card(null), Downloads = 10 },
        new(CycleA) { Bases = [CycleB], Relation = "finetune", Files = FullWeights, Card = Card(null, ("base_model", CycleB)) },
        new(CycleB) { Bases = [CycleA], Relation = "finetune", Files = FullWeights, Card = Card(null, ("base_model", CycleA)) },
        new(Pickle) { Tags = ["license:mit"], Files = ["config.json", "pytorch_model.bin", "training_args.bin", "vocab.txt"], Card = Card(null) },
        new(Disagree) { Bases = [Pickle], Relation = "finetune", Tags = ["license:mit"], Files = FullWeights, Card = Card("apache-2.0", ("base_model", Pickle)) },
    ];

    public static (HubData Hub, ModelProvenance Provenance) Open()
    {
        var hub = TestHub.Open(Rows);
        return (hub, new ModelProvenance(hub, ModelGraph.Build(hub)));
    }
}

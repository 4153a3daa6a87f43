using ModelTree.Study;

namespace ModelTree.Rules;

/// <summary>
/// The default rule set, refitted on real Hub records (April 2025, <c>data/real/</c>): the Hub's label follows what a
/// repository <em>declares</em> (its card's <c>base_model_relation</c>, its <c>library_name</c>, its tags) and the
/// quantization formats the Hub reads, not what its files physically are.
/// <list type="bullet">
/// <item>a relation exists only when a base is present (<c>baseModels</c> lists one, or the card names <c>base_model</c>);</item>
/// <item>declared relation wins (Hub documentation; the real records hold 18 declarations, all followed);</item>
/// <item>merge when there are several bases;</item>
/// <item>adapter when <c>library_name</c> is peft, or a <c>lora</c>/<c>adapter</c> tag sits on a repository with weights.
/// Adapter files alone do not count: 255 real repos ship <c>adapter_config.json</c> (most with no full weights) without
/// <c>library_name: peft</c>, and the Hub labels every one finetune. The <c>peft</c> tag alone does not count either
/// (three AutoTrain repos tagged peft, library transformers, are finetunes);</item>
/// <item>quantized when the repository holds a GGUF file (a whole <c>.gguf</c>; split <c>.gguf.partNofM</c> pieces are not
/// read) or carries the tag of a format the Hub reads from <c>config.json</c> (<see cref="Vocabulary.HubQuantTags"/>)
/// beside weights. MLX, HQQ, Quanto, GGML and llamafile repos are finetunes on the real records;</item>
/// <item>finetune otherwise.</item>
/// </list>
/// The real records hold finetunes only (they were collected by walking finetune listings), so they test what the rules
/// must <em>not</em> call adapter, quantized or merge; the rules for those labels are kept from the study and the Hub's
/// documentation, and checked on the sample's planted cases. <see cref="StudyRules"/> is the study's own set, kept as
/// <c>study-2026</c>.
/// </summary>
public static class RefitRules
{
    /// <summary>The set's name, for <c>--rules</c> and comparisons.</summary>
    public const string Name = "refit-2025-04";

    /// <summary>Weight files of any format (the tag rules need the repository to hold weights on its main branch).</summary>
    public static IReadOnlyList<string> WeightFilePatterns { get; } =
        ["%.safetensors", "%.bin", "%.gguf", "%.pt", "%.pth", "%.ckpt", "%.npz", "%.onnx", "%.h5", "%.msgpack"];

    /// <summary>Builds the set (a new value each call; edit copies with <c>with</c>).</summary>
    public static RuleSet Create() => BuiltInRules.Create(Name,
        "Refitted on real Hub records (April 2025): the label follows the card's declaration, library_name and tags, " +
        "and the quantization formats the Hub reads; adapter files alone make a finetune.",
        [
            BuiltInRules.DeclaredRelationWins(
                "The card's base_model_relation sets the relation (Hub documentation; every declaration in the real records is followed)."),
            BuiltInRules.SeveralBases("Study VII: several bases make a merge (unless the card declares otherwise)."),
            BuiltInRules.PeftLibrary("Study V: library_name decides between finetune and adapter; peft is the value that makes an adapter."),
            BuiltInRules.Rule("adapter tags", Condition.All(StudyTests.HubAdapterTags, StudyTests.WeightFiles), "adapter",
                "A lora or adapter tag on a repository with weights (image LoRAs under diffusers). Not peft alone: real AutoTrain repos tagged peft are finetunes."),
            BuiltInRules.Rule("gguf files", StudyTests.GgufFiles, "quantized",
                "A whole .gguf file, which the Hub reads (split .gguf.partNofM pieces are not: real repos of them are finetunes)."),
            BuiltInRules.Rule("quantization the Hub reads", Condition.All(StudyTests.HubQuantTags, StudyTests.WeightFiles), "quantized",
                "The tag of a quantization_config the Hub reads (GPTQ, AWQ, bitsandbytes) beside weights; not mlx, not the user's quantized or 8-bit."),
        ]);
}

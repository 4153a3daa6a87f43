namespace ModelTree.Study;

/// <summary>
/// The words the study reads a model by: the tags and file-name patterns its queries test. One list
/// each, so the SQL in the notebooks, the classifiers and the default rule set cannot drift apart.
/// </summary>
public static class Vocabulary
{
    /// <summary>Tags that mark an adapter (study IV 4.1 and 4.2).</summary>
    public static IReadOnlyList<string> AdapterTags { get; } = ["lora", "adapter", "peft"];

    /// <summary>Tags that mark a quantized model (study IV 4.3).</summary>
    public static IReadOnlyList<string> QuantTags { get; } = ["quantized", "gguf", "int8", "int4", "4bit", "8bit"];

    /// <summary>Other quantization formats seen on the Hub that the study's tag list misses.</summary>
    public static IReadOnlyList<string> OtherQuantTags { get; } = ["gptq", "awq", "exl2", "mlx", "fp8", "bitsandbytes"];

    /// <summary>SQL LIKE patterns (on the lower-cased file name) for full model weights (study VI).</summary>
    public static IReadOnlyList<string> FullWeightFilePatterns { get; } = ["%model.safetensors%", "%pytorch_model.bin%"];

    /// <summary>
    /// SQL LIKE patterns (on the lower-cased file path) for complete model weights, single or sharded,
    /// at the top or in a folder. Unlike <see cref="FullWeightFilePatterns"/> (the study's), they do not
    /// also match <c>adapter_model.safetensors</c>: <c>%model.safetensors%</c> does.
    /// </summary>
    public static IReadOnlyList<string> CompleteWeightFilePatterns { get; } =
        ["model.safetensors", "model-%.safetensors", "%/model.safetensors", "%/model-%.safetensors",
         "pytorch_model%.bin", "%/pytorch_model%.bin"];

    /// <summary>SQL LIKE patterns (on the lower-cased file name) for adapter files (study VI).</summary>
    public static IReadOnlyList<string> AdapterFilePatterns { get; } = ["%adapter_model%", "%adapter_config%"];

    /// <summary>SQL LIKE patterns (on the lower-cased file name) for weights named for LoRA, as diffusers LoRAs often are.</summary>
    public static IReadOnlyList<string> LoraWeightPatterns { get; } = ["%lora%.safetensors", "%lora%.bin"];

    /// <summary>SQL LIKE pattern for GGUF files.</summary>
    public const string GgufFilePattern = "%.gguf";

    /// <summary>The <c>library_name</c> that makes the Hub call a model an adapter (study V).</summary>
    public const string PeftLibrary = "peft";

    /// <summary>The date hub-stats added <c>baseModels</c> (its changelog).</summary>
    public static DateOnly BaseModelsAdded { get; } = new(2025, 7, 25);
}

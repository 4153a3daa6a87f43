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

    /// <summary>
    /// Adapter tags the refitted rules keep: <c>lora</c> and <c>adapter</c>. Not <c>peft</c>: on the real records
    /// (April 2025) three repos tagged <c>peft</c> with <c>library_name: transformers</c> (AutoTrain uploads) are labelled
    /// finetune; where the library is peft, the library rule already decides.
    /// </summary>
    public static IReadOnlyList<string> HubAdapterTags { get; } = ["lora", "adapter"];

    /// <summary>
    /// Tags of quantization formats the Hub reads from a repository's <c>quantization_config</c> (GPTQ, AWQ,
    /// bitsandbytes). Not the user-written <c>quantized</c>, <c>int4</c>, <c>4bit</c>, nor <c>8-bit</c>: on the real
    /// records a repo tagged <c>quantized</c> holding only its README, and an OpenVINO repo tagged <c>8-bit</c>, are
    /// labelled finetune. Not <c>mlx</c>: every MLX repo of the real records (3- to 8-bit among them) is a finetune.
    /// </summary>
    public static IReadOnlyList<string> HubQuantTags { get; } = ["gptq", "awq", "bitsandbytes"];

    /// <summary>
    /// Quantized files whose format the Hub does not read, seen on the real records labelled finetune: GGUF split into
    /// <c>.gguf.partNofM</c> pieces, GGML <c>.bin</c>, HQQ and Quanto pickles (<c>qmodel.pt</c>, <c>smash_config.json</c>),
    /// MLX <c>weights.npz</c>, llamafiles.
    /// </summary>
    public static IReadOnlyList<string> UnrecognisedQuantFilePatterns { get; } =
        ["%.gguf.part%", "%ggml%.bin", "%qmodel.pt", "%smash_config.json", "%weights.npz", "%.llamafile"];

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

    /// <summary>SQL LIKE patterns (on the lower-cased file path) for safetensors files, weights of any kind.</summary>
    public static IReadOnlyList<string> SafetensorsFilePatterns { get; } = ["%.safetensors"];

    /// <summary>
    /// SQL LIKE patterns (on the lower-cased file path) for pickle files that may hold weights: PyTorch's
    /// <c>.bin</c>, <c>.pt</c>, <c>.pth</c>, <c>.ckpt</c> and plain pickles. Loading one runs code from the file.
    /// </summary>
    public static IReadOnlyList<string> PickleFilePatterns { get; } = ["%.bin", "%.pt", "%.pth", "%.ckpt", "%.pkl", "%.pickle"];

    /// <summary>
    /// SQL LIKE patterns for files <see cref="PickleFilePatterns"/> match that are not model weights: a trainer's
    /// state (arguments, optimizer, scheduler, random state), GGML's quantized <c>.bin</c> and OpenVINO's binary weights.
    /// </summary>
    public static IReadOnlyList<string> NotPickleWeightFilePatterns { get; } =
        ["%training_args.bin", "%optimizer.pt", "%scheduler.pt", "%rng_state%", "%optim_states%", "%ggml%", "%openvino%"];

    /// <summary>SQL LIKE patterns (on the lower-cased file path) for ONNX exports.</summary>
    public static IReadOnlyList<string> OnnxFilePatterns { get; } = ["%.onnx", "%.onnx_data"];

    /// <summary>SQL LIKE patterns (on the lower-cased file path) for GGML files, the format GGUF replaced.</summary>
    public static IReadOnlyList<string> GgmlFilePatterns { get; } = ["%ggml%.bin"];

    /// <summary>SQL LIKE patterns (on the lower-cased file path) for tokenizer files.</summary>
    public static IReadOnlyList<string> TokenizerFilePatterns { get; } =
        ["%tokenizer%", "%vocab.json", "%vocab.txt", "%merges.txt", "%spiece.model", "%sentencepiece%.model"];

    /// <summary>SQL LIKE patterns (on the lower-cased file path) for a model's configuration (transformers, diffusers, Mistral's native format).</summary>
    public static IReadOnlyList<string> ConfigFilePatterns { get; } = ["config.json", "%/config.json", "model_index.json", "params.json"];

    /// <summary>SQL LIKE pattern for GGUF files.</summary>
    public const string GgufFilePattern = "%.gguf";

    /// <summary>The <c>library_name</c> that makes the Hub call a model an adapter (study V).</summary>
    public const string PeftLibrary = "peft";

    /// <summary>The date hub-stats added <c>baseModels</c> (its changelog).</summary>
    public static DateOnly BaseModelsAdded { get; } = new(2025, 7, 25);
}

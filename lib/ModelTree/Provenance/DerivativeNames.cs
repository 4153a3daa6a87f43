using System.Text.RegularExpressions;

namespace ModelTree.Provenance;

/// <summary>
/// Words in a repository's name that say it was made from another model (fine-tuning, adapters, merging,
/// quantizing): <c>...-GGUF</c>, <c>...-lora</c>, <c>...-sft</c>, <c>...-Q4_K_M</c>.
/// </summary>
internal static partial class DerivativeNames
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "ft", "sft", "dpo", "orpo", "kto", "rlhf", "finetune", "finetuned", "tuned", "lora", "qlora", "peft",
        "adapter", "adapters", "merge", "merged", "slerp", "gguf", "ggml", "gptq", "awq", "exl2", "hqq",
        "quant", "quantized", "4bit", "8bit", "int4", "int8", "fp8", "distill", "distilled", "abliterated",
    };

    /// <summary>The first word of the name (the part after the owner) that marks a derivative, or null.</summary>
    public static string? Marker(string id)
    {
        var name = id[(id.IndexOf('/') + 1)..].ToLowerInvariant();
        return Separators().Split(name).FirstOrDefault(w => Words.Contains(w) || QuantLevel().IsMatch(w));
    }

    [GeneratedRegex(@"[-_. ]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^i?q[2-8](k|km|ks|kl|0|1)?$")]
    private static partial Regex QuantLevel();
}

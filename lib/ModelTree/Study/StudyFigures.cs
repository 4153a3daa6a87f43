namespace ModelTree;

/// <summary>
/// The figures the study published (full Hub, hub-stats snapshot of January 2026), so notebooks can print
/// this data's figures beside them. Label them <see cref="Label"/> wherever they are shown. The study published
/// label counts and tag shares (section IV), no accuracy for any rule set.
/// </summary>
public static class StudyFigures
{
    /// <summary>How to label these figures next to this data's.</summary>
    public const string Label = "study, full Hub, January 2026";

    /// <summary>4.1: models labelled finetune.</summary>
    public const long Finetunes = 244_723;

    /// <summary>4.1: finetunes carrying a lora/adapter/peft tag.</summary>
    public const long FinetunesWithAdapterTag = 1_130;

    /// <summary>4.2: models labelled adapter.</summary>
    public const long Adapters = 266_041;

    /// <summary>4.2: adapters carrying a lora/adapter/peft tag.</summary>
    public const long AdaptersWithAdapterTag = 262_423;

    /// <summary>4.3: models labelled quantized.</summary>
    public const long Quantized = 125_673;

    /// <summary>4.3: quantized models carrying a quantization tag.</summary>
    public const long QuantizedWithQuantTag = 101_205;
}

using ModelTree.Study;

namespace ModelTree.Rules;

/// <summary>
/// The study's tests, each one named <see cref="Condition"/> defined once. The rule sets are built from them, and so are
/// the matching columns of the <c>model_facts</c> table (compiled with <see cref="RuleSql.Condition"/>), so a rule and the
/// column a notebook counts cannot drift apart. The word lists come from <see cref="Vocabulary"/>.
/// </summary>
public static class StudyTests
{
    /// <summary>A <c>lora</c>, <c>adapter</c> or <c>peft</c> tag (study 3.2, 4.1, 4.2): <c>has_adapter_tag</c>.</summary>
    public static Condition AdapterTags { get; } = Condition.Tags([.. Vocabulary.AdapterTags]);

    /// <summary>A <c>lora</c> or <c>adapter</c> tag, the adapter tags the refitted rules keep.</summary>
    public static Condition HubAdapterTags { get; } = Condition.Tags([.. Vocabulary.HubAdapterTags]);

    /// <summary>One of the study's quantization tags (4.3): <c>has_quant_tag</c>.</summary>
    public static Condition QuantTags { get; } = Condition.Tags([.. Vocabulary.QuantTags]);

    /// <summary>The tag of a quantization format the Hub reads (GPTQ, AWQ, bitsandbytes): <c>has_hub_quant_tag</c>.</summary>
    public static Condition HubQuantTags { get; } = Condition.Tags([.. Vocabulary.HubQuantTags]);

    /// <summary>Adapter files, <c>%adapter_model%</c> or <c>%adapter_config%</c> (study VI): <c>has_adapter_files</c>.</summary>
    public static Condition AdapterFiles { get; } = Condition.Files([.. Vocabulary.AdapterFilePatterns]);

    /// <summary>Complete model weights, single or sharded, that do not also match adapter files.</summary>
    public static Condition CompleteWeights { get; } = Condition.Files([.. Vocabulary.CompleteWeightFilePatterns]);

    /// <summary>A whole <c>.gguf</c> file (split parts do not end in .gguf): <c>has_gguf</c>.</summary>
    public static Condition GgufFiles { get; } = Condition.Files(Vocabulary.GgufFilePattern);

    /// <summary>Weight files of any format.</summary>
    public static Condition WeightFiles { get; } = Condition.Files([.. RefitRules.WeightFilePatterns]);

    /// <summary><c>library_name</c> is peft (study V).</summary>
    public static Condition PeftLibrary { get; } = Condition.Library(Vocabulary.PeftLibrary);

    /// <summary>The card names a base in <c>base_model</c> (study 3.1).</summary>
    public static Condition CardBaseModel { get; } = Condition.CardHas("base_model");
}

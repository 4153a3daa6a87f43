using ModelTree.Study;

namespace ModelTree.Rules;

/// <summary>
/// The study's summary (section VII) as a rule set, with the rule the study missed first:
/// <list type="bullet">
/// <item>a relation exists only when a base is present (<c>baseModels</c> lists one, or the card names <c>base_model</c>);</item>
/// <item>declared relation wins: a card's <c>base_model_relation</c> (Hub documentation, "Specifying a base model");</item>
/// <item>merge when there are several bases;</item>
/// <item>adapter when <c>library_name</c> is peft, or the tags say lora/adapter/peft, or the files are adapter
/// files without full weights (section 3.2: "no complete model.safetensors, only adapter weights");</item>
/// <item>quantized when the tags or the file names say so (section 3.2 and 4.3);</item>
/// <item>finetune otherwise.</item>
/// </list>
/// The study orders merge, then adapter, then finetune, and is silent on quantized. This set puts
/// quantized after adapter (<see cref="Precedence"/>); change it with <see cref="RuleSet.WithPrecedence"/>
/// (for example <c>"adapter|quantized"</c> on one level, so a model with both kinds of evidence is ambiguous).
/// Every list comes from <see cref="Vocabulary"/>. Named <c>study-2026</c> (the study's snapshot, January 2026); it is no
/// longer the default: <see cref="RefitRules"/>, fitted on real records, is.
/// </summary>
public static class StudyRules
{
    /// <summary>The set's name, for <c>--rules</c> and comparisons.</summary>
    public const string Name = "study-2026";

    /// <summary>The default precedence, highest first: declared &gt; merge &gt; adapter &gt; quantized &gt; finetune.</summary>
    public static IReadOnlyList<string> Precedence { get; } =
        [Rule.DeclaredRelation, "merge", "adapter", "quantized", "finetune"];

    /// <summary>Builds the default set (a new value each call; edit copies with <c>with</c>).</summary>
    public static RuleSet Create() => BuiltInRules.Create(Name,
        "The study's own rules (section VII) plus the rule it missed: a card's base_model_relation wins. " +
        "Quantized sits after adapter, where the study says nothing.",
        [
            BuiltInRules.DeclaredRelationWins("The card's base_model_relation sets the relation (Hub documentation; the study missed it)."),
            BuiltInRules.SeveralBases("Section VII: merge indicates the presence of multiple baseModels."),
            BuiltInRules.PeftLibrary(
                "Section V: library_name decides between finetune and adapter (the study names no value; peft is the one that does)."),
            BuiltInRules.Rule("adapter tags", StudyTests.AdapterTags, "adapter", "Sections 3.2 and 4.2: lora, adapter or peft among the tags."),
            BuiltInRules.Rule("adapter files without full weights", Condition.All(StudyTests.AdapterFiles, Condition.Not(StudyTests.CompleteWeights)), "adapter",
                "Section 3.2: only adapter weights in the repository, no complete model weights (patterns that, unlike the study's, do not match adapter_model.safetensors itself)."),
            BuiltInRules.Rule("quantization tags", StudyTests.QuantTags, "quantized", "Sections 3.2 and 4.3: quantized, gguf, int8, int4, 4bit or 8bit among the tags."),
            BuiltInRules.Rule("gguf files", StudyTests.GgufFiles, "quantized", "Section 3.2: *.gguf files are a strong sign of a quantization."),
        ]);
}

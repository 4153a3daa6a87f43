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
    public static RuleSet Create() => new()
    {
        Name = Name,
        Description =
            "The study's own rules (section VII) plus the rule it missed: a card's base_model_relation wins. " +
            "Quantized sits after adapter, where the study says nothing.",
        RelationExistsWhen = Condition.Any(
            Condition.Bases(Comparison.GreaterOrEqual, 1),
            Condition.CardHas("base_model")),
        Rules =
        [
            new Rule("declared relation wins", Condition.Declared, Rule.DeclaredRelation)
            {
                Description = "The card's base_model_relation sets the relation (Hub documentation; the study missed it).",
            },
            new Rule("several bases", Condition.Bases(Comparison.GreaterOrEqual, 2), "merge")
            {
                Description = "Section VII: merge indicates the presence of multiple baseModels.",
            },
            new Rule("peft library", Condition.Library(Vocabulary.PeftLibrary), "adapter")
            {
                Description = "Section V: library_name decides between finetune and adapter (the study names no value; peft is the one that does).",
            },
            new Rule("adapter tags", Condition.Tags([.. Vocabulary.AdapterTags]), "adapter")
            {
                Description = "Sections 3.2 and 4.2: lora, adapter or peft among the tags.",
            },
            new Rule("adapter files without full weights",
                Condition.All(
                    Condition.Files([.. Vocabulary.AdapterFilePatterns]),
                    Condition.Not(Condition.Files([.. Vocabulary.CompleteWeightFilePatterns]))),
                "adapter")
            {
                Description = "Section 3.2: only adapter weights in the repository, no complete model weights (patterns that, unlike the study's, do not match adapter_model.safetensors itself).",
            },
            new Rule("quantization tags", Condition.Tags([.. Vocabulary.QuantTags]), "quantized")
            {
                Description = "Sections 3.2 and 4.3: quantized, gguf, int8, int4, 4bit or 8bit among the tags.",
            },
            new Rule("gguf files", Condition.Files(Vocabulary.GgufFilePattern), "quantized")
            {
                Description = "Section 3.2: *.gguf files are a strong sign of a quantization.",
            },
        ],
        Precedence = Precedence.Select(p => (ValueList<string>)[p]).ToValueList(),
        Otherwise = "finetune",
    };
}

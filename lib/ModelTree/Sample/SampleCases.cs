namespace ModelTree.Sample;

/// <summary>
/// The names of the cases the generator plants, as written in the truth file's <c>case</c> column.
/// Every row has exactly one case; the anomalies are exclusive so that each can be counted by an
/// independent query (see data/README.md for what each one looks like in the table).
/// </summary>
public static class SampleCases
{
    /// <summary>Nothing unusual for its kind.</summary>
    public const string Typical = "typical";

    /// <summary>Labelled finetune, tags carry lora/adapter/peft (weights are full: a LoRA merged back).</summary>
    public const string FinetuneWithAdapterTag = "finetune_with_adapter_tag";

    /// <summary>Labelled adapter, no lora/adapter/peft tag: a diffusers LoRA (<c>pytorch_lora_weights.safetensors</c>) whose card has no lora tag.</summary>
    public const string AdapterWithoutAdapterTag = "adapter_without_adapter_tag";

    /// <summary>Labelled quantized, none of quantized/gguf/int8/int4/4bit/8bit in the tags (gptq, awq, exl2, fp8).</summary>
    public const string QuantizedWithoutQuantTag = "quantized_without_quant_tag";

    /// <summary>Labelled adapter, the repository holds full weights and adapter files together.</summary>
    public const string BaseAndAdapterTogether = "base_and_adapter_together";

    /// <summary>Labelled finetune, full weights plus LoRA files (adapter_model.*) and no adapter tag: the study's "ambiguous" set.</summary>
    public const string LoraFilesNotAdapter = "lora_files_not_adapter";

    /// <summary>
    /// Physically an adapter (adapter_config.json and adapter_model.*, no other weights), no <c>library_name: peft</c> and no
    /// adapter tag: labelled finetune, as 55 such repos are on the real records (April 2025).
    /// </summary>
    public const string AdapterFilesLabelledFinetune = "adapter_files_labelled_finetune";

    /// <summary>
    /// Physically a quantization in a format the Hub does not read (MLX, split GGUF parts, HQQ/Quanto, GGML, OpenVINO,
    /// llamafile): labelled finetune, as every such repo is on the real records.
    /// </summary>
    public const string UnreadQuantFormat = "unread_quant_format";

    /// <summary>The card's <c>base_model</c> names another id than the Hub's <c>baseModels</c> and tags (an older name, the family's root).</summary>
    public const string CardBaseDiffers = "card_base_differs";

    /// <summary>An adapter (library peft, adapter files) that also ships its LoRA as a <c>.gguf</c> file: evidence for adapter and quantized at once.</summary>
    public const string AdapterAndQuantEvidence = "adapter_and_quant_evidence";

    /// <summary>The card sets <c>base_model_relation</c>; the label follows it, whether or not the files agree.</summary>
    public const string DeclaredRelation = "declared_relation";

    /// <summary>The repository's weights are outside the main branch: only README and .gitattributes are listed, labelled finetune.</summary>
    public const string WeightsOutsideMain = "weights_outside_main";

    /// <summary>The card names a base, <c>baseModels</c> is NULL (created before 2025-07-25, not back-filled).</summary>
    public const string BackfillCardOnly = "backfill_card_only";

    /// <summary><c>baseModels</c> is set, the card has no <c>base_model</c> (and no base_model tags).</summary>
    public const string BaseModelsWithoutCard = "baseModels_without_card";

    /// <summary>The model lists itself as its base.</summary>
    public const string SelfReference = "self_reference";

    /// <summary>Part of a cycle of base links (A -> B -> A, or of three).</summary>
    public const string Cycle = "cycle";

    /// <summary>A direct base is not a row of the table.</summary>
    public const string ExternalBase = "external_base";

    /// <summary><c>cardData</c> is not valid JSON.</summary>
    public const string MalformedCard = "malformed_card";

    /// <summary><c>tags</c> is NULL (a model with no base).</summary>
    public const string NullTags = "null_tags";

    /// <summary><c>tags</c> is an empty list (a model with no base).</summary>
    public const string EmptyTags = "empty_tags";

    /// <summary><c>siblings</c> is NULL (a model with no base).</summary>
    public const string NullSiblings = "null_siblings";

    /// <summary><c>siblings</c> is an empty list (a model with no base).</summary>
    public const string EmptySiblings = "empty_siblings";

    /// <summary>Every case name, in the order data/README.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Typical, FinetuneWithAdapterTag, AdapterWithoutAdapterTag, QuantizedWithoutQuantTag,
        BaseAndAdapterTogether, LoraFilesNotAdapter, AdapterFilesLabelledFinetune, UnreadQuantFormat, AdapterAndQuantEvidence,
        CardBaseDiffers, DeclaredRelation, WeightsOutsideMain,
        BackfillCardOnly, BaseModelsWithoutCard, SelfReference, Cycle, ExternalBase, MalformedCard,
        NullTags, EmptyTags, NullSiblings, EmptySiblings,
    ];

    /// <summary>The name of a planted case as the truth file writes it.</summary>
    internal static string Name(this SampleCase planted) => planted switch
    {
        SampleCase.Typical => Typical,
        SampleCase.FinetuneWithAdapterTag => FinetuneWithAdapterTag,
        SampleCase.AdapterWithoutAdapterTag => AdapterWithoutAdapterTag,
        SampleCase.QuantizedWithoutQuantTag => QuantizedWithoutQuantTag,
        SampleCase.BaseAndAdapterTogether => BaseAndAdapterTogether,
        SampleCase.LoraFilesNotAdapter => LoraFilesNotAdapter,
        SampleCase.AdapterFilesLabelledFinetune => AdapterFilesLabelledFinetune,
        SampleCase.UnreadQuantFormat => UnreadQuantFormat,
        SampleCase.CardBaseDiffers => CardBaseDiffers,
        SampleCase.AdapterAndQuantEvidence => AdapterAndQuantEvidence,
        SampleCase.DeclaredRelation => DeclaredRelation,
        SampleCase.WeightsOutsideMain => WeightsOutsideMain,
        SampleCase.BackfillCardOnly => BackfillCardOnly,
        SampleCase.BaseModelsWithoutCard => BaseModelsWithoutCard,
        SampleCase.SelfReference => SelfReference,
        SampleCase.Cycle => Cycle,
        SampleCase.ExternalBase => ExternalBase,
        SampleCase.MalformedCard => MalformedCard,
        SampleCase.NullTags => NullTags,
        SampleCase.EmptyTags => EmptyTags,
        SampleCase.NullSiblings => NullSiblings,
        SampleCase.EmptySiblings => EmptySiblings,
        _ => throw new ArgumentOutOfRangeException(nameof(planted), planted, null),
    };
}

namespace ModelTree.Tests.Sample;

/// <summary>
/// The test's own reading of the table, written from the study and the Hub's conventions (not from
/// the generator's code): which tags and file names mean adapter, quantized or full weights.
/// </summary>
public static class SampleSql
{
    public const string AdapterTag =
        "coalesce(list_contains(tags, 'lora') OR list_contains(tags, 'adapter') OR list_contains(tags, 'peft'), false)";

    public const string QuantTag =
        "coalesce(list_contains(tags, 'quantized') OR list_contains(tags, 'gguf') OR list_contains(tags, 'int8') " +
        "OR list_contains(tags, 'int4') OR list_contains(tags, '4bit') OR list_contains(tags, '8bit'), false)";

    /// <summary>Complete weights: model / pytorch_model, single or sharded, safetensors or bin, at the root or in a folder.</summary>
    public const string FullWeights =
        "coalesce(len(list_filter(siblings, lambda s: regexp_matches(s.rfilename, '(^|/)(model|pytorch_model)(-[0-9]{5}-of-[0-9]{5})?\\.(safetensors|bin)$'))) > 0, false)";

    /// <summary>PEFT adapter weights or config, or a diffusers LoRA.</summary>
    public const string AdapterFiles =
        "coalesce(len(list_filter(siblings, lambda s: regexp_matches(s.rfilename, '(^|/)(adapter_model\\.(safetensors|bin)|adapter_config\\.json|pytorch_lora_weights\\.safetensors)$'))) > 0, false)";

    /// <summary>LoRA weights as PEFT writes them.</summary>
    public const string LoraWeights =
        "coalesce(len(list_filter(siblings, lambda s: regexp_matches(s.rfilename, '(^|/)adapter_model\\.(safetensors|bin)$'))) > 0, false)";

    public const string Relation = "baseModels.relation";

    /// <summary>Quantized files in formats the Hub does not read: split GGUF, HQQ/Quanto (Pruna's smash config), GGML, OpenVINO, llamafile.</summary>
    public const string UnreadQuantFiles =
        "coalesce(len(list_filter(siblings, lambda s: regexp_matches(s.rfilename, '(\\.gguf\\.part[0-9]+of[0-9]+|(^|/)smash_config\\.json|(^|/)ggml-model-.*\\.bin|(^|/)openvino_model\\.xml|\\.llamafile)$'))) > 0, false)";

    /// <summary>The card's base_model as a list of ids (a string read as a one-item list), NULL when the card has none.</summary>
    public const string CardBaseList =
        "(CASE WHEN json_valid(cardData) THEN CASE json_type(cardData, '$.base_model') WHEN 'VARCHAR' THEN [json_extract_string(cardData, '$.base_model')] " +
        "WHEN 'ARRAY' THEN json_extract_string(cardData, '$.base_model[*]') END END)";

    public const string CardValid = "coalesce(json_valid(cardData), false)";

    /// <summary>The card's base_model (JSON), NULL when the card is missing, malformed or has none. (DuckDB does not
    /// short-circuit AND, so the JSON functions are guarded by CASE.)</summary>
    public const string CardBaseModel = "(CASE WHEN json_valid(cardData) THEN json_extract(cardData, '$.base_model') END)";

    /// <summary>The card's base_model_relation, NULL when absent.</summary>
    public const string CardRelation = "(CASE WHEN json_valid(cardData) THEN json_extract_string(cardData, '$.base_model_relation') END)";

    /// <summary>Child -> base edges from baseModels, self-loops left out.</summary>
    public const string Edges =
        "SELECT m.id AS child, b.id AS base FROM models m, unnest(m.baseModels.models) AS u(b) WHERE b.id <> m.id";

    /// <summary>For each planted case, the query that finds its rows without looking at the truth file.</summary>
    public static IReadOnlyDictionary<string, string> CaseQueries { get; } = new Dictionary<string, string>
    {
        ["finetune_with_adapter_tag"] = $"SELECT count(*) FROM models WHERE {Relation} = 'finetune' AND {AdapterTag}",
        ["adapter_without_adapter_tag"] = $"SELECT count(*) FROM models WHERE {Relation} = 'adapter' AND NOT {AdapterTag}",
        // A repository without a card has none of the card's tags, so it is left out: the case is about cards that omit them.
        ["quantized_without_quant_tag"] = $"SELECT count(*) FROM models WHERE {Relation} = 'quantized' AND NOT {QuantTag} AND cardData IS NOT NULL",
        ["base_and_adapter_together"] = $"SELECT count(*) FROM models WHERE {Relation} = 'adapter' AND {FullWeights} AND {AdapterFiles}",
        ["lora_files_not_adapter"] = $"SELECT count(*) FROM models WHERE {Relation} = 'finetune' AND {FullWeights} AND {LoraWeights} AND NOT {AdapterTag}",
        ["adapter_files_labelled_finetune"] = $"SELECT count(*) FROM models WHERE {Relation} = 'finetune' AND {AdapterFiles} AND NOT {FullWeights} AND NOT {AdapterTag}",
        ["unread_quant_format"] = $"SELECT count(*) FROM models WHERE {Relation} = 'finetune' AND ({UnreadQuantFiles} OR coalesce(list_contains(tags, 'mlx'), false))",
        ["adapter_and_quant_evidence"] = $"SELECT count(*) FROM models WHERE {Relation} = 'adapter' AND len(list_filter(siblings, lambda s: s.rfilename LIKE '%.gguf')) > 0",
        ["card_base_differs"] = $"SELECT count(*) FROM models WHERE baseModels IS NOT NULL AND {CardBaseList} IS NOT NULL AND {CardBaseList} <> list_transform(baseModels.models, lambda b: b.id)",
        ["declared_relation"] = $"SELECT count(*) FROM models WHERE {CardRelation} IS NOT NULL",
        ["weights_outside_main"] = $"SELECT count(*) FROM models WHERE {Relation} = 'finetune' AND list_sort(list_transform(siblings, lambda s: s.rfilename)) = ['.gitattributes', 'README.md']",
        ["backfill_card_only"] = $"SELECT count(*) FROM models WHERE baseModels IS NULL AND {CardBaseModel} IS NOT NULL",
        ["baseModels_without_card"] = $"SELECT count(*) FROM models WHERE baseModels IS NOT NULL AND (cardData IS NULL OR ({CardValid} AND {CardBaseModel} IS NULL))",
        ["self_reference"] = "SELECT count(*) FROM models WHERE list_contains(list_transform(baseModels.models, lambda b: b.id), id)",
        ["cycle"] = $"""
            WITH e AS ({Edges})
            SELECT count(DISTINCT a.child) FROM e a JOIN e b ON b.child = a.base
            LEFT JOIN e c ON c.child = b.base
            WHERE b.base = a.child OR c.base = a.child
            """,
        ["external_base"] = "SELECT count(DISTINCT m.id) FROM models m, unnest(m.baseModels.models) AS u(b) WHERE b.id NOT IN (SELECT id FROM models)",
        ["malformed_card"] = "SELECT count(*) FROM models WHERE cardData IS NOT NULL AND NOT json_valid(cardData)",
        ["null_tags"] = "SELECT count(*) FROM models WHERE tags IS NULL",
        ["empty_tags"] = "SELECT count(*) FROM models WHERE len(tags) = 0",
        ["null_siblings"] = "SELECT count(*) FROM models WHERE siblings IS NULL",
        ["empty_siblings"] = "SELECT count(*) FROM models WHERE len(siblings) = 0",
    };
}

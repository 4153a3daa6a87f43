using ModelTree.Data;
using ModelTree.Records;
using ModelTree.Rules;
using ModelTree.Study;

namespace ModelTree;

/// <summary>
/// The study's tests as SQL fragments over <c>models</c>, built from <see cref="Vocabulary"/> so the SQL
/// and the C# classifiers cannot drift apart, and the named queries the notebooks call from C#.
/// Every fragment is NULL-safe: a NULL tag or file list gives false, never NULL.
/// </summary>
public static class StudySql
{
    /// <summary><c>(list_contains(tags, 'a') OR list_contains(tags, 'b') ...)</c>, false when tags is NULL.</summary>
    public static string AnyTag(IEnumerable<string> tags, string column = "tags") =>
        $"coalesce({string.Join(" OR ", tags.Select(t => $"list_contains({column}, {Sql.Literal(t)})"))}, false)";

    /// <summary>True when a file of <c>siblings</c> matches any pattern (<c>lower(rfilename) LIKE p</c>), false when there are no files.</summary>
    public static string AnyFile(IEnumerable<string> patterns, string column = "siblings") =>
        $"coalesce(len(list_filter({column}, lambda s: {string.Join(" OR ", patterns.Select(p => $"lower(s.rfilename) LIKE {Sql.Literal(p)}"))})) > 0, false)";

    /// <summary>True when a file is full weights but not an adapter file (see <see cref="FileClassifier.IsStandaloneWeightFile"/>).</summary>
    public static string AnyStandaloneWeightFile(string column = "siblings") =>
        $"coalesce(len(list_filter({column}, lambda s: ({Or(Vocabulary.FullWeightFilePatterns)}) AND NOT ({Or(Vocabulary.AdapterFilePatterns)}))) > 0, false)";

    /// <summary>The adapter-like tag test (lora, adapter, peft).</summary>
    public static string AdapterTag => RuleSql.Condition(StudyTests.AdapterTags);

    /// <summary>The quantization tag test (quantized, gguf, int8, int4, 4bit, 8bit).</summary>
    public static string QuantTag => RuleSql.Condition(StudyTests.QuantTags);

    /// <summary>
    /// The study's "ambiguous" test (VI 6.2): a file like <c>%adapter_model%</c> and a file like
    /// <c>%model.safetensors%</c>, and no tag containing "adapter" or "lora" (any case). As in the study's
    /// query, a model whose tags are NULL is left out (its <c>NOT (NULL ILIKE ...)</c> is not true).
    /// </summary>
    public static string Ambiguous => AmbiguousOver(AnyFile([AmbiguousAdapterFile]), AnyFile([AmbiguousWeightFile]));

    private const string AmbiguousAdapterFile = "%adapter_model%";
    private const string AmbiguousWeightFile = "%model.safetensors%";

    private static string AmbiguousOver(string adapterFile, string weightFile) =>
        $"({adapterFile} AND {weightFile} AND coalesce(NOT (" +
        "array_to_string(tags, ',') ILIKE '%adapter%' OR array_to_string(tags, ',') ILIKE '%lora%'), false))";

    /// <summary>
    /// The file tests of <c>model_facts</c>, asked in one pass over each file list (<see cref="FileFacts"/>): the same
    /// patterns as <see cref="AnyFile"/>, <see cref="AnyStandaloneWeightFile"/>, <see cref="StudyTests.AdapterFiles"/>,
    /// <see cref="StudyTests.GgufFiles"/> and the two file tests of <see cref="Ambiguous"/>.
    /// </summary>
    private static readonly FileFacts FactFiles = new([
        new FileTest("has_full_weights", Vocabulary.FullWeightFilePatterns),
        new FileTest("has_standalone_weights", Vocabulary.FullWeightFilePatterns, Vocabulary.AdapterFilePatterns),
        new FileTest("has_adapter_files", ((FileCondition)StudyTests.AdapterFiles).Patterns),
        new FileTest("has_gguf", ((FileCondition)StudyTests.GgufFiles).Patterns),
        new FileTest("has_lora_files", [.. Vocabulary.AdapterFilePatterns, .. Vocabulary.LoraWeightPatterns]),
        new FileTest("has_unread_quant_files", Vocabulary.UnrecognisedQuantFilePatterns),
        new FileTest("adapter_model", [AmbiguousAdapterFile]),
        new FileTest("model_safetensors", [AmbiguousWeightFile]),
    ]);

    /// <summary>
    /// The view <c>model_facts</c>: one row per model with the columns the study reasons about, already
    /// classified (tags, files, card fields, base list), beside the raw
    /// <c>tags</c>, file names (<c>files</c>) and <c>cardData</c> for listing examples. SQL cells query it to stay short. A card that is
    /// not a JSON object reads as having no fields (<c>card_malformed</c> says so).
    /// </summary>
    public static string CreateFactsView => "CREATE OR REPLACE VIEW model_facts AS\n" + FactsQuery;

    /// <summary>The query behind <c>model_facts</c> (<see cref="CreateFactsView"/>), which <see cref="StudyViews"/> stores as a table.</summary>
    public static string FactsQuery => $"""
        WITH m AS (
          SELECT *, {CardSql.ObjectOrNull("cardData")} AS card,
            {FactFiles.Bits()} AS file_bits
          FROM models
        ), f AS (
          -- the card's three fields in one parse: base_model, library_name, base_model_relation
          SELECT *, {CardSql.Fields("card", "base_model", "library_name", "base_model_relation")} AS card_fields
          FROM m
        ), c AS (
          SELECT *,
            {CardSql.BaseModelsOf("card_fields[1]")} AS card_bases,
            card_fields[2] ->> '$' AS card_library_value,
            card_fields[3] ->> '$' AS card_relation_value
          FROM f
        )
        SELECT
          id, author, createdAt, date_trunc('month', createdAt) AS created_month, downloads, likes,
          library_name, pipeline_tag, tags, list_transform(siblings, lambda s: s.rfilename) AS files, cardData,
          baseModels.relation AS relation,
          baseModels IS NOT NULL AS has_base_models,
          coalesce(list_transform(baseModels.models, lambda b: b.id), []::VARCHAR[]) AS bases,
          coalesce(len(baseModels.models), 0) AS n_bases,
          coalesce(list_contains(list_transform(baseModels.models, lambda b: lower(b.id)), lower(id)), false) AS names_itself,
          cardData IS NOT NULL AND card IS NULL AS card_malformed,
          card_bases,
          len(card_bases) > 0 AS card_names_base,
          card_library_value AS card_library,
          card_relation_value AS card_relation,
          coalesce(lower(coalesce(library_name, card_library_value)) = {Sql.Literal(Vocabulary.PeftLibrary)}, false) AS is_peft,
          {AdapterTag} AS has_adapter_tag,
          {QuantTag} AS has_quant_tag,
          {AnyTag(Vocabulary.OtherQuantTags)} AS has_other_quant_tag,
          {FactFiles.Has("has_full_weights")} AS has_full_weights,
          {FactFiles.Has("has_standalone_weights")} AS has_standalone_weights,
          {FactFiles.Has("has_adapter_files")} AS has_adapter_files,
          {FactFiles.Has("has_gguf")} AS has_gguf,
          {FactFiles.Has("has_lora_files")} AS has_lora_files,
          {AmbiguousOver(FactFiles.Has("adapter_model"), FactFiles.Has("model_safetensors"))} AS is_ambiguous,
          coalesce(len(siblings), 0) AS n_files,
          {RuleSql.Condition(StudyTests.HubQuantTags)} AS has_hub_quant_tag,
          coalesce(list_contains(tags, 'mlx'), false) AS has_mlx_tag,
          {FactFiles.Has("has_unread_quant_files")} AS has_unread_quant_files
        FROM c
        """;

    /// <summary>Models per relation label (NULL reads as "(none)"), with their share of all models, largest first.</summary>
    public const string RelationCounts = """
        SELECT coalesce(baseModels.relation, '(none)') AS relation, count(*) AS models,
               round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
        FROM models GROUP BY 1 ORDER BY models DESC
        """;

    /// <summary>
    /// Models created per month, split by where their base is recorded: baseModels and card, baseModels only,
    /// card only, neither (needs <c>model_facts</c>).
    /// </summary>
    public const string MonthlyBaseCoverage = """
        SELECT created_month AS month,
               CASE WHEN has_base_models AND card_names_base THEN 'baseModels and card'
                    WHEN has_base_models THEN 'baseModels only'
                    WHEN card_names_base THEN 'card only'
                    ELSE 'neither' END AS recorded,
               count(*) AS models
        FROM model_facts WHERE created_month IS NOT NULL
        GROUP BY ALL ORDER BY month, recorded
        """;

    /// <summary>
    /// The <paramref name="limit"/> most downloaded models with a relation label, with the columns a reader
    /// checks the label against: the card's bases and library, the Hub's bases, the tags and the file
    /// names (needs <c>model_facts</c>).
    /// </summary>
    public static string Examples(string relation, int limit = 10) => $"""
        SELECT id, downloads, relation, bases, card_bases, library_name, card_library, tags, files
        FROM model_facts WHERE relation = {Sql.Literal(relation)}
        ORDER BY downloads DESC NULLS LAST, id LIMIT {limit}
        """;


    private static string Or(IEnumerable<string> patterns) =>
        string.Join(" OR ", patterns.Select(p => $"lower(s.rfilename) LIKE {Sql.Literal(p)}"));
}

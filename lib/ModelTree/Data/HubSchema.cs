namespace ModelTree.Data;

/// <summary>
/// The hub-stats <c>models</c> table as this workbook sees it: one row per model, the column names
/// of the published parquet, and the DuckDB types every data source is brought to. The generator
/// writes exactly these types; the opener checks a file against them.
/// </summary>
public static class HubSchema
{
    /// <summary>The type of <c>baseModels</c>: the bases a user tagged and the relation the Hub inferred.</summary>
    public const string BaseModelsType = "STRUCT(models STRUCT(_id VARCHAR, id VARCHAR)[], relation VARCHAR)";

    /// <summary>The type of <c>siblings</c>: the repository's file list.</summary>
    public const string SiblingsType = "STRUCT(rfilename VARCHAR)[]";

    /// <summary>The type of <c>safetensors</c>: parameter counts by dtype and in total.</summary>
    public const string SafetensorsType = "STRUCT(parameters MAP(VARCHAR, BIGINT), total BIGINT)";

    /// <summary>The type of <c>gguf</c>: the summary the Hub reads from a GGUF file's header.</summary>
    public const string GgufType = "STRUCT(total BIGINT, architecture VARCHAR, context_length BIGINT)";

    /// <summary>The type of <c>transformersInfo</c>.</summary>
    public const string TransformersInfoType =
        "STRUCT(auto_model VARCHAR, custom_class VARCHAR, pipeline_tag VARCHAR, processor VARCHAR)";

    /// <summary>Every column, in table order, with its canonical DuckDB type.</summary>
    public static IReadOnlyList<(string Name, string Type)> Columns { get; } =
    [
        ("id", "VARCHAR"),
        ("author", "VARCHAR"),
        ("createdAt", "TIMESTAMP"),
        ("lastModified", "TIMESTAMP"),
        ("downloads", "BIGINT"),
        ("downloadsAllTime", "BIGINT"),
        ("likes", "BIGINT"),
        ("trendingScore", "DOUBLE"),
        ("library_name", "VARCHAR"),
        ("pipeline_tag", "VARCHAR"),
        ("tags", "VARCHAR[]"),
        ("gated", "VARCHAR"),
        ("cardData", "VARCHAR"),
        ("siblings", SiblingsType),
        ("baseModels", BaseModelsType),
        ("safetensors", SafetensorsType),
        ("gguf", GgufType),
        ("transformersInfo", TransformersInfoType),
    ];
}

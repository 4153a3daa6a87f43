namespace ModelTree.Data;

/// <summary>
/// Brings the columns a file has to the canonical <see cref="HubSchema"/> types: one SELECT list that
/// the <c>models</c> view is built from, and the problems found on the way.
/// </summary>
internal static class SchemaAdapter
{
    /// <summary>Columns without which nothing in the study works.</summary>
    private static readonly HashSet<string> Required = ["id", "tags", "siblings"];

    /// <summary>Columns whose nested shape the study's queries rely on: a different shape is an error, not a note.</summary>
    private static readonly HashSet<string> ShapeMatters = ["tags", "siblings", "baseModels"];

    /// <summary>Columns no figure of the workbook reads: their absence is a note, not a warning every command repeats.</summary>
    private static readonly HashSet<string> Unused = ["trendingScore", "downloadsAllTime"];

    private static readonly HashSet<string> Scalars =
        ["VARCHAR", "BIGINT", "INTEGER", "HUGEINT", "UBIGINT", "UINTEGER", "SMALLINT", "DOUBLE", "FLOAT", "BOOLEAN",
         "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S", "DATE", "JSON", "DECIMAL"];

    public static (string SelectList, List<SchemaProblem> Problems) Adapt(
        string source, IReadOnlyDictionary<string, string> found)
    {
        var file = Path.GetFileName(source);
        var select = new List<string>();
        var problems = new List<SchemaProblem>();
        foreach (var (name, type) in HubSchema.Columns)
        {
            var quoted = Sql.Identifier(name);
            if (!found.TryGetValue(name, out var actual))
            {
                var severity = Required.Contains(name) ? Severity.Error : Unused.Contains(name) ? Severity.Info : Severity.Warning;
                problems.Add(new(name, severity, MissingMessage(file, name)));
                select.Add($"NULL::{type} AS {quoted}");
            }
            else if (SameType(actual, type))
            {
                select.Add(quoted);
            }
            else if (name == "cardData")
            {
                // hub-stats stores the card's front matter as JSON text; other dumps keep it as an object.
                select.Add(actual is "VARCHAR" ? quoted : $"to_json({quoted})::VARCHAR AS {quoted}");
                if (actual is not ("VARCHAR" or "JSON"))
                {
                    problems.Add(new(name, Severity.Info, $"stored as {actual}; converted to JSON text."));
                }
            }
            else if (IsScalar(actual) && IsScalar(type))
            {
                select.Add($"TRY_CAST({quoted} AS {type}) AS {quoted}");
                problems.Add(new(name, Severity.Info, $"stored as {actual}; read as {type} (values that do not convert become NULL)."));
            }
            else if (ShapeMatters.Contains(name))
            {
                problems.Add(new(name, Severity.Error,
                    $"{file} has column {name} as {actual}, but the study's queries need {type}. " +
                    "Use a hub-stats models.parquet (or convert the column to that shape)."));
                select.Add($"NULL::{type} AS {quoted}");
            }
            else
            {
                select.Add(quoted);
                problems.Add(new(name, Severity.Info, $"has its own shape ({actual}); passed through as is (the study does not use it)."));
            }
        }

        foreach (var extra in found.Keys.Where(k => HubSchema.Columns.All(c => c.Name != k)))
        {
            select.Add(Sql.Identifier(extra));
        }

        problems.Sort((a, b) => b.Severity.CompareTo(a.Severity));
        return (string.Join(", ", select), problems);
    }

    private static string MissingMessage(string file, string column) => column switch
    {
        "baseModels" =>
            $"{file} has no baseModels column: it predates 2025-07-25, when hub-stats added it. " +
            "Relation labels (finetune/adapter/quantized/merge) are unknown in this snapshot; fetch a newer one for the study's figures.",
        "cardData" => $"{file} has no cardData column: card fields (base_model, library_name, base_model_relation) read as missing.",
        _ when Required.Contains(column) => $"{file} has no {column} column, which the workbook cannot do without.",
        _ when Unused.Contains(column) => $"{file} has no {column} column; it reads as NULL (no figure of the workbook uses it).",
        _ => $"{file} has no {column} column; it reads as NULL.",
    };

    private static bool SameType(string actual, string expected) =>
        Normalize(actual) == Normalize(expected);

    private static string Normalize(string type) => type.Replace("\"", "").Replace(" ", "").ToUpperInvariant();

    private static bool IsScalar(string type) =>
        Scalars.Contains(type) || type.StartsWith("DECIMAL", StringComparison.Ordinal);

}

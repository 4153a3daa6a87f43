using System.Globalization;
using DuckDB.NET.Data;
using ModelTree.Records;

namespace ModelTree.Data;

/// <summary>
/// What a file's rows get wrong even when its columns are right: the same id twice, a card that is not JSON, a base id
/// that cannot be a repository. Each is found once, when the data opens, treated one way by every step (notebooks and
/// commands read the same <c>models</c>), and reported as a <see cref="SchemaProblem"/> that says how it was treated.
/// </summary>
internal static class DataChecks
{
    /// <summary>
    /// SQL for "this base id names a repository": what the model graph keeps (<c>ModelGraph</c> drops the rest), so
    /// that classify and explain count the same bases the tree draws. A Hub id has no spaces or colons and is not a
    /// JSON fragment.
    /// </summary>
    internal const string ValidBaseId =
        "(m.id IS NOT NULL AND trim(m.id) <> '' AND NOT contains(m.id, ' ') AND NOT contains(m.id, ':') " +
        "AND NOT starts_with(m.id, '{') AND NOT starts_with(m.id, '['))";

    /// <summary>SQL for "this card cannot be read": not JSON at all, or JSON that is not an object of fields.</summary>
    private static readonly string UnreadableCard = $"(cardData IS NOT NULL AND {CardSql.ObjectOrNull("cardData")} IS NULL)";

    private const string Examples = "3";

    /// <summary>
    /// Counts the three faults on <c>models</c> and, when the data has duplicate ids or invalid base ids, replaces
    /// <c>models</c> by a cleaned table (each id once, the row modified last; invalid base ids removed). Clean data,
    /// the usual case, costs one scan when the data is first opened and nothing after: the counts are a derived table
    /// (<see cref="Table"/>), kept while <paramref name="files"/> are unchanged.
    /// </summary>
    public static IReadOnlyList<SchemaProblem> Apply(DuckDBConnection connection, string source, IReadOnlyList<string> files)
    {
        var file = Path.GetFileName(source);
        DerivedTables.Ensure(connection, files, Table, CountQuery);
        var found = Read(connection);
        var (duplicates, unreadableCards, invalidBases) = (found.Duplicates.Count, found.UnreadableCards.Count, found.InvalidBases.Count);
        var problems = new List<SchemaProblem>();
        if (duplicates > 0)
        {
            problems.Add(new("id", Severity.Warning,
                $"{file}: {Number(duplicates)} id(s) appear on more than one row (e.g. {found.Duplicates.Examples}); " +
                "each is kept once, the row modified last (then the most downloaded), so no model is counted twice."));
        }
        if (invalidBases > 0)
        {
            problems.Add(new("baseModels", Severity.Warning,
                $"{file}: {Number(invalidBases)} base id(s) in baseModels cannot be repository ids (a space, a colon or JSON; " +
                $"e.g. {found.InvalidBases.Examples}); every step ignores them: the tree draws no link, classify and explain do not count them."));
        }
        if (unreadableCards > 0)
        {
            problems.Add(new("cardData", Severity.Warning,
                $"{file}: {Number(unreadableCards)} card(s) are not a JSON object of fields (e.g. the card of {found.UnreadableCards.Examples}); " +
                "their fields (base_model, library_name, base_model_relation, license) read as missing everywhere."));
        }
        if (duplicates > 0 || invalidBases > 0)
        {
            Clean(connection, duplicates > 0, invalidBases > 0);
        }
        return problems;
    }

    /// <summary>
    /// The derived table holding the three counts of the data last opened and up to three examples of each (one row),
    /// so that opening the same files again reads one row instead of scanning the data for examples.
    /// </summary>
    internal const string Table = "data_checks";

    private static readonly string CountQuery = $"""
        SELECT count(id) - count(DISTINCT id) AS duplicates,
               count(*) FILTER (WHERE {UnreadableCard}) AS unreadable_cards,
               coalesce(sum(len(list_filter(baseModels.models, lambda m: m.id IS NOT NULL AND NOT {ValidBaseId}))), 0)::BIGINT AS invalid_bases,
               (SELECT coalesce(list(example), []) FROM ({DuplicateExamples} LIMIT {Examples})) AS duplicate_examples,
               coalesce(min(id, {Examples}) FILTER (WHERE {UnreadableCard}), []) AS unreadable_card_examples,
               (SELECT coalesce(list(example), []) FROM ({InvalidBaseExamples} LIMIT {Examples})) AS invalid_base_examples
        FROM models
        """;

    private const string DuplicateExamples =
        "SELECT id || ' ×' || count(*) AS example FROM models GROUP BY id HAVING count(*) > 1 ORDER BY count(*) DESC, id";

    private const string InvalidBaseExamples =
        $"SELECT DISTINCT '''' || m.id || '''' AS example FROM (SELECT unnest(baseModels.models) AS m FROM models) WHERE m.id IS NOT NULL AND NOT {ValidBaseId} ORDER BY 1";

    /// <summary>How many rows a check found, and the first few of them as the message names them.</summary>
    private readonly record struct Found(long Count, string Examples);

    private static (Found Duplicates, Found UnreadableCards, Found InvalidBases) Read(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT duplicates, unreadable_cards, invalid_bases, duplicate_examples, unreadable_card_examples, invalid_base_examples FROM {Table}";
        using var reader = command.ExecuteReader();
        reader.Read();
        Found At(int count, int examples) =>
            new(reader.GetInt64(count), string.Join(", ", ((System.Collections.IEnumerable)reader.GetValue(examples)).Cast<object>()));
        return (At(0, 3), At(1, 4), At(2, 5));
    }

    private static void Clean(DuckDBConnection connection, bool deduplicate, bool dropInvalidBases)
    {
        var replace = dropInvalidBases
            ? $" REPLACE (CASE WHEN baseModels IS NULL THEN NULL ELSE struct_pack(models := list_filter(baseModels.models, lambda m: {ValidBaseId}), relation := baseModels.relation) END AS baseModels)"
            : "";
        var qualify = deduplicate
            ? " QUALIFY row_number() OVER (PARTITION BY id ORDER BY lastModified DESC NULLS LAST, downloads DESC NULLS LAST) = 1"
            : "";
        DuckDbObjects.Run(connection, "DROP TABLE IF EXISTS models_cleaned");
        DuckDbObjects.Run(connection, $"CREATE TABLE models_cleaned AS SELECT *{replace} FROM models{qualify}");
        DuckDbObjects.Drop(connection, "models");
        DuckDbObjects.Run(connection, "ALTER TABLE models_cleaned RENAME TO models");
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

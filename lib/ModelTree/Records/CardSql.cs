namespace ModelTree.Records;

/// <summary>
/// The card's fields read in SQL, each defined once so that every query (the <c>model_facts</c> table, the graph's
/// links, the ecosystem's missing shares) reads them alike, and alike with <see cref="CardData"/> in C#
/// (a test holds the two equal on the sample and on every real-records file).
/// </summary>
internal static class CardSql
{
    /// <summary>
    /// The names the card gives in <c>base_model</c>, as a <c>VARCHAR[]</c>: one string or a list of strings; items that
    /// are not strings, and empty strings, are dropped; <c>[]</c> (never NULL) when the field is absent or holds
    /// anything else. <paramref name="card"/> is an SQL expression for the card as JSON (NULL when there is none).
    /// Same reading as <see cref="CardData.BaseModels"/>.
    /// </summary>
    public static string BaseModels(string card) => $"""
        CASE json_type({card}, '$.base_model')
          WHEN 'VARCHAR' THEN list_filter([json_extract_string({card}, '$.base_model')], lambda b: b <> '')
          WHEN 'ARRAY' THEN list_filter(
            list_transform(list_filter(json_extract({card}, '$.base_model[*]'), lambda b: json_type(b) = 'VARCHAR'), lambda b: b ->> '$'),
            lambda b: b <> '')
          ELSE []::VARCHAR[]
        END
        """;

    /// <summary>True when the card names at least one base in <c>base_model</c> (<see cref="BaseModels"/> is not empty).</summary>
    public static string NamesBase(string card) => $"(len({BaseModels(card)}) > 0)";
}

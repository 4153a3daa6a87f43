using ModelTree.Data;

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
    public static string BaseModels(string card) => BaseModelsOf($"json_extract({card}, '$.base_model')");

    /// <summary>
    /// <see cref="BaseModels"/> of the card's <c>base_model</c> value already taken out of the card (a JSON value, NULL
    /// when the card has no such field): the card itself is parsed once, by whoever took the value out, and only the
    /// small value is read here.
    /// </summary>
    public static string BaseModelsOf(string value) => $"""
        CASE json_type({value})
          WHEN 'VARCHAR' THEN list_filter([{value} ->> '$'], lambda b: b <> '')
          WHEN 'ARRAY' THEN list_filter(
            list_transform(list_filter(json_extract({value}, '$[*]'), lambda b: json_type(b) = 'VARCHAR'), lambda b: b ->> '$'),
            lambda b: b <> '')
          ELSE []::VARCHAR[]
        END
        """;

    /// <summary>
    /// The card as JSON when <paramref name="cardText"/> is a JSON object, else NULL (no card, text that is not JSON, or
    /// JSON that is not an object of fields). One parse: valid JSON whose first character (after JSON white space) is
    /// <c>{</c> is an object.
    /// </summary>
    public static string ObjectOrNull(string cardText) =>
        $"CASE WHEN json_valid({cardText}) AND starts_with(ltrim({cardText}, ' ' || chr(9) || chr(10) || chr(13)), '{{') THEN {cardText}::JSON END";

    /// <summary>
    /// Several of the card's top-level fields taken out in one parse: a <c>JSON[]</c> holding each field's value in the
    /// order of <paramref name="fields"/> (NULL where the card lacks it). <paramref name="card"/> must be NULL or a JSON object.
    /// </summary>
    public static string Fields(string card, params string[] fields) =>
        $"json_extract({card}, [{string.Join(", ", fields.Select(f => Sql.Literal($"$.\"{f}\"")))}])";

    /// <summary>
    /// True (never NULL) when a <c>base_model</c> value already taken out of the card (<see cref="BaseModelsOf"/>) names
    /// at least one base.
    /// </summary>
    public static string NamesBaseOf(string value) => $"coalesce(len({BaseModelsOf(value)}) > 0, false)";
}

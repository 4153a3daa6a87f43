using ModelTree.Data;
using ModelTree.Records;

namespace ModelTree.Rules;

/// <summary>
/// The card fields a compiled rule set reads, taken out of each model's card once: one parse of the card per row into
/// the column <see cref="Column"/> (a <c>JSON[]</c>, one value per field, NULL where the card lacks it), which every card
/// condition of the set then reads. Written out per condition, the gate, the declared relation and each card test
/// parsed the whole card again in the label, the deciding rule and the matched list alike. The meanings are those of
/// the per-condition forms in <see cref="RuleSql"/> and of <see cref="RuleEvaluator"/> (tests hold all three equal).
/// </summary>
internal sealed class RuleCard(IEnumerable<string> fields)
{
    private readonly List<string> _fields = fields.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The card fields of <paramref name="sets"/> (their card conditions, and the declared relation), in order of first use.</summary>
    public static RuleCard Of(params RuleSet[] sets) =>
        new(sets.SelectMany(s => s.Rules.SelectMany(r => r.Yields == Rule.DeclaredRelation ? [r.When, new DeclaredCondition()] : new[] { r.When })
            .Prepend(s.RelationExistsWhen)).SelectMany(Fields));

    /// <summary>The column of <see cref="CompiledRules.From"/> that holds the card's fields.</summary>
    public const string Column = "rule_card";

    /// <summary>The card field a declared relation is read from.</summary>
    public const string DeclaredField = "base_model_relation";

    /// <summary>True when the sets read no card field (then there is no <see cref="Column"/>).</summary>
    public bool IsEmpty => _fields.Count == 0;

    /// <summary>The select-list item that makes <see cref="Column"/> from <c>cardData</c> (NULL when the card is not a JSON object).</summary>
    public string Select(string card = "cardData") => $"{CardSql.Fields(CardSql.ObjectOrNull(card), [.. _fields])} AS {Column}";

    /// <summary>The JSON value of <paramref name="field"/> (one of the sets' fields) in <see cref="Column"/>.</summary>
    /// <exception cref="ArgumentException">The field is not one of the sets' fields.</exception>
    public string Value(string field)
    {
        var index = _fields.IndexOf(field);
        return index >= 0 ? $"{Column}[{index + 1}]" : throw new ArgumentException($"The card field '{field}' is not among {string.Join(", ", _fields)}.", nameof(field));
    }

    /// <summary>True when the field is there with a value that is not null, "" or [].</summary>
    public static string Has(string value) => $"coalesce({value}::VARCHAR NOT IN ('null', '\"\"', '[]'), false)";

    /// <summary>True when the field, or a string item of it, equals <paramref name="normalized"/> once trimmed and lower-cased.</summary>
    public static string EqualTo(string value, string normalized) =>
        $"coalesce(CASE json_type({value}) WHEN 'VARCHAR' THEN lower(trim({value} ->> '$')) = {Sql.Literal(normalized)} " +
        $"WHEN 'ARRAY' THEN list_contains(list_transform(list_filter(json_extract({value}, '$[*]'), lambda x: json_type(x) = 'VARCHAR'), " +
        $"lambda x: lower(trim(x ->> '$'))), {Sql.Literal(normalized)}) ELSE false END, false)";

    /// <summary>The field's text, trimmed and lower-cased (a non-string value reads as its JSON text).</summary>
    public static string Text(string value) => $"lower(trim({value} ->> '$'))";

    private static IEnumerable<string> Fields(Condition condition) => condition switch
    {
        AllCondition all => all.Conditions.SelectMany(Fields),
        AnyCondition any => any.Conditions.SelectMany(Fields),
        NotCondition not => Fields(not.Condition),
        CardCondition card => [card.Field],
        DeclaredCondition => [DeclaredField],
        _ => [],
    };
}

using System.Text;
using ModelTree.Data;
using ModelTree.Records;

namespace ModelTree.Rules;

/// <summary>
/// Compiles a rule set to DuckDB SQL over <c>models</c> (see <see cref="CompiledRules"/>). Every
/// condition compiles to a boolean that is never NULL (a NULL <c>tags</c>, <c>siblings</c>,
/// <c>baseModels</c> or <c>cardData</c>, or card text that is not JSON, reads as empty), so
/// <c>not</c> means what it says; the semantics are those of <see cref="RuleEvaluator"/>.
/// </summary>
public static class RuleSql
{
    private const string Card = "cardData";

    /// <summary>The card field that names the base(s), read as <see cref="CardData.BaseModels"/> reads it.</summary>
    internal const string CardBaseField = "base_model";

    /// <summary>
    /// The declared relation when it is one of the four, else NULL. No type check needed: a value that
    /// is not a JSON string reads as JSON text (<c>["finetune"]</c>, <c>1</c>), never as a relation name.
    /// </summary>
    private static readonly string DeclaredText =
        $"(CASE WHEN json_valid({Card}) THEN lower(trim(json_extract_string({Card}, '$.base_model_relation'))) END)";

    private static readonly string Declared = DeclaredOf(DeclaredText);

    private static string DeclaredOf(string text) => $"(CASE WHEN {text} IN ({List(Relations.Known)}) THEN {text} END)";

    /// <summary>The column of <see cref="CompiledRules.From"/> that holds the file tests' bits.</summary>
    private const string FileBits = "rule_file_bits";

    /// <summary>Compiles the set (validating it first). Select its expressions <c>FROM</c> its <see cref="CompiledRules.From"/>.</summary>
    /// <exception cref="ModelTreeException">The set is not valid.</exception>
    public static CompiledRules Compile(RuleSet rules) => CompileTogether(rules)[0];

    /// <summary>
    /// Compiles several sets over one row source, so one query can hold them all (a comparison of two sets): every
    /// set's <see cref="CompiledRules.From"/> is the same. The file tests of all the sets are asked in one pass over
    /// each file list (<see cref="FileFacts"/>: names lower-cased once, a bit per distinct test), not once per test
    /// and mention: a set's file tests appear in its label, deciding rule, contested flag and matched rules alike.
    /// </summary>
    /// <exception cref="ModelTreeException">A set is not valid.</exception>
    public static IReadOnlyList<CompiledRules> CompileTogether(params RuleSet[] sets)
    {
        foreach (var set in sets)
        {
            set.Validated();
        }
        var files = FileTestsOf(sets);
        var card = RuleCard.Of(sets);
        var cardItem = card.IsEmpty ? "" : $", {card.Select()}";
        if (files.Count == 0 || files.Count > FileFacts.MaxTests)
        {
            var plain = card.IsEmpty ? "models" : $"(SELECT *{cardItem} FROM models) AS models";
            return sets.Select(s => Compile(s, c => ConditionOver(c, null, card), plain, card)).ToList();
        }
        var from = $"(SELECT *, {Facts(files).Bits()} AS {FileBits}{cardItem} FROM models) AS models";
        var bit = BitOf(files);
        return sets.Select(s => Compile(s, c => ConditionOver(c, f => bit[f], card), from, card)).ToList();
    }

    /// <summary>The distinct file tests of <paramref name="sets"/>, in the order they first appear.</summary>
    internal static IReadOnlyList<FileCondition> FileTestsOf(params RuleSet[] sets) =>
        sets.SelectMany(s => s.Rules.Select(r => r.When).Prepend(s.RelationExistsWhen)).SelectMany(FileConditions).Distinct().ToList();

    /// <summary>
    /// The query of a table holding what rule sets ask of each model beforehand: its id, the bits of
    /// <paramref name="tests"/> (at most <see cref="FileFacts.MaxTests"/>) and the card fields of <paramref name="card"/>
    /// (none when it is empty), for <see cref="CompileOverInputs"/>.
    /// </summary>
    internal static string InputsQuery(IReadOnlyList<FileCondition> tests, RuleCard card) =>
        $"SELECT id, {Facts(tests).Bits()} AS {FileBits}{(card.IsEmpty ? "" : $", {card.Select()}")} FROM models";

    /// <summary>
    /// Compiles <paramref name="rules"/> over a stored table of <see cref="InputsQuery"/> for <paramref name="tests"/> and
    /// <paramref name="card"/> (which must hold every file test and card field of the set), joined to <c>models</c> by
    /// id: the set's labels then read the stored bits and card fields instead of walking every file list and parsing
    /// every card again.
    /// </summary>
    internal static CompiledRules CompileOverInputs(RuleSet rules, IReadOnlyList<FileCondition> tests, RuleCard card, string inputsTable)
    {
        rules.Validated();
        var bit = BitOf(tests);
        var cardItem = card.IsEmpty ? "" : $", b.{RuleCard.Column}";
        var from = $"(SELECT models.*, b.{FileBits}{cardItem} FROM models LEFT JOIN {Sql.Identifier(inputsTable)} b ON b.id = models.id) AS models";
        return Compile(rules, c => ConditionOver(c, f => bit[f], card), from, card);
    }

    private static FileFacts Facts(IReadOnlyList<FileCondition> tests) =>
        new(tests.Select((f, i) => new FileTest($"f{i}", f.Patterns)));

    /// <summary>Each of <paramref name="tests"/> as its bit of the <see cref="FileBits"/> column.</summary>
    private static Dictionary<FileCondition, string> BitOf(IReadOnlyList<FileCondition> tests)
    {
        var facts = Facts(tests);
        return tests.Select((f, i) => (f, Sql: facts.Has($"f{i}", FileBits))).ToDictionary(x => x.f, x => x.Sql);
    }

    private static IEnumerable<FileCondition> FileConditions(Condition condition) => condition switch
    {
        AllCondition all => all.Conditions.SelectMany(FileConditions),
        AnyCondition any => any.Conditions.SelectMany(FileConditions),
        NotCondition not => FileConditions(not.Condition),
        FileCondition files => [files],
        _ => [],
    };

    private static CompiledRules Compile(RuleSet rules, Func<Condition, string> ask, string from, RuleCard card)
    {
        string DeclaredRelation() => card.IsEmpty ? Declared : DeclaredOf(RuleCard.Text(card.Value(RuleCard.DeclaredField)));
        var gate = ask(rules.RelationExistsWhen);
        var compiled = rules.Rules.Select(r => new CompiledRule(
            r,
            r.Yields == Rule.DeclaredRelation ? $"({ask(r.When)} AND {DeclaredRelation()} IS NOT NULL)" : ask(r.When),
            r.Yields == Rule.DeclaredRelation ? DeclaredRelation() : Sql.Literal(r.Yields),
            RuleEvaluator.LevelOf(rules, r.Yields))).ToList();

        var label = new StringBuilder($"CASE WHEN NOT {gate} THEN {Sql.Literal(Labels.None)}");
        var firing = new StringBuilder($"CASE WHEN NOT {gate} THEN {Sql.Literal(RuleEvaluator.NoBase)}");
        foreach (var level in compiled.GroupBy(c => c.Level).OrderBy(g => g.Key))
        {
            var members = level.ToList();
            if (members.Select(m => m.Rule.Yields).Distinct().Count() == 1)
            {
                // One relation (or declared) on this level: the first match decides.
                label.Append($" WHEN {string.Join(" OR ", members.Select(m => m.Match))} THEN {members[0].Relation}");
            }
            else
            {
                var yielded = $"list_distinct([{string.Join(", ", members.Select(m => $"CASE WHEN {m.Match} THEN {m.Relation} END"))}])";
                label.Append($" WHEN len({yielded}) >= 2 THEN {Sql.Literal(Labels.Ambiguous)} WHEN len({yielded}) = 1 THEN {yielded}[1]");
            }
            foreach (var member in members)
            {
                firing.Append($" WHEN {member.Match} THEN {Sql.Literal(member.Rule.Name)}");
            }
        }
        label.Append($" ELSE {Sql.Literal(rules.Otherwise ?? Labels.None)} END");
        firing.Append($" ELSE {Sql.Literal(RuleEvaluator.Otherwise)} END");

        var all = compiled.Count == 0
            ? "[]::VARCHAR[]"
            : $"[{string.Join(", ", compiled.Select(c => $"CASE WHEN {c.Match} THEN {c.Relation} END"))}]";
        var contested = compiled.Count == 0 ? "false" : $"({gate} AND len(list_distinct({all})) >= 2)";
        var matched = compiled.Count == 0
            ? "[]::VARCHAR[]"
            : $"list_filter([{string.Join(", ", compiled.Select(c => $"CASE WHEN {c.Match} THEN {Sql.Literal(c.Rule.Name)} END"))}], lambda x: x IS NOT NULL)";

        return new CompiledRules(rules, $"({label})", $"({firing})", contested, matched, gate)
        {
            From = from,
            PerRule = compiled.Select(c => (c.Rule.Name, c.Match, c.Relation)).ToList(),
        };
    }

    /// <summary>One condition as a SQL boolean that is never NULL.</summary>
    public static string Condition(Condition condition) => ConditionOver(condition, null, null);

    /// <summary>
    /// One condition as a SQL boolean that is never NULL; file tests through <paramref name="fileTest"/> and card fields
    /// from <paramref name="card"/>'s column when given (else each reads <c>siblings</c> or parses <c>cardData</c> itself).
    /// </summary>
    private static string ConditionOver(Condition condition, Func<FileCondition, string>? fileTest, RuleCard? card) => condition switch
    {
        AllCondition all => "(" + string.Join(" AND ", all.Conditions.Select(c => ConditionOver(c, fileTest, card))) + ")",
        AnyCondition any => "(" + string.Join(" OR ", any.Conditions.Select(c => ConditionOver(c, fileTest, card))) + ")",
        NotCondition not => $"(NOT {ConditionOver(not.Condition, fileTest, card)})",
        FileCondition file when fileTest is not null => fileTest(file),
        CardCondition { EqualTo: null, Field: CardBaseField } when card is { IsEmpty: false } => CardSql.NamesBaseOf(card.Value(CardBaseField)),
        CardCondition { EqualTo: null } c when card is { IsEmpty: false } => RuleCard.Has(card.Value(c.Field)),
        CardCondition c when card is { IsEmpty: false } => RuleCard.EqualTo(card.Value(c.Field), RuleEvaluator.Normalize(c.EqualTo!)),
        DeclaredCondition when card is { IsEmpty: false } => $"({DeclaredOf(RuleCard.Text(card.Value(RuleCard.DeclaredField)))} IS NOT NULL)",
        // list_contains per tag is several times faster than list_has_any in DuckDB 1.5.
        TagCondition tags => "coalesce(" + string.Join(" OR ", tags.AnyOf.Select(t => $"list_contains(tags, {Sql.Literal(t)})")) + ", false)",
        FileCondition files => Files(files.Patterns),
        // The card naming a base has one meaning everywhere (CardSql.BaseModels, CardData.BaseModels).
        CardCondition { EqualTo: null, Field: CardBaseField } =>
            CardSql.NamesBaseOf($"json_extract({CardSql.ObjectOrNull(Card)}, '$.base_model')"),
        CardCondition { EqualTo: null } has => CardHas(has.Field),
        CardCondition equal => CardEquals(equal.Field, RuleEvaluator.Normalize(equal.EqualTo!)),
        LibraryCondition library =>
            $"coalesce(lower(library_name) IN ({List(library.Libraries.Select(l => l.ToLowerInvariant()))}), false)",
        BaseCountCondition bases =>
            $"(coalesce(len(list_filter(baseModels.models, lambda m: m.id IS NOT NULL)), 0) {bases.Comparison.Symbol()} {bases.Count})",
        DeclaredCondition => $"({Declared} IS NOT NULL)",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "unknown condition kind"),
    };

    /// <summary>
    /// Patterns DuckDB matches fast (a fixed prefix, suffix or infix: no <c>_</c>, <c>%</c> only at the
    /// ends) run per file with LIKE. Others become one RE2 expression over the lower-cased names joined
    /// by newlines (<c>%</c> to <c>.*</c>, <c>_</c> to <c>.</c>, each anchored to a line), which is
    /// the same test as long as no file name holds a newline, and cheaper than a generic LIKE per file.
    /// </summary>
    private static string Files(IReadOnlyList<string> patterns)
    {
        // A pattern of only % would also match the empty text of a list without names: keep those per file.
        if (patterns.All(IsSimple) || patterns.Any(p => p.Trim('%').Length == 0))
        {
            return $"coalesce(len(list_filter(siblings, lambda s: {string.Join(" OR ", patterns.Select(p => $"lower(s.rfilename) LIKE {Sql.Literal(p)}"))})) > 0, false)";
        }
        var regex = "(?m)^(?:" + string.Join("|", patterns.Select(ToRegex)) + ")$";
        return $"coalesce(len(siblings) > 0 AND regexp_matches(lower(array_to_string(list_transform(siblings, lambda s: s.rfilename), chr(10))), {Sql.Literal(regex)}), false)";
    }

    private static bool IsSimple(string pattern)
    {
        var inner = pattern.Trim('%');
        return inner.Length > 0 && !inner.Contains('%') && !inner.Contains('_');
    }

    private static string ToRegex(string likePattern)
    {
        var regex = new StringBuilder();
        foreach (var rune in likePattern.EnumerateRunes())
        {
            regex.Append(rune.Value switch
            {
                '%' => ".*",
                '_' => ".",
                var c when c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '/' => rune.ToString(),
                var c => "\\x{" + c.ToString("x") + "}",
            });
        }
        return regex.ToString();
    }

    // json_extract gives the value as minified JSON text: one parse, and empty values have one spelling each.
    private static string CardHas(string field) =>
        $"coalesce(CASE WHEN json_valid({Card}) THEN json_extract({Card}, {Sql.Literal($"$.\"{field}\"")})::VARCHAR NOT IN ('null', '\"\"', '[]') END, false)";

    private static string CardEquals(string field, string value)
    {
        var path = Sql.Literal($"$.\"{field}\"");
        var items = Sql.Literal($"$.\"{field}\"[*]");
        return $"coalesce(CASE WHEN json_valid({Card}) THEN CASE json_type({Card}, {path}) " +
               $"WHEN 'VARCHAR' THEN lower(trim(json_extract_string({Card}, {path}))) = {Sql.Literal(value)} " +
               $"WHEN 'ARRAY' THEN list_contains(list_transform(list_filter(json_extract({Card}, {items}), lambda x: json_type(x) = 'VARCHAR'), " +
               $"lambda x: lower(trim(json_extract_string(x, '$')))), {Sql.Literal(value)}) " +
               "ELSE false END END, false)";
    }

    private static string List(IEnumerable<string> items) => string.Join(", ", items.Select(Sql.Literal));

    private sealed record CompiledRule(Rule Rule, string Match, string Relation, int Level);
}

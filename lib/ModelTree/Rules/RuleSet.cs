using Microsoft.Data.Analysis;
using ModelTree.Rules;

namespace ModelTree;

/// <summary>
/// An editable relation classifier, as plain data.
/// <list type="number">
/// <item>No relation unless <see cref="RelationExistsWhen"/> holds (a base is present): the label is <c>none</c>.</item>
/// <item>Every rule in <see cref="Rules"/> is checked; each that holds yields its relation.</item>
/// <item><see cref="Precedence"/> is a list of levels, highest first; a level holds one or more
/// relations (or <see cref="Rule.DeclaredRelation"/>). The label is the relation yielded at the
/// highest level that has a matching rule. If rules at that level yield two different relations,
/// precedence does not settle it and the label is <see cref="Labels.Ambiguous"/>: reported, never
/// resolved silently. (With one relation per level, as in the default, nothing is ambiguous; put two
/// relations on one level to say "the study does not order these".)</item>
/// <item>When no rule matches, the label is <see cref="Otherwise"/> (<c>finetune</c> by default; null means <c>none</c>).</item>
/// </list>
/// The order of <see cref="Rules"/> is the reading order and decides which rule is named as the one
/// that fired when several rules at the winning level match; it never changes the label.
/// </summary>
public sealed record RuleSet
{
    /// <summary>A short name, shown in comparisons.</summary>
    public required string Name { get; init; }

    /// <summary>What the set is, in a sentence or two (optional).</summary>
    public string? Description { get; init; }

    /// <summary>The gate: a model has a relation only when this holds.</summary>
    public required Condition RelationExistsWhen { get; init; }

    /// <summary>The rules, in reading order.</summary>
    public required ValueList<Rule> Rules { get; init; }

    /// <summary>Levels of precedence, highest first; each a list of one or more relations.</summary>
    public required ValueList<ValueList<string>> Precedence { get; init; }

    /// <summary>The label when the gate holds and no rule matches; null for <c>none</c>.</summary>
    public string? Otherwise { get; init; }

    /// <summary>The default: the rules refitted on real Hub records, April 2025 (see <see cref="RefitRules"/>).</summary>
    public static RuleSet Default => RefitRules.Create();

    /// <summary>The study's own rules plus "declared relation wins", named <c>study-2026</c> (see <see cref="StudyRules"/>).</summary>
    public static RuleSet Study => StudyRules.Create();

    /// <summary>The names <see cref="Named"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = [RefitRules.Name, StudyRules.Name, "default"];

    /// <summary>A built-in set by name (<c>refit-2025-04</c> or <c>default</c>, <c>study-2026</c>; case-insensitive), or null.</summary>
    public static RuleSet? Named(string name) => name.Trim().ToLowerInvariant() switch
    {
        RefitRules.Name or "default" => Default,
        StudyRules.Name => Study,
        _ => null,
    };

    /// <summary>The rule with this name (case-insensitive).</summary>
    /// <exception cref="ModelTreeException">No rule has that name.</exception>
    public Rule this[string name] =>
        Rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ModelTreeException(
            $"Rule set '{Name}' has no rule named '{name}'. Its rules: {string.Join(", ", Rules.Select(r => $"'{r.Name}'"))}.");

    /// <summary>A copy without the named rules.</summary>
    public RuleSet Without(params string[] names)
    {
        foreach (var name in names)
        {
            _ = this[name];
        }
        return this with { Rules = Rules.Where(r => !names.Contains(r.Name, StringComparer.OrdinalIgnoreCase)).ToValueList() };
    }

    /// <summary>A copy with the named rule replaced (same place in the list).</summary>
    public RuleSet With(string name, Rule replacement)
    {
        var old = this[name];
        return this with { Rules = Rules.Select(r => ReferenceEquals(r, old) ? replacement : r).ToValueList() };
    }

    /// <summary>A copy with a rule added at the end.</summary>
    public RuleSet Adding(Rule rule) => this with { Rules = Rules.Append(rule).ToValueList() };

    /// <summary>A copy with this precedence; each argument a level: one relation, or several joined by <c>|</c> (<c>"adapter|quantized"</c>).</summary>
    public RuleSet WithPrecedence(params string[] levels) =>
        this with { Precedence = levels.Select(l => l.Split('|', StringSplitOptions.TrimEntries).ToValueList()).ToValueList() };

    /// <summary>The precedence as text: <c>declared &gt; merge &gt; adapter | quantized &gt; finetune</c>.</summary>
    public string PrecedenceText => string.Join(" > ", Precedence.Select(level => string.Join(" | ", level)));

    /// <summary>Problems that make the set unusable; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems() => RuleSetValidator.Problems(this);

    /// <summary>Compiles the set (validating it first) to one DuckDB expression per output; as <c>RuleSql.Compile</c> does.</summary>
    /// <exception cref="ModelTreeException">The set is not valid.</exception>
    public CompiledRules Compile() => RuleSql.Compile(this);

    /// <summary>Classifies one model in C# and explains the label; see <see cref="RuleEvaluator.Evaluate"/>.</summary>
    public Verdict Evaluate(Records.ModelRecord model) => RuleEvaluator.Evaluate(this, model);

    /// <summary>Throws when <see cref="Problems"/> finds any.</summary>
    /// <exception cref="ModelTreeException">The set is not valid; the message names each rule at fault.</exception>
    public RuleSet Validated(string? source = null)
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ModelTreeException(
                $"{source ?? $"Rule set '{Name}'"} is not a valid rule set:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }
        return this;
    }

    /// <summary>The rules as a table: name, condition in words, relation, level of precedence (1 = highest).</summary>
    public DataFrame ToFrame() => new(
        new StringDataFrameColumn("rule", Rules.Select(r => r.Name)),
        new StringDataFrameColumn("when", Rules.Select(r => r.When.ToString())),
        new StringDataFrameColumn("yields", Rules.Select(r => r.Yields)),
        new Int64DataFrameColumn("level", Rules.Select(r => (long)RuleEvaluator.LevelOf(this, r.Yields) + 1)));

    public override string ToString() => $"{Name}: {Rules.Count} rules, {PrecedenceText}, otherwise {Otherwise ?? Labels.None}";
}

using Microsoft.Data.Analysis;
using ModelTree.Data;
using ModelTree.Rules;

namespace ModelTree;

/// <summary>Measures each rule of a set on a table, in one scan: see <see cref="RuleEffect"/>.</summary>
public static class RuleEffects
{
    /// <summary>One <see cref="RuleEffect"/> per rule, in rule order, then the <c>otherwise</c> fallback.</summary>
    public static IReadOnlyList<RuleEffect> Effects(this HubData hub, RuleSet? rules = null)
    {
        rules ??= RuleSet.Default;
        var sql = rules.Compile();
        const string label = "baseModels.relation";
        var parts = new List<string>();
        foreach (var (rule, match, relation) in sql.PerRule)
        {
            var name = Sql.Literal(rule);
            parts.Add($"count(*) FILTER ({sql.HasBase} AND {match})");
            parts.Add($"count(*) FILTER ({sql.HasBase} AND {match} AND {label} = {relation})");
            parts.Add($"count(*) FILTER (firing = {name})");
            parts.Add($"count(*) FILTER (firing = {name} AND {label} = {relation})");
            parts.Add($"count(*) FILTER ({label} IS NOT NULL AND {label} = {relation})");
        }
        var fallback = Sql.Literal(rules.Otherwise ?? "none");
        parts.Add($"count(*) FILTER (firing = 'otherwise')");
        parts.Add($"count(*) FILTER (firing = 'otherwise' AND {label} = {fallback})");
        parts.Add($"count(*) FILTER ({label} = {fallback})");

        var effects = new List<RuleEffect>();
        using var reader = hub.Reader($"SELECT {string.Join(", ", parts)} FROM (SELECT *, {sql.FiringRule} AS firing FROM {sql.From})");
        reader.Read();
        var i = 0;
        foreach (var rule in rules.Rules)
        {
            effects.Add(new RuleEffect(rule.Name, rule.Yields, reader.GetInt64(i), reader.GetInt64(i + 1), reader.GetInt64(i + 2),
                reader.GetInt64(i + 3), reader.GetInt64(i + 4)));
            i += 5;
        }
        effects.Add(new RuleEffect(RuleEvaluator.Otherwise, rules.Otherwise ?? "none", reader.GetInt64(i), reader.GetInt64(i + 1),
            reader.GetInt64(i), reader.GetInt64(i + 1), reader.GetInt64(i + 2)));
        return effects;
    }

    /// <summary><see cref="Effects"/> as a table, labelled with the data it was measured on.</summary>
    public static DataFrame EffectsFrame(this HubData hub, RuleSet? rules = null)
    {
        var effects = hub.Effects(rules);
        return new DataFrame(
            new StringDataFrameColumn("rule", effects.Select(e => e.Rule)),
            new StringDataFrameColumn("yields", effects.Select(e => e.Yields)),
            new Int64DataFrameColumn("matches", effects.Select(e => e.Matched)),
            new Int64DataFrameColumn("Hub agrees", effects.Select(e => e.MatchedRight)),
            new Int64DataFrameColumn("decides", effects.Select(e => e.Decided)),
            new Int64DataFrameColumn("decides wrongly", effects.Select(e => e.DecidedWrong)),
            new StringDataFrameColumn($"share of the Hub's label it explains ({hub.DataLabel})",
                effects.Select(e => e.Explains is { } x ? $"{x:0.0%} ({e.DecidedRight:N0} of {e.HubLabelled:N0})" : "no such label here")));
    }
}

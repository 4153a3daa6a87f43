using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Data.Analysis;
using ModelTree.Data;
using ModelTree.Rules;

namespace ModelTree;

/// <summary>Runs rule sets over an opened dataset: classify and score, explain one model, list disagreements, compare two sets.</summary>
public static class RuleRunner
{
    private const string Hub = CompiledRules.HubLabel;

    /// <summary>Classifies every model in one scan and scores the result against the Hub's label.</summary>
    public static Classification Classify(this HubData hub, RuleSet? rules = null)
    {
        // Scoring compares with the Hub's label, which only baseModels carries: without it every precision would be 0.
        hub.Schema.Require("baseModels");
        rules ??= RuleSet.Default;
        var labels = Labels(hub, rules);
        var groups = new List<LabelGroup>();
        using var reader = hub.Reader($"SELECT hub, predicted, rule, contested, count(*) AS n FROM {labels} GROUP BY ALL");
        while (reader.Read())
        {
            groups.Add(new LabelGroup(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetInt64(4)));
        }
        return Classification.From(rules.Name, groups) with { DataLabel = hub.DataLabel };
    }

    /// <summary>Why one model gets its label (the C# evaluator, with evidence).</summary>
    /// <exception cref="ModelTreeException">The data has no model with that id.</exception>
    public static Verdict Explain(this HubData hub, string id, RuleSet? rules = null)
    {
        var model = hub.Find(id) ?? throw new ModelTreeException(
            $"No model '{id}' in {hub.Description} (ids match ignoring case, as on the Hub)." +
            ModelIds.DidYouMean(ModelIds.Closest(hub, id)));
        return (rules ?? RuleSet.Default).Evaluate(model);
    }

    /// <summary>Models where the prediction differs from the Hub's label, most downloaded first.</summary>
    public static IReadOnlyList<Disagreement> Disagreements(this HubData hub, RuleSet? rules = null, int limit = 20)
    {
        var labels = Labels(hub, rules ?? RuleSet.Default);
        var list = new List<Disagreement>();
        using var reader = hub.Reader(
            $"SELECT id, hub, predicted, rule, matched FROM {labels} WHERE hub <> predicted ORDER BY downloads DESC NULLS LAST, id LIMIT {limit}");
        while (reader.Read())
        {
            list.Add(new Disagreement(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                ((IEnumerable)reader.GetValue(4)).OfType<string>().ToList()));
        }
        return list;
    }

    /// <summary><see cref="Disagreements"/> as a table.</summary>
    public static DataFrame DisagreementsFrame(this HubData hub, RuleSet? rules = null, int limit = 20)
    {
        var rows = hub.Disagreements(rules, limit);
        return new DataFrame(
            new StringDataFrameColumn("id", rows.Select(r => r.Id)),
            new StringDataFrameColumn("hub", rows.Select(r => r.Hub)),
            new StringDataFrameColumn("predicted", rows.Select(r => r.Predicted)),
            new StringDataFrameColumn("rule", rows.Select(r => r.Rule)),
            new StringDataFrameColumn("matched rules", rows.Select(r => string.Join(", ", r.MatchedRules))));
    }

    /// <summary>Runs two rule sets in one scan and reports which models change label.</summary>
    public static RuleComparison Compare(this HubData hub, RuleSet before, RuleSet after)
    {
        var groups = new List<(LabelGroup, LabelGroup)>();
        using var reader = hub.Reader(
            "SELECT a.hub, a.predicted, a.rule, a.contested, b.predicted, b.rule, b.contested, count(*) AS n " +
            $"FROM {Labels(hub, before)} a JOIN {Labels(hub, after)} b USING (id) GROUP BY ALL");
        while (reader.Read())
        {
            var hubLabel = reader.GetString(0);
            var n = reader.GetInt64(7);
            groups.Add((
                new LabelGroup(hubLabel, reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), n),
                new LabelGroup(hubLabel, reader.GetString(4), reader.GetString(5), reader.GetBoolean(6), n)));
        }
        var afterName = after.Name == before.Name ? after.Name + " (edited)" : after.Name;
        return RuleComparison.From(before.Name, afterName, groups);
    }

    /// <summary>Models whose label differs between two rule sets, most downloaded first: id, hub, before, after and the deciding rules.</summary>
    public static DataFrame ChangedModels(this HubData hub, RuleSet before, RuleSet after, int limit = 20)
    {
        return hub.Query(
            "SELECT id, a.hub, a.predicted AS before, b.predicted AS after, a.rule AS rule_before, b.rule AS rule_after " +
            $"FROM {Labels(hub, before)} a JOIN {Labels(hub, after)} b USING (id) WHERE a.predicted <> b.predicted " +
            $"ORDER BY a.downloads DESC NULLS LAST, id LIMIT {limit}");
    }

    /// <summary>The derived tables of rule labels a database keeps (the most recently built ones).</summary>
    internal const int KeptLabelTables = 8;

    /// <summary>
    /// The table of every model's label under <paramref name="rules"/> (<c>id, downloads, hub, predicted, rule,
    /// contested, matched</c>), derived once per dataset and rule set (<see cref="DerivedTables"/>, named by a digest of
    /// the compiled SQL): a notebook that asks several questions of one rule set scans the models once, and an edited
    /// set gets a table of its own. The last <see cref="KeptLabelTables"/> are kept. The file tests and card fields of the
    /// built-in sets and of <paramref name="rules"/> are stored too (<c>rule_inputs_</c>, a digest of their query), so an
    /// edited copy of a built-in set reads them, joined by id, instead of walking every file list and parsing every card
    /// again (at 3M rows, a variant's labels: 20 s reading neither, 5.7-6.1 s reading stored bits, 3.3-3.6 s reading
    /// bits and card fields).
    /// </summary>
    internal static string Labels(HubData hub, RuleSet rules)
    {
        // The file tests and card fields are asked once per dataset for every set that needs no others than the built-in
        // sets' (an edited copy of either): a stored table of inputs, joined by id, instead of one walk of every file
        // list and one parse of every card per set.
        var tests = RuleSql.FileTestsOf(RuleSet.Default, RuleSet.Study, rules);
        CompiledRules sql;
        if (tests.Count is > 0 and <= FileFacts.MaxTests)
        {
            var card = RuleCard.Of(RuleSet.Default, RuleSet.Study, rules);
            var inputsQuery = RuleSql.InputsQuery(tests, card);
            var inputs = InputsTablePrefix + DerivedTables.ShortHash(inputsQuery);
            DerivedTables.Ensure(hub, inputs, inputsQuery);
            DerivedTables.Prune(hub, InputsTablePrefix, KeptLabelTables);
            sql = RuleSql.CompileOverInputs(rules, tests, card, inputs);
        }
        else
        {
            sql = rules.Compile();
        }
        var query = $"SELECT id, downloads, {Hub} AS hub, {sql.Label} AS predicted, {sql.FiringRule} AS rule, " +
            $"{sql.Contested} AS contested, {sql.MatchedRules} AS matched FROM {sql.From}";
        var name = LabelTablePrefix + DerivedTables.ShortHash(query);
        DerivedTables.Ensure(hub, name, query);
        DerivedTables.Prune(hub, LabelTablePrefix, KeptLabelTables);
        return name;
    }

    private const string LabelTablePrefix = "rule_labels_";

    private const string InputsTablePrefix = "rule_inputs_";

    /// <summary>
    /// Runs both paths (compiled SQL, C# evaluator) over every model and reports any difference. With
    /// <paramref name="maxRows"/> and a larger table, checks a fixed subset of about that many models
    /// (chosen by a hash of the id, so the same ones each time).
    /// </summary>
    public static CrossCheck CrossCheck(this HubData hub, RuleSet? rules = null, long? maxRows = null)
    {
        rules ??= RuleSet.Default;
        var labels = Labels(hub, rules);
        var total = hub.Count();
        var every = maxRows is { } max && max > 0 && total > max ? (total + max - 1) / max : 1;
        var where = every > 1 ? $"hash(id) % {every} = 0" : "true";
        var fromSql = new Dictionary<string, (string Label, string Rule, string Matched, bool Contested)>();
        using (var reader = hub.Reader(
            $"SELECT id, predicted, rule, matched, contested FROM {labels} WHERE {where}"))
        {
            while (reader.Read())
            {
                fromSql[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2),
                    string.Join(", ", ((IEnumerable)reader.GetValue(3)).OfType<string>()), reader.GetBoolean(4));
            }
        }

        // The records are read in table order on one thread while the others evaluate them (at 3M rows: reading the
        // 200,000 records 5.1 s, evaluating them 2.5 s); the mismatches are put back in table order.
        var mismatches = new ConcurrentBag<(long Row, string Text)>();
        long rows = 0;
        Parallel.ForEach(ModelReader.Where(hub, every > 1 ? where : null), (model, _, row) =>
        {
            Interlocked.Increment(ref rows);
            var verdict = rules.Evaluate(model);
            var mine = (verdict.Label, verdict.FiringRule, string.Join(", ", verdict.Matches.Select(m => m.Rule.Name)), verdict.Contested);
            if (!fromSql.TryGetValue(model.Id, out var theirs))
            {
                mismatches.Add((row, $"{model.Id}: missing from the SQL result"));
            }
            else if (theirs != mine)
            {
                mismatches.Add((row, $"{model.Id}: SQL {theirs}, C# {mine}"));
            }
        });
        return new CrossCheck(rules.Name, rows, mismatches.OrderBy(m => m.Row).Select(m => m.Text).ToList()) { TableRows = total };
    }
}

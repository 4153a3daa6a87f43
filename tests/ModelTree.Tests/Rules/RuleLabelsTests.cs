using ModelTree.Data;
using ModelTree.Rules;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Rules;

/// <summary>
/// A rule set's labels are derived once per dataset into a table of their own: asking again reuses it, an edited set
/// gets another, old ones are pruned, and what the questions answer is what one scan per question answered.
/// </summary>
public sealed class RuleLabelsTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private HubData Open() => HubData.Open(WorkbookPaths.SamplePath, new HubDataOptions { DatabasePath = Path.Combine(_dir, "workbook.duckdb") });

    private static List<string> LabelTables(HubData hub)
    {
        var names = new List<string>();
        using var reader = hub.Reader("SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, 'rule_labels_') ORDER BY 1");
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    [Fact]
    public void Asking_one_rule_set_twice_builds_its_table_once_and_an_edited_set_gets_its_own()
    {
        using var hub = Open();
        var table = RuleRunner.Labels(hub, RuleSet.Default);
        var built = DerivedTables.Built(hub, table);

        var first = hub.Classify(RuleSet.Default);
        hub.Disagreements(RuleSet.Default);
        var edited = RuleSet.Default.Without("peft library");
        hub.Classify(edited);

        Assert.Equal(built, DerivedTables.Built(hub, table));
        Assert.Equal(2, LabelTables(hub).Count);
        Assert.Equal(hub.Count(), hub.Scalar<long>($"SELECT count(*) FROM {table}"));
        Assert.Equal(first.Accuracy, hub.Classify(RuleSet.Default).Accuracy);
    }

    [Fact]
    public void Stored_inputs_give_the_labels_one_scan_gives_and_edited_copies_share_them()
    {
        using var hub = Open();
        var extra = RuleSet.Default with
        {
            Name = "with an onnx rule",
            Rules = [new Rule("onnx files", Condition.Files("%.onnx", "onnx/%model%"), "quantized"), .. RuleSet.Default.Rules],
        };
        // A card field no built-in set reads: its labels read it from a table of inputs of their own.
        var license = RuleSet.Default with
        {
            Name = "with a license rule",
            Rules = [new Rule("mit and a library", Condition.All(Condition.CardEquals("license", "mit"), Condition.CardHas("library_name")), "merge"), .. RuleSet.Default.Rules],
        };
        RuleSet[] sets = [RuleSet.Default, RuleSet.Default.Without("adapter tags"), RuleSet.Study.Without("several bases"), extra, license];

        foreach (var set in sets)
        {
            var table = RuleRunner.Labels(hub, set);
            var direct = set.Compile();
            var differ = hub.Scalar<long>($"""
                SELECT count(*) FROM (SELECT id, {direct.Label} AS predicted, {direct.FiringRule} AS rule, {direct.MatchedRules} AS matched FROM {direct.From}) d
                JOIN {table} t USING (id)
                WHERE d.predicted IS DISTINCT FROM t.predicted OR d.rule IS DISTINCT FROM t.rule OR d.matched IS DISTINCT FROM t.matched
                """);
            Assert.True(differ == 0, $"{set.Name}: {differ} models labelled otherwise than by one scan");
        }
        // The built-in sets and their edited copies read one table of inputs; the extra file test makes a second, the
        // license rule's card fields a third.
        Assert.Equal(3L, hub.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE starts_with(table_name, 'rule_inputs_')"));
        Assert.True(hub.Scalar<long>($"SELECT count(*) FROM {RuleRunner.Labels(hub, extra)} WHERE rule = 'onnx files'") > 0, "the sample has onnx files");
        Assert.True(hub.Scalar<long>($"SELECT count(*) FROM {RuleRunner.Labels(hub, license)} WHERE rule = 'mit and a library'") > 0, "the sample has MIT cards naming a library");
    }

    [Fact]
    public void Only_the_most_recent_label_tables_are_kept()
    {
        using var hub = Open();
        var sets = RuleSet.Default.Rules.Select(r => RuleSet.Default.Without(r.Name))
            .Concat(RuleSet.Study.Rules.Select(r => RuleSet.Study.Without(r.Name))).Take(RuleRunner.KeptLabelTables + 2).ToList();
        Assert.Equal(RuleRunner.KeptLabelTables + 2, sets.Count);

        var tables = sets.Select(s => RuleRunner.Labels(hub, s)).ToList();

        Assert.Equal(RuleRunner.KeptLabelTables, LabelTables(hub).Count);
        Assert.Contains(tables[^1], LabelTables(hub));
        Assert.DoesNotContain(tables[0], LabelTables(hub));
        // A pruned set is derived again when asked.
        Assert.Equal(hub.Count(), hub.Scalar<long>($"SELECT count(*) FROM {RuleRunner.Labels(hub, sets[0])}"));
    }

    [Fact]
    public void Comparisons_over_the_tables_count_what_one_scan_over_both_sets_counts()
    {
        using var hub = Open();
        var before = RuleSet.Study;
        var after = RuleSet.Default;
        var both = RuleSql.CompileTogether(before, after);
        var (a, b) = (both[0], both[1]);
        var changedInOneScan = hub.Scalar<long>($"SELECT count(*) FROM {a.From} WHERE {a.Label} <> {b.Label}");
        var top = hub.Scalar<string>(
            $"SELECT string_agg(id, ',' ORDER BY downloads DESC NULLS LAST, id) FROM (SELECT id, downloads FROM {a.From} " +
            $"WHERE {a.Label} <> {b.Label} ORDER BY downloads DESC NULLS LAST, id LIMIT 10)");

        var comparison = hub.Compare(before, after);
        var changed = hub.ChangedModels(before, after, limit: 10);

        Assert.True(changedInOneScan > 0);
        Assert.Equal(changedInOneScan, comparison.Changed);
        Assert.Equal(top, string.Join(',', changed.Columns["id"].Cast<string>()));
    }

    [Fact]
    public void A_card_field_outside_the_stored_inputs_is_refused_not_read_from_another_column()
    {
        var card = RuleCard.Of(RuleSet.Default);

        Assert.Equal("rule_card[1]", card.Value("base_model"));
        var refused = Assert.Throws<ArgumentException>(() => card.Value("license"));
        Assert.Contains("'license'", refused.Message);
    }
}

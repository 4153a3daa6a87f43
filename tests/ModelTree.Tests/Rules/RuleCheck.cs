using ModelTree.Records;
using ModelTree.Rules;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Rules;

/// <summary>Classifies hand-made models through both paths and insists they agree before handing back the verdict.</summary>
internal static class RuleCheck
{
    /// <summary>The verdict for one model; fails the test if the SQL path says anything else.</summary>
    public static Verdict Verdict(ModelRow row, RuleSet? rules = null) => Verdicts(rules, row)[row.Id];

    /// <summary>The label for one model, checked on both paths.</summary>
    public static string Label(ModelRow row, RuleSet? rules = null) => Verdict(row, rules).Label;

    /// <summary>Verdicts for several models, by id, each checked on both paths.</summary>
    public static Dictionary<string, Verdict> Verdicts(RuleSet? rules, params ModelRow[] rows)
    {
        rules ??= RuleSet.Default;
        using var hub = TestHub.Open(rows);
        var check = hub.CrossCheck(rules);
        Assert.True(check.Agrees, check.ToString());
        Assert.Equal(rows.Length, check.Rows);
        return hub.Read().ToDictionary(m => m.Id, rules.Evaluate);
    }

    /// <summary>A model with one base, so a relation exists.</summary>
    public static ModelRow Child(string id) => new(id) { Bases = ["org/base"], Relation = "finetune" };

    /// <summary>Opens hand-made rows (a shorthand for tests that score whole tables).</summary>
    public static HubData Open(params ModelRow[] rows) => TestHub.Open(rows);

    /// <summary>A record built in memory, for tests of the C# path alone.</summary>
    public static ModelRecord Record(string id, string[]? tags = null, string[]? files = null, string[]? bases = null, string? card = null) =>
        new()
        {
            Id = id,
            Tags = tags ?? [],
            Files = files ?? [],
            BaseModels = bases ?? [],
            Card = CardData.Parse(card),
        };
}

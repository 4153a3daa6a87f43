namespace ModelTree.Rules;

/// <summary>
/// What the two built-in sets (<see cref="RefitRules"/>, <see cref="StudyRules"/>) share: the gate (a base is present:
/// <c>baseModels</c> lists one, or the card names <c>base_model</c>), the three rules they agree on (each set says why in
/// its own words), the precedence of <see cref="StudyRules.Precedence"/> and <c>finetune</c> otherwise.
/// </summary>
internal static class BuiltInRules
{
    /// <summary>A built-in set: the shared gate, precedence and fallback around <paramref name="rules"/>.</summary>
    public static RuleSet Create(string name, string description, ValueList<Rule> rules) => new()
    {
        Name = name,
        Description = description,
        RelationExistsWhen = Condition.Any(
            Condition.Bases(Comparison.GreaterOrEqual, 1),
            StudyTests.CardBaseModel),
        Rules = rules,
        Precedence = StudyRules.Precedence.Select(p => (ValueList<string>)[p]).ToValueList(),
        Otherwise = "finetune",
    };

    /// <summary>The card's <c>base_model_relation</c> sets the relation.</summary>
    public static Rule DeclaredRelationWins(string why) => Rule("declared relation wins", Condition.Declared, ModelTree.Rules.Rule.DeclaredRelation, why);

    /// <summary>Two or more bases make a merge.</summary>
    public static Rule SeveralBases(string why) => Rule("several bases", Condition.Bases(Comparison.GreaterOrEqual, 2), "merge", why);

    /// <summary><c>library_name</c> peft makes an adapter.</summary>
    public static Rule PeftLibrary(string why) => Rule("peft library", StudyTests.PeftLibrary, "adapter", why);

    /// <summary>A rule with its reason.</summary>
    public static Rule Rule(string name, Condition when, string yields, string why) => new(name, when, yields) { Description = why };
}

namespace ModelTree.Rules;

/// <summary>
/// What a rule looks at in a model: plain data, compiled to SQL by <see cref="RuleSql"/> and
/// evaluated in C# by <see cref="RuleEvaluator"/>. The kinds are few and compose with
/// <see cref="All"/>, <see cref="Any"/> and <see cref="Not"/>; <c>ToString()</c> reads as a sentence.
/// </summary>
public abstract record Condition
{
    private protected Condition()
    {
    }

    /// <summary>Every condition holds.</summary>
    public static Condition All(params Condition[] conditions) => new AllCondition(conditions);

    /// <summary>At least one condition holds.</summary>
    public static Condition Any(params Condition[] conditions) => new AnyCondition(conditions);

    /// <summary>The condition does not hold.</summary>
    public static Condition Not(Condition condition) => new NotCondition(condition);

    /// <summary>The model's tags contain any of these (exact, case-sensitive, as <c>list_contains</c>).</summary>
    public static Condition Tags(params string[] tags) => new TagCondition(tags);

    /// <summary>Any file name, lower-cased, matches any of these SQL LIKE patterns (<c>%</c>, <c>_</c>).</summary>
    public static Condition Files(params string[] likePatterns) => new FileCondition(likePatterns);

    /// <summary>The card has the field with a value (not null, not an empty string or list).</summary>
    public static Condition CardHas(string field) => new CardCondition(field, null);

    /// <summary>The card's field is this string, or a list holding it (trimmed, case-insensitive).</summary>
    public static Condition CardEquals(string field, string value) => new CardCondition(field, value);

    /// <summary><c>library_name</c> is one of these (case-insensitive).</summary>
    public static Condition Library(params string[] names) => new LibraryCondition(names);

    /// <summary>The number of bases in <c>baseModels.models</c> compares to <paramref name="count"/>.</summary>
    public static Condition Bases(Comparison comparison, int count) => new BaseCountCondition(comparison, count);

    /// <summary>The card declares a known relation in <c>base_model_relation</c>.</summary>
    public static Condition Declared { get; } = new DeclaredCondition();
}

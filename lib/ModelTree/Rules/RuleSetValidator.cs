using System.Text.RegularExpressions;
using ModelTree.Records;

namespace ModelTree.Rules;

/// <summary>Checks a rule set and says, rule by rule, what makes it unusable.</summary>
internal static partial class RuleSetValidator
{
    [GeneratedRegex(@"\A[A-Za-z0-9_\-]+\z")]
    private static partial Regex FieldName();

    public static IReadOnlyList<string> Problems(RuleSet set)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(set.Name))
        {
            problems.Add("the rule set has no name");
        }

        Check(set.RelationExistsWhen, "relationExistsWhen", problems);

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < set.Rules.Count; i++)
        {
            var rule = set.Rules[i];
            var where = string.IsNullOrWhiteSpace(rule.Name) ? $"rule #{i + 1}" : $"rule '{rule.Name}'";
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                problems.Add($"{where} has no name");
            }
            else if (!seen.Add(rule.Name))
            {
                problems.Add($"{where}: another rule has the same name; names must be unique");
            }
            if (!IsYield(rule.Yields))
            {
                problems.Add($"{where}: {UnknownYield(rule.Yields)}");
            }
            else if (!set.Precedence.Any(level => level.Contains(rule.Yields)))
            {
                problems.Add($"{where} yields {rule.Yields}, which the precedence does not list; add it to \"precedence\"");
            }
            Check(rule.When, where, problems);
        }

        var listed = new HashSet<string>();
        if (set.Precedence.Count == 0)
        {
            problems.Add("precedence is empty; list the relations, highest first");
        }
        foreach (var level in set.Precedence)
        {
            if (level.Count == 0)
            {
                problems.Add("precedence has an empty level");
            }
            foreach (var entry in level)
            {
                if (!IsYield(entry))
                {
                    problems.Add($"precedence: {UnknownYield(entry)}");
                }
                else if (!listed.Add(entry))
                {
                    problems.Add($"precedence lists {entry} twice");
                }
            }
        }

        if (set.Otherwise is not null && !Labels.IsRelation(set.Otherwise))
        {
            problems.Add($"otherwise: unknown relation '{set.Otherwise}' (known: {string.Join(", ", Relations.Known)}, or null for none)");
        }
        return problems;
    }

    private static bool IsYield(string? label) => label == Rule.DeclaredRelation || Labels.IsRelation(label);

    private static string UnknownYield(string? label) =>
        $"unknown relation '{label}' (known: {string.Join(", ", Relations.Known)}, or {Rule.DeclaredRelation})";

    private static void Check(Condition? condition, string where, List<string> problems)
    {
        switch (condition)
        {
            case null:
                problems.Add($"{where}: the condition is empty");
                break;
            case AllCondition all:
                CheckList(all.Conditions, "all", where, problems);
                break;
            case AnyCondition any:
                CheckList(any.Conditions, "any", where, problems);
                break;
            case NotCondition not:
                Check(not.Condition, where, problems);
                break;
            case TagCondition tags:
                CheckNames(tags.AnyOf, $"{where}: tags needs one or more non-empty tags", problems);
                break;
            case FileCondition files:
                if (files.Patterns is null || files.Patterns.Count == 0)
                {
                    problems.Add($"{where}: files needs one or more patterns");
                    break;
                }
                foreach (var pattern in files.Patterns)
                {
                    if (LikePattern.Problem(pattern) is { } problem)
                    {
                        problems.Add($"{where}: {problem}");
                    }
                }
                break;
            case CardCondition card:
                if (string.IsNullOrEmpty(card.Field) || !FieldName().IsMatch(card.Field))
                {
                    problems.Add($"{where}: card field '{card.Field}' is not a field name (letters, digits, _ and - only)");
                }
                if (card.EqualTo is { } value && string.IsNullOrWhiteSpace(value))
                {
                    problems.Add($"{where}: card {card.Field} equals an empty value; to test that the field has a value, leave out \"equals\"");
                }
                break;
            case LibraryCondition library:
                CheckNames(library.Libraries, $"{where}: library needs one or more non-empty library names", problems);
                break;
            case BaseCountCondition bases:
                if (bases.Count < 0)
                {
                    problems.Add($"{where}: a number of bases cannot be negative ({bases.Count})");
                }
                break;
            case DeclaredCondition:
                break;
            default:
                problems.Add($"{where}: unknown condition {condition.GetType().Name}");
                break;
        }
    }

    /// <summary>A list of names (tags, libraries) needs one name at least, and no blank one.</summary>
    private static void CheckNames(ValueList<string>? names, string problem, List<string> problems)
    {
        if (names is null || names.Count == 0 || names.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(problem);
        }
    }

    private static void CheckList(ValueList<Condition>? conditions, string kind, string where, List<string> problems)
    {
        if (conditions is null || conditions.Count == 0)
        {
            problems.Add($"{where}: '{kind}' has no conditions (an empty condition)");
            return;
        }
        foreach (var inner in conditions)
        {
            Check(inner, where, problems);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using ModelTree.Records;

namespace ModelTree.Rules;

/// <summary>
/// Evaluates a rule set on one <see cref="ModelRecord"/>, in C#, keeping the evidence: the path a reader
/// uses to ask "why this label?". <see cref="RuleSql"/> compiles the same set to SQL; the two agree
/// row for row (tested on the sample and on the real records).
/// </summary>
public static class RuleEvaluator
{
    /// <summary>The firing rule named when the gate held and no rule matched.</summary>
    public const string Otherwise = "otherwise";

    /// <summary>The firing rule named when the gate failed.</summary>
    public const string NoBase = "no base";

    private const int MaxFilesShown = 3;

    /// <summary>Classifies one model and explains the label.</summary>
    public static Verdict Evaluate(RuleSet rules, ModelRecord model)
    {
        var context = new Context(model);
        var gateEvidence = new List<string>();
        var hasBase = Holds(rules.RelationExistsWhen, context, gateEvidence);
        var declared = context.Declared;

        var matches = new List<RuleMatch>();
        foreach (var rule in rules.Rules)
        {
            var evidence = new List<string>();
            if (!Holds(rule.When, context, evidence))
            {
                continue;
            }
            var relation = rule.Yields == Rule.DeclaredRelation ? declared : rule.Yields;
            if (relation is null)
            {
                continue; // a declared rule with nothing declared yields nothing
            }
            matches.Add(new RuleMatch(rule, relation, LevelOf(rules, rule.Yields), evidence));
        }

        string label, firing;
        if (!hasBase)
        {
            (label, firing) = (Labels.None, NoBase);
        }
        else if (matches.Count == 0)
        {
            (label, firing) = (rules.Otherwise ?? Labels.None, Otherwise);
        }
        else
        {
            var level = matches.Min(m => m.Level);
            var winners = matches.Where(m => m.Level == level).ToList();
            var relations = winners.Select(m => m.Relation).Distinct().ToList();
            label = relations.Count > 1 ? Labels.Ambiguous : relations[0];
            firing = winners[0].Rule.Name;
        }

        return new Verdict
        {
            Id = model.Id,
            RuleSet = rules.Name,
            HubLabel = model.Relation ?? Labels.None,
            Label = label,
            HasBase = hasBase,
            BaseEvidence = gateEvidence,
            Matches = matches,
            FiringRule = firing,
            Contested = hasBase && matches.Select(m => m.Relation).Distinct().Count() > 1,
        };
    }

    /// <summary>True when the condition holds for the model (no evidence kept).</summary>
    public static bool Holds(this Condition condition, ModelRecord model) => Holds(condition, new Context(model), []);

    internal static int LevelOf(RuleSet rules, string yields)
    {
        for (var i = 0; i < rules.Precedence.Count; i++)
        {
            if (rules.Precedence[i].Contains(yields))
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    internal static string Normalize(string text) => text.Trim(' ').ToLowerInvariant();

    private static bool Holds(Condition condition, Context model, List<string> evidence)
    {
        switch (condition)
        {
            case AllCondition all:
                {
                    var inner = new List<string>();
                    var holds = true;
                    foreach (var c in all.Conditions)
                    {
                        holds &= Holds(c, model, inner);
                    }
                    if (holds)
                    {
                        evidence.AddRange(inner);
                    }
                    return holds;
                }
            case AnyCondition any:
                {
                    var holds = false;
                    foreach (var c in any.Conditions)
                    {
                        holds |= Holds(c, model, evidence);
                    }
                    return holds;
                }
            case NotCondition not:
                {
                    var holds = !Holds(not.Condition, model, []);
                    if (holds)
                    {
                        evidence.Add($"not: {not.Condition}");
                    }
                    return holds;
                }
            case TagCondition tags:
                {
                    var found = tags.AnyOf.Where(model.Record.HasTag).ToList();
                    evidence.AddRange(found.Select(t => $"tag \"{t}\""));
                    return found.Count > 0;
                }
            case FileCondition files:
                {
                    // Every file of every model meets this test (a cross-check walks the whole table), so it is a plain loop
                    // over the condition's compiled patterns: the first pattern a file matches is its evidence.
                    var patterns = PatternsOf(files);
                    var found = 0;
                    foreach (var file in model.LowerFiles)
                    {
                        var p = patterns.FirstMatch(file);
                        if (p >= 0 && ++found <= MaxFilesShown)
                        {
                            evidence.Add($"file \"{file}\" matches '{files.Patterns[p]}'");
                        }
                    }
                    if (found > MaxFilesShown)
                    {
                        evidence.Add($"and {found - MaxFilesShown} more files");
                    }
                    return found > 0;
                }
            case CardCondition { EqualTo: null, Field: RuleSql.CardBaseField }:
                {
                    var bases = model.Record.Card.BaseModels;
                    if (bases.Count > 0)
                    {
                        evidence.Add($"card {RuleSql.CardBaseField} = {Preview(model.Field(RuleSql.CardBaseField)!.Value)}");
                    }
                    return bases.Count > 0;
                }
            case CardCondition { EqualTo: null } card:
                {
                    var holds = model.Field(card.Field) is { } value && HasValue(value);
                    if (holds)
                    {
                        evidence.Add($"card {card.Field} = {Preview(model.Field(card.Field)!.Value)}");
                    }
                    return holds;
                }
            case CardCondition card:
                {
                    var wanted = Normalize(card.EqualTo!);
                    var holds = model.Field(card.Field) is { } value && Strings(value).Any(s => Normalize(s) == wanted);
                    if (holds)
                    {
                        evidence.Add($"card {card.Field} = {Preview(model.Field(card.Field)!.Value)}");
                    }
                    return holds;
                }
            case LibraryCondition library:
                {
                    var name = model.Record.LibraryName;
                    var holds = name is not null && library.Libraries.Any(l => l.ToLowerInvariant() == name.ToLowerInvariant());
                    if (holds)
                    {
                        evidence.Add($"library_name \"{name}\"");
                    }
                    return holds;
                }
            case BaseCountCondition bases:
                {
                    var count = model.Record.BaseModels.Count;
                    var holds = bases.Comparison.Holds(count, bases.Count);
                    if (holds)
                    {
                        evidence.Add(count == 0 ? "no bases" : $"{count} base{(count == 1 ? "" : "s")} ({string.Join(", ", model.Record.BaseModels.Take(MaxFilesShown))}{(count > MaxFilesShown ? ", ..." : "")})");
                    }
                    return holds;
                }
            case DeclaredCondition:
                {
                    var declared = model.Declared;
                    if (declared is not null)
                    {
                        evidence.Add($"card base_model_relation = \"{model.Field("base_model_relation")!.Value.GetString()}\"");
                    }
                    return declared is not null;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition, "unknown condition kind");
        }
    }

    // Each file condition's patterns compiled once, looked up by the condition itself (not by its value, which would hash the list).
    private static readonly ConditionalWeakTable<FileCondition, LikePattern.Set> Patterns = new();

    private static LikePattern.Set PatternsOf(FileCondition files) => Patterns.GetValue(files, f => new LikePattern.Set(f.Patterns));

    private static bool HasValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        _ => true,
    };

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => [],
    };

    private static string Preview(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? $"\"{value.GetString()}\"" : value.GetRawText();
        return text.Length > 80 ? text[..77] + "..." : text;
    }

    /// <summary>One model, with its file names lower-cased once (its card is parsed once, by <see cref="CardData"/>).</summary>
    private sealed class Context(ModelRecord record)
    {
        private List<string>? _files;

        public ModelRecord Record { get; } = record;

        public List<string> LowerFiles => _files ??= Record.Files.Select(f => f.ToLowerInvariant()).ToList();

        /// <summary>The declared relation, normalized, when it is one of the four.</summary>
        public string? Declared =>
            Field("base_model_relation") is { ValueKind: JsonValueKind.String } value
            && Normalize(value.GetString()!) is var relation && Labels.IsRelation(relation)
                ? relation
                : null;

        public JsonElement? Field(string name) =>
            Record.Card.TryGetRoot(out var root) && root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value
                : null;
    }
}

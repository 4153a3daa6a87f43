using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelTree.Rules;

namespace ModelTree;

/// <summary>
/// Rule sets as readable JSON files (comments and trailing commas allowed). The format, by example:
/// <code>
/// {
///   "name": "study",
///   "relationExistsWhen": { "any": [{ "bases": "&gt;= 1" }, { "card": "base_model" }] },
///   "rules": [
///     { "name": "declared relation wins", "when": { "declared": true }, "yields": "declared" },
///     { "name": "several bases", "when": { "bases": "&gt;= 2" }, "yields": "merge" },
///     { "name": "adapter tags", "when": { "tags": ["lora", "adapter", "peft"] }, "yields": "adapter" },
///     { "name": "gguf files", "when": { "files": ["%.gguf"] }, "yields": "quantized" }
///   ],
///   "precedence": ["declared", "merge", "adapter", "quantized", "finetune"],
///   "otherwise": "finetune"
/// }
/// </code>
/// A condition is an object with exactly one key: <c>all</c>, <c>any</c> (lists of conditions),
/// <c>not</c> (a condition), <c>tags</c> (list), <c>files</c> (list of SQL LIKE patterns on lower-cased
/// names), <c>card</c> (a field name, or <c>{"field": ..., "equals": ...}</c>), <c>library</c> (list),
/// <c>bases</c> (<c>"&gt;= 2"</c>: one of = != &lt; &lt;= &gt; &gt;= and a number), <c>declared</c> (true).
/// A precedence entry is a relation, or a list of relations that share a level.
/// </summary>
public static class RuleFile
{
    private static readonly string[] SetFields = ["name", "description", "relationExistsWhen", "rules", "precedence", "otherwise"];
    private static readonly string[] RuleFields = ["name", "description", "when", "yields"];
    private static readonly string[] CardFields = ["field", "equals"];
    private static readonly string[] Kinds = ["all", "any", "not", "tags", "files", "card", "library", "bases", "declared"];

    /// <summary>Reads and validates a rule file.</summary>
    /// <exception cref="ModelTreeException">The file is missing, not JSON, or not a valid rule set; the message names the file and the rule.</exception>
    public static RuleSet Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ModelTreeException(
                $"No rule file at {full}. Start from a copy of lib/ModelTree/Rules/default-rules.json.");
        }
        return Parse(File.ReadAllText(full), Path.GetFileName(full));
    }

    /// <summary>Reads and validates rule-file text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="ModelTreeException">The text is not a valid rule set.</exception>
    public static RuleSet Parse(string json, string source = "rule file")
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            throw new ModelTreeException($"{source} is not valid JSON: {e.Message}", e);
        }

        try
        {
            var set = ReadSet(Object(root, "the file"));
            return set.Validated(source);
        }
        catch (FormatException e)
        {
            throw new ModelTreeException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>Writes a rule set as readable JSON (validating it first).</summary>
    public static void Save(RuleSet rules, string path)
    {
        var text = ToJson(rules);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
        File.WriteAllText(full, text);
    }

    /// <summary>The rule set as the text <see cref="Save"/> writes.</summary>
    public static string ToJson(RuleSet rules)
    {
        rules.Validated();
        var root = new JsonObject { ["name"] = rules.Name };
        if (rules.Description is not null)
        {
            root["description"] = rules.Description;
        }
        root["relationExistsWhen"] = Write(rules.RelationExistsWhen);
        root["rules"] = new JsonArray(rules.Rules.Select(r =>
        {
            var rule = new JsonObject { ["name"] = r.Name };
            if (r.Description is not null)
            {
                rule["description"] = r.Description;
            }
            rule["when"] = Write(r.When);
            rule["yields"] = r.Yields;
            return (JsonNode?)rule;
        }).ToArray());
        root["precedence"] = new JsonArray(rules.Precedence.Select(level =>
            level.Count == 1 ? JsonValue.Create(level[0]) : (JsonNode?)Strings(level)).ToArray());
        root["otherwise"] = rules.Otherwise;
        return JsonText.Format(root) + "\n";
    }

    private static RuleSet ReadSet(JsonObject root)
    {
        Known(root, SetFields, "the rule set");
        var name = String(root, "name", "the rule set") ?? throw new FormatException("the rule set has no \"name\"");
        var rules = root["rules"] is JsonArray array
            ? array.Select((node, i) => ReadRule(node, i)).ToValueList()
            : throw new FormatException("\"rules\" must be a list of rules");
        var precedence = root["precedence"] is JsonArray levels
            ? levels.Select(level => level switch
            {
                JsonValue value when value.TryGetValue<string>(out var one) => (ValueList<string>)[one],
                JsonArray several => several.Select((n, i) => StringItem(n, $"precedence level [{string.Join(", ", several)}]", i)).ToValueList(),
                _ => throw new FormatException($"precedence: each entry is a relation or a list of relations, not {level?.ToJsonString() ?? "null"}"),
            }).ToValueList()
            : throw new FormatException("\"precedence\" must be a list of relations, highest first");
        return new RuleSet
        {
            Name = name,
            Description = String(root, "description", "the rule set"),
            RelationExistsWhen = root["relationExistsWhen"] is { } gate
                ? ReadCondition(gate, "relationExistsWhen")
                : throw new FormatException("the rule set has no \"relationExistsWhen\" condition (e.g. {\"bases\": \">= 1\"})"),
            Rules = rules,
            Precedence = precedence,
            Otherwise = root.ContainsKey("otherwise") ? String(root, "otherwise", "the rule set") : "finetune",
        };
    }

    private static Rule ReadRule(JsonNode? node, int index)
    {
        var rule = Object(node, $"rule #{index + 1}");
        var name = rule["name"] is JsonValue v && v.TryGetValue<string>(out var n) && n.Trim().Length > 0 ? n : null;
        var where = name is null ? $"rule #{index + 1}" : $"rule '{name}'";
        if (name is null)
        {
            throw new FormatException($"{where} has no \"name\"");
        }
        Known(rule, RuleFields, where);
        var when = rule["when"] ?? throw new FormatException($"{where} has no \"when\" condition");
        var yields = String(rule, "yields", where) ?? throw new FormatException($"{where} has no \"yields\" (a relation, or \"declared\")");
        return new Rule(name, ReadCondition(when, where), yields) { Description = String(rule, "description", where) };
    }

    private static Condition ReadCondition(JsonNode? node, string where)
    {
        var condition = Object(node, $"{where}: a condition");
        if (condition.Count == 0)
        {
            throw new FormatException($"{where}: empty condition {{}}; give one of {string.Join(", ", Kinds)}");
        }
        if (condition.Count > 1)
        {
            throw new FormatException(
                $"{where}: a condition has exactly one kind, found {string.Join(" and ", condition.Select(p => $"\"{p.Key}\""))}; combine them with \"all\" or \"any\"");
        }
        var (kind, value) = condition.First();
        return kind switch
        {
            "all" => new AllCondition(Conditions(value, where, kind)),
            "any" => new AnyCondition(Conditions(value, where, kind)),
            "not" => new NotCondition(ReadCondition(value, where)),
            "tags" => new TagCondition(StringList(value, where, kind)),
            "files" => new FileCondition(StringList(value, where, kind)),
            "library" => new LibraryCondition(StringList(value, where, kind)),
            "card" => ReadCard(value, where),
            "bases" => ReadBases(value, where),
            "declared" => value is JsonValue d && d.TryGetValue<bool>(out var yes) && yes
                ? Condition.Declared
                : throw new FormatException($"{where}: \"declared\" takes true (use {{\"not\": {{\"declared\": true}}}} for the opposite)"),
            _ => throw new FormatException($"{where}: unknown condition kind \"{kind}\" (known: {string.Join(", ", Kinds)})"),
        };
    }

    private static CardCondition ReadCard(JsonNode? value, string where)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var field))
        {
            return new CardCondition(field, null);
        }
        var card = Object(value, $"{where}: \"card\"");
        Known(card, CardFields, $"{where}: \"card\"");
        return new CardCondition(
            String(card, "field", where) ?? throw new FormatException($"{where}: \"card\" needs a \"field\""),
            String(card, "equals", where));
    }

    private static BaseCountCondition ReadBases(JsonNode? value, string where)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;
        var split = text is null ? -1 : text.IndexOfAny("0123456789-".ToCharArray());
        if (text is not null && split > 0
            && Comparisons.Parse(text[..split]) is { } comparison
            && int.TryParse(text[split..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            return new BaseCountCondition(comparison, count);
        }
        throw new FormatException(
            $"{where}: \"bases\" is a comparison and a number, like \">= 2\" (one of = != < <= > >=), not {value?.ToJsonString() ?? "null"}");
    }

    private static ValueList<Condition> Conditions(JsonNode? value, string where, string kind) =>
        value is JsonArray array
            ? array.Select(n => ReadCondition(n, where)).ToValueList()
            : throw new FormatException($"{where}: \"{kind}\" takes a list of conditions");

    private static ValueList<string> StringList(JsonNode? value, string where, string kind) =>
        value switch
        {
            JsonArray array => array.Select((n, i) => StringItem(n, $"{where}: \"{kind}\"", i)).ToValueList(),
            JsonValue one when one.TryGetValue<string>(out var s) => [s],
            _ => throw new FormatException($"{where}: \"{kind}\" takes a list of strings"),
        };

    private static string StringItem(JsonNode? node, string where, int index) =>
        node is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new FormatException($"{where}: item {index + 1} is not a string ({node?.ToJsonString() ?? "null"})");

    private static JsonObject Object(JsonNode? node, string what) =>
        node as JsonObject ?? throw new FormatException($"{what} must be a JSON object, not {node?.ToJsonString() ?? "null"}");

    private static string? String(JsonObject obj, string field, string where) => obj[field] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => throw new FormatException($"{where}: \"{field}\" must be a string, not {other.ToJsonString()}"),
    };

    private static void Known(JsonObject obj, string[] fields, string where)
    {
        foreach (var (key, _) in obj)
        {
            if (!fields.Contains(key))
            {
                throw new FormatException($"{where}: unknown field \"{key}\" (known: {string.Join(", ", fields)})");
            }
        }
    }

    private static JsonNode Write(Condition condition) => condition switch
    {
        AllCondition all => new JsonObject { ["all"] = new JsonArray(all.Conditions.Select(c => (JsonNode?)Write(c)).ToArray()) },
        AnyCondition any => new JsonObject { ["any"] = new JsonArray(any.Conditions.Select(c => (JsonNode?)Write(c)).ToArray()) },
        NotCondition not => new JsonObject { ["not"] = Write(not.Condition) },
        TagCondition tags => new JsonObject { ["tags"] = Strings(tags.AnyOf) },
        FileCondition files => new JsonObject { ["files"] = Strings(files.Patterns) },
        LibraryCondition library => new JsonObject { ["library"] = Strings(library.Libraries) },
        CardCondition { EqualTo: null } card => new JsonObject { ["card"] = card.Field },
        CardCondition card => new JsonObject { ["card"] = new JsonObject { ["field"] = card.Field, ["equals"] = card.EqualTo } },
        BaseCountCondition bases => new JsonObject { ["bases"] = $"{bases.Comparison.Symbol()} {bases.Count}" },
        DeclaredCondition => new JsonObject { ["declared"] = true },
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "unknown condition kind"),
    };

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());

    /// <summary>Indented JSON that keeps short lists and small objects on one line, so a rule reads as one.</summary>
    private static class JsonText
    {
        private const int Width = 100;

        public static string Format(JsonNode node)
        {
            var text = new StringBuilder();
            Append(text, node, 0);
            return text.ToString();
        }

        private static void Append(StringBuilder text, JsonNode? node, int indent)
        {
            var compact = Compact(node);
            if (compact.Length + indent <= Width || node is not (JsonObject or JsonArray))
            {
                text.Append(compact);
                return;
            }
            var pad = new string(' ', indent + 2);
            if (node is JsonObject obj)
            {
                text.Append("{\n");
                var i = 0;
                foreach (var (key, value) in obj)
                {
                    text.Append(pad).Append(JsonSerializer.Serialize(key)).Append(": ");
                    Append(text, value, indent + 2);
                    text.Append(++i < obj.Count ? ",\n" : "\n");
                }
                text.Append(' ', indent).Append('}');
            }
            else if (node is JsonArray array)
            {
                text.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(pad);
                    Append(text, array[i], indent + 2);
                    text.Append(i + 1 < array.Count ? ",\n" : "\n");
                }
                text.Append(' ', indent).Append(']');
            }
        }

        private static string Compact(JsonNode? node) => node switch
        {
            null => "null",
            JsonObject obj => obj.Count == 0 ? "{}" : "{ " + string.Join(", ", obj.Select(p => $"{JsonSerializer.Serialize(p.Key)}: {Compact(p.Value)}")) + " }",
            JsonArray array => "[" + string.Join(", ", array.Select(Compact)) + "]",
            _ => node.ToJsonString(Options),
        };

        private static readonly JsonSerializerOptions Options = new()
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}

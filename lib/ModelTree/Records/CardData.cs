using System.Text.Json;

namespace ModelTree.Records;

/// <summary>
/// A model card's YAML front matter, as hub-stats stores it (JSON text). Reads the fields the Hub's
/// model tree uses and survives what users write: a string or a list for <c>base_model</c>, missing
/// fields, and text that is not JSON at all (<see cref="IsMalformed"/>).
/// </summary>
public sealed class CardData
{
    /// <summary>What the text turned out to be, once read: the card's fields, or why it has none.</summary>
    private sealed record Reading(JsonElement Root, string? Error);

    private static readonly Reading Nothing = new(default, null);

    private Reading? _reading;

    private CardData(string? json) => Json = json;

    /// <summary>A card with no front matter.</summary>
    public static CardData Empty { get; } = new(null) { _reading = Nothing };

    /// <summary>The raw text as stored.</summary>
    public string? Json { get; }

    /// <summary>Why the text could not be read, when it could not.</summary>
    public string? Error => Read().Error;

    /// <summary>True when the text is there but is not a JSON object.</summary>
    public bool IsMalformed => Error is not null;

    /// <summary>True when the card has any front matter at all.</summary>
    public bool IsPresent => Read().Root.ValueKind == JsonValueKind.Object;

    /// <summary>
    /// Takes the stored text; never throws. The text is parsed the first time a field is asked for, not here: a reader
    /// of thousands of records that looks at their files or tags never pays for their cards.
    /// </summary>
    public static CardData Parse(string? json) => string.IsNullOrWhiteSpace(json) ? Empty : new CardData(json);

    /// <summary>The card's fields as a JSON object (its root), when it has any: for readers that walk them directly.</summary>
    internal bool TryGetRoot(out JsonElement root)
    {
        root = Read().Root;
        return root.ValueKind == JsonValueKind.Object;
    }

    // Parsed at most once per thread race; every parse of the same text gives the same reading, so whichever is kept is right.
    private Reading Read() => _reading ??= Parsed(Json!);

    private static Reading Parsed(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new Reading(document.RootElement.Clone(), null)
                : new Reading(default, $"expected a JSON object, found {document.RootElement.ValueKind}");
        }
        catch (JsonException e)
        {
            return new Reading(default, e.Message);
        }
    }

    /// <summary>The bases the card names in <c>base_model</c> (a string or a list of strings), in order.</summary>
    public IReadOnlyList<string> BaseModels => Strings("base_model");

    /// <summary>The relation the card declares with <c>base_model_relation</c>, if any.</summary>
    public string? BaseModelRelation => String("base_model_relation");

    /// <summary><c>library_name</c>: <c>peft</c> makes the Hub call a model an adapter.</summary>
    public string? LibraryName => String("library_name");

    /// <summary><c>license</c>.</summary>
    public string? License => String("license");

    /// <summary>The tags the author wrote in the card (the Hub adds more of its own to the model's tags).</summary>
    public IReadOnlyList<string> Tags => Strings("tags");

    /// <summary>True when the card has the field (whatever its value, even null).</summary>
    public bool Has(string field) => TryGetRoot(out var root) && root.TryGetProperty(field, out _);

    /// <summary>A field's value as text: strings as they are, other values as JSON; null when absent.</summary>
    public string? String(string field)
    {
        if (!TryGetRoot(out var root) || !root.TryGetProperty(field, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary>A field that may be one string or a list of strings, as a list (empty when absent).</summary>
    public IReadOnlyList<string> Strings(string field)
    {
        if (!TryGetRoot(out var root) || !root.TryGetProperty(field, out var value))
        {
            return [];
        }
        return value.ValueKind switch
        {
            JsonValueKind.String when value.GetString() is { Length: > 0 } one => [one],
            JsonValueKind.Array => value.EnumerateArray()
                .Where(v => v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 })
                .Select(v => v.GetString()!).ToList(),
            _ => [],
        };
    }

    public override string ToString() => Json ?? "(no card metadata)";
}

using System.Text.Json;

namespace ModelTree.Records;

/// <summary>
/// A model card's YAML front matter, as hub-stats stores it (JSON text). Reads the fields the Hub's
/// model tree uses and survives what users write: a string or a list for <c>base_model</c>, missing
/// fields, and text that is not JSON at all (<see cref="IsMalformed"/>).
/// </summary>
public sealed class CardData
{
    private readonly JsonElement _root;

    private CardData(string? json, JsonElement root, string? error)
    {
        Json = json;
        _root = root;
        Error = error;
    }

    /// <summary>A card with no front matter.</summary>
    public static CardData Empty { get; } = new(null, default, null);

    /// <summary>The raw text as stored.</summary>
    public string? Json { get; }

    /// <summary>Why the text could not be read, when it could not.</summary>
    public string? Error { get; }

    /// <summary>True when the text is there but is not a JSON object.</summary>
    public bool IsMalformed => Error is not null;

    /// <summary>True when the card has any front matter at all.</summary>
    public bool IsPresent => _root.ValueKind == JsonValueKind.Object;

    /// <summary>Reads the stored text; never throws.</summary>
    public static CardData Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new CardData(json, document.RootElement.Clone(), null)
                : new CardData(json, default, $"expected a JSON object, found {document.RootElement.ValueKind}");
        }
        catch (JsonException e)
        {
            return new CardData(json, default, e.Message);
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
    public bool Has(string field) => IsPresent && _root.TryGetProperty(field, out _);

    /// <summary>A field's value as text: strings as they are, other values as JSON; null when absent.</summary>
    public string? String(string field)
    {
        if (!IsPresent || !_root.TryGetProperty(field, out var value))
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
        if (!IsPresent || !_root.TryGetProperty(field, out var value))
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

using ModelTree.Records;
using ModelTree.Study;

namespace ModelTree;

/// <summary>
/// Reads a model's tags the way the study's SQL does: <c>list_contains(tags, 'x')</c>, an exact,
/// case-sensitive match of a whole tag. A null or empty tag list has none.
/// </summary>
public static class TagClassifier
{
    /// <summary>True when a tag is one of <see cref="Vocabulary.AdapterTags"/> (lora, adapter, peft): study IV 4.1, 4.2.</summary>
    public static bool IsAdapterLike(IEnumerable<string?>? tags) => HasAny(tags, Vocabulary.AdapterTags);

    /// <summary>True when a tag is one of <see cref="Vocabulary.QuantTags"/> (quantized, gguf, int8, int4, 4bit, 8bit): study IV 4.3.</summary>
    public static bool IsQuantLike(IEnumerable<string?>? tags) => HasAny(tags, Vocabulary.QuantTags);

    /// <summary>True when a tag names a quantization format the study's list misses (<see cref="Vocabulary.OtherQuantTags"/>).</summary>
    public static bool IsOtherQuant(IEnumerable<string?>? tags) => HasAny(tags, Vocabulary.OtherQuantTags);

    /// <summary>
    /// The looser test of the study's VI 6.2 query: the tags joined with commas contain "adapter" or
    /// "lora" anywhere, ignoring case (<c>array_to_string(tags, ',') ILIKE '%adapter%'</c>), so
    /// <c>base_model:adapter:x</c> and <c>LoRA-merged</c> count too.
    /// </summary>
    public static bool MentionsAdapterOrLora(IEnumerable<string?>? tags) =>
        tags?.Any(t => t is not null &&
            (t.Contains("adapter", StringComparison.OrdinalIgnoreCase) || t.Contains("lora", StringComparison.OrdinalIgnoreCase))) ?? false;

    /// <summary>True when any tag equals one of <paramref name="wanted"/> exactly.</summary>
    public static bool HasAny(IEnumerable<string?>? tags, IEnumerable<string> wanted)
    {
        if (tags is null)
        {
            return false;
        }
        var set = wanted as IReadOnlyCollection<string> ?? wanted.ToList();
        return tags.Any(t => t is not null && set.Contains(t, StringComparer.Ordinal));
    }

    /// <inheritdoc cref="IsAdapterLike(IEnumerable{string?}?)"/>
    public static bool HasAdapterTag(this ModelRecord model) => IsAdapterLike(model.Tags);

    /// <inheritdoc cref="IsQuantLike(IEnumerable{string?}?)"/>
    public static bool HasQuantTag(this ModelRecord model) => IsQuantLike(model.Tags);

    /// <inheritdoc cref="IsOtherQuant(IEnumerable{string?}?)"/>
    public static bool HasOtherQuantTag(this ModelRecord model) => IsOtherQuant(model.Tags);

    /// <summary>True when the model's library is <c>peft</c> (in the table's column or the card): the Hub reads that as adapter (study V).</summary>
    public static bool IsPeft(this ModelRecord model) =>
        string.Equals(model.LibraryName ?? model.Card.LibraryName, Vocabulary.PeftLibrary, StringComparison.OrdinalIgnoreCase);
}

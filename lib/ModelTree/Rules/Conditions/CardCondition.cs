namespace ModelTree.Rules;

/// <summary>
/// A field of the card's front matter (<c>cardData</c>). With <see cref="EqualTo"/> null: the field
/// has a value (present, not null, not an empty string, not an empty list). Otherwise: the field is a
/// string equal to <see cref="EqualTo"/>, or a list holding such a string; both sides trimmed of
/// spaces and compared case-insensitively. A card that is not a JSON object has no fields.
/// One field is read as itself: with <see cref="EqualTo"/> null, <c>base_model</c> holds when the card names a base (a
/// non-empty string, or a list holding one: <see cref="Records.CardData.BaseModels"/>), the reading every query shares.
/// </summary>
public sealed record CardCondition(string Field, string? EqualTo) : Condition
{
    public override string ToString() =>
        EqualTo is null ? $"card has {Field}" : $"card {Field} is \"{EqualTo}\"";
}

namespace ModelTree.Provenance;

/// <summary>One line of a card's completeness checklist: the item, whether the card has it, and what it says.</summary>
/// <param name="Item">The item, named as the card's field (<c>license</c>, <c>base_model</c>...).</param>
/// <param name="Present">True when the card gives it a value (a null, an empty string or an empty list count as absent).</param>
/// <param name="Value">A short preview of the value, when present.</param>
public sealed record ChecklistItem(string Item, bool Present, string? Value)
{
    /// <summary><c>present</c> or <c>absent</c>, as the json prints it.</summary>
    public string State => Present ? "present" : "absent";
}

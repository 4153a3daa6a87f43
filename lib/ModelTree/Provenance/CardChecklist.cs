using System.Text.RegularExpressions;
using ModelTree.Records;
using ModelTree.Rules;

namespace ModelTree.Provenance;

/// <summary>
/// How complete a model card is, item by item: the front-matter fields a reader needs before trusting a
/// model (each tested with the rule engine's <see cref="Condition.CardHas"/>), and, when the card's text is
/// at hand, whether it has a limitations or intended-use section. The data holds only the front matter, so
/// that last item is left out unless the text is given.
/// </summary>
public static partial class CardChecklist
{
    /// <summary>The front-matter fields checked, in the order a reader looks for them.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["license", "base_model", "pipeline_tag", "library_name", "language", "datasets", "model-index"];

    /// <summary>The item for the card text's limitations or intended-use section.</summary>
    public const string LimitationsItem = "limitations or intended use";

    /// <summary>The checklist of a model's card; <paramref name="cardText"/> is the card's markdown, when known.</summary>
    public static IReadOnlyList<ChecklistItem> Of(ModelRecord model, string? cardText = null)
    {
        var items = Fields.Select(f =>
        {
            var present = Condition.CardHas(f).Holds(model);
            return new ChecklistItem(f, present, present ? Preview(model.Card.String(f)) : null);
        }).ToList();
        if (cardText is not null)
        {
            var heading = Section().Match(cardText);
            items.Add(new ChecklistItem(LimitationsItem, heading.Success, heading.Success ? heading.Value.Trim() : null));
        }
        return items;
    }

    private static string? Preview(string? value) =>
        value is null ? null : value.Length <= 60 ? value : value[..57] + "...";

    // A markdown heading that names limitations, intended use, out-of-scope use, bias or risks.
    [GeneratedRegex(@"^\s{0,3}#{1,6}[^\n]*\b(limitation|intended use|out-of-scope|bias|risk)[^\n]*$",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Section();
}

using ModelTree.Records;

namespace ModelTree.Provenance;

/// <summary>
/// A model's license: its card's <c>license</c>, else its <c>license:</c> tag, with the family it belongs to
/// and, when the two sources disagree, what each says. Identifiers are lower-cased; <c>other</c> keeps the
/// card's <c>license_name</c> beside it.
/// </summary>
public sealed record ModelLicense
{
    /// <summary>The license identifier used (lower-cased), or null when neither source states one.</summary>
    public string? License { get; init; }

    /// <summary>The card's <c>license_name</c>, which names an <c>other</c> licence.</summary>
    public string? Name { get; init; }

    /// <summary>Which source <see cref="License"/> comes from.</summary>
    public LicenseSource Source { get; init; }

    /// <summary>The card's <c>license</c> (first of a list), as written.</summary>
    public string? CardLicense { get; init; }

    /// <summary>The <c>license:</c> tag's value.</summary>
    public string? TagLicense { get; init; }

    /// <summary>The family of the license used.</summary>
    public LicenseFamily Family { get; init; } = LicenseFamily.None;

    /// <summary>True when the card and the tag both state a license and they differ.</summary>
    public bool Disagree =>
        LicenseFamilies.Normalize(CardLicense) is { } card && LicenseFamilies.Normalize(TagLicense) is { } tag && card != tag;

    /// <summary>What tables print: <c>mit</c>, <c>other (exaone)</c>, or <c>none</c>.</summary>
    public string Label => License is null ? "none" : License == "other" && Name is not null ? $"other ({Name})" : License;

    /// <summary>Resolves a license from the three raw values (the table-wide drift uses this on each distinct triple).</summary>
    public static ModelLicense Resolve(string? cardLicense, string? tagLicense, string? licenseName)
    {
        var card = LicenseFamilies.Normalize(cardLicense);
        var tag = LicenseFamilies.Normalize(tagLicense);
        var license = card ?? tag;
        var name = license == "other" ? LicenseFamilies.Normalize(licenseName) : null;
        return new ModelLicense
        {
            License = license,
            Name = name,
            Source = card is not null ? LicenseSource.Card : tag is not null ? LicenseSource.Tag : LicenseSource.None,
            CardLicense = cardLicense,
            TagLicense = tagLicense,
            Family = LicenseFamilies.Of(license, name),
        };
    }

    /// <summary>The license of a model record.</summary>
    public static ModelLicense Of(ModelRecord model) => Resolve(
        model.Card.Strings("license").FirstOrDefault(),
        model.Tags.FirstOrDefault(t => t.StartsWith(TagPrefix, StringComparison.Ordinal))?[TagPrefix.Length..],
        model.Card.String("license_name"));

    /// <summary>The tag the Hub adds for a card's license.</summary>
    internal const string TagPrefix = "license:";

    /// <summary>One line for a report: the label, the family, and where it came from (both sources when they disagree).</summary>
    public string Describe() => Source switch
    {
        LicenseSource.None => "none stated (no license in the card, no license: tag)",
        _ when Disagree => $"{Label} ({Family.Label()}; from the card, whose license differs from the license:{TagLicense} tag)",
        LicenseSource.Card => $"{Label} ({Family.Label()}; from the card)",
        _ => $"{Label} ({Family.Label()}; from the license: tag, the card states none)",
    };

    public override string ToString() => Describe();
}

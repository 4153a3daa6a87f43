namespace ModelTree.Provenance;

/// <summary>
/// Sorts the Hub's license identifiers (the values of a card's <c>license</c> and of the <c>license:</c> tag)
/// into <see cref="LicenseFamily"/> groups. Identifiers are matched lower-cased; anything not recognised is
/// a custom licence (<see cref="LicenseFamily.Restrictive"/>), because its terms are not one of the known
/// open ones. For <c>license: other</c> the card's <c>license_name</c> decides where it can.
/// </summary>
public static class LicenseFamilies
{
    private static readonly HashSet<string> Permissive = new(StringComparer.Ordinal)
    {
        "apache-2.0", "mit", "afl-3.0", "artistic-2.0", "bsl-1.0", "bsd", "bsd-2-clause", "bsd-3-clause",
        "bsd-3-clause-clear", "cc0-1.0", "cc-by-2.0", "cc-by-2.5", "cc-by-3.0", "cc-by-4.0", "cdla-permissive-1.0",
        "cdla-permissive-2.0", "wtfpl", "ecl-2.0", "etalab-2.0", "isc", "postgresql", "ncsa", "unlicense", "zlib",
        "pddl", "odc-by", "lppl-1.3c", "apple-ascl",
    };

    private static readonly HashSet<string> Copyleft = new(StringComparer.Ordinal)
    {
        "gpl", "gpl-2.0", "gpl-3.0", "agpl-3.0", "lgpl", "lgpl-2.1", "lgpl-3.0", "lgpl-lr", "cc-by-sa-3.0",
        "cc-by-sa-4.0", "cdla-sharing-1.0", "epl-1.0", "epl-2.0", "eupl-1.1", "eupl-1.2", "mpl-2.0", "osl-3.0",
        "gfdl", "odbl", "ofl-1.1", "ms-pl",
    };

    // Custom licences whose published terms forbid commercial use (Mistral's research licence, EXAONE's,
    // DeepFloyd IF's), beside the identifiers that say so in their name (see IsNonCommercialName).
    private static readonly HashSet<string> NonCommercial = new(StringComparer.Ordinal)
    {
        "mrl", "exaone", "deepfloyd-if-license", "h-research", "intel-research", "apple-amlr",
    };

    /// <summary>
    /// The family of a license identifier; <paramref name="licenseName"/> (the card's <c>license_name</c>)
    /// refines <c>other</c>. Null, empty and <c>unknown</c> are <see cref="LicenseFamily.None"/>.
    /// </summary>
    public static LicenseFamily Of(string? license, string? licenseName = null)
    {
        var id = Normalize(license);
        if (id is null or "unknown")
        {
            return LicenseFamily.None;
        }
        if (id == "other")
        {
            var name = Normalize(licenseName);
            return name is null ? LicenseFamily.Restrictive : Known(name) ?? LicenseFamily.Restrictive;
        }
        return Known(id) ?? LicenseFamily.Restrictive;
    }

    /// <summary>The family's name as tables and charts print it.</summary>
    public static string Label(this LicenseFamily family) => family switch
    {
        LicenseFamily.Permissive => "permissive",
        LicenseFamily.Copyleft => "copyleft",
        LicenseFamily.Restrictive => "restrictive/custom",
        LicenseFamily.NonCommercial => "non-commercial",
        _ => "none",
    };

    /// <summary>Every family, from the most permissive to the most restrictive, then none.</summary>
    public static IReadOnlyList<LicenseFamily> All { get; } =
        [LicenseFamily.Permissive, LicenseFamily.Copyleft, LicenseFamily.Restrictive, LicenseFamily.NonCommercial, LicenseFamily.None];

    /// <summary>
    /// True when a child's licence grants more than its base's: both state a licence and the child's family
    /// comes before the base's in the order permissive, copyleft, restrictive/custom, non-commercial (so a
    /// Llama or CC-BY-NC base under an MIT or GPL child, or a GPL base under an MIT child). A base's terms
    /// normally bind its derivatives, so such a link says the child's stated licence cannot be taken at its word.
    /// </summary>
    public static bool Relaxes(LicenseFamily baseFamily, LicenseFamily childFamily) =>
        baseFamily != LicenseFamily.None && childFamily != LicenseFamily.None && childFamily < baseFamily;

    /// <summary>True when the child's licence grants less than its base's (the reverse of <see cref="Relaxes"/>).</summary>
    public static bool Tightens(LicenseFamily baseFamily, LicenseFamily childFamily) =>
        baseFamily != LicenseFamily.None && childFamily != LicenseFamily.None && childFamily > baseFamily;

    internal static string? Normalize(string? value) =>
        value?.Trim().ToLowerInvariant() is { Length: > 0 } v ? v : null;

    private static LicenseFamily? Known(string id)
    {
        if (NonCommercial.Contains(id) || IsNonCommercialName(id))
        {
            return LicenseFamily.NonCommercial;
        }
        if (Permissive.Contains(id))
        {
            return LicenseFamily.Permissive;
        }
        if (Copyleft.Contains(id))
        {
            return LicenseFamily.Copyleft;
        }
        return null;
    }

    // cc-by-nc-4.0, cc-by-nc-sa-4.0, fair-noncommercial-research-license, microsoft-research-license, ...
    private static bool IsNonCommercialName(string id) =>
        id.StartsWith("cc-by-nc", StringComparison.Ordinal) || id.Contains("noncommercial", StringComparison.Ordinal) ||
        id.Contains("non-commercial", StringComparison.Ordinal) || id.Contains("research", StringComparison.Ordinal);
}

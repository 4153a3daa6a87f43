namespace ModelTree.Provenance;

/// <summary>Where a model's license was read from.</summary>
public enum LicenseSource
{
    /// <summary>The card's <c>license</c> field.</summary>
    Card,

    /// <summary>The Hub's <c>license:&lt;x&gt;</c> tag (the card states none).</summary>
    Tag,

    /// <summary>Neither states one.</summary>
    None,
}

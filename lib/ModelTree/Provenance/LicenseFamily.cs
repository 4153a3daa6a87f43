namespace ModelTree.Provenance;

/// <summary>
/// What a license lets a derivative do, in five groups, ordered from the most permissive to the most
/// restrictive (<see cref="None"/> stands apart: no terms are stated at all).
/// </summary>
public enum LicenseFamily
{
    /// <summary>Use, change and relicense with attribution at most (MIT, Apache-2.0, BSD, CC-BY...).</summary>
    Permissive,

    /// <summary>Derivatives must carry the same terms (GPL, AGPL, LGPL, CC-BY-SA, MPL...).</summary>
    Copyleft,

    /// <summary>A model-specific or custom licence with use restrictions (Llama, Gemma, OpenRAIL, "other"...).</summary>
    Restrictive,

    /// <summary>No commercial use (CC-BY-NC, research-only licences).</summary>
    NonCommercial,

    /// <summary>No license stated (or stated as unknown).</summary>
    None,
}

namespace ModelTree.Provenance;

/// <summary>
/// How often two related models share a trait: sibling pairs (two children of the same base) against
/// parent-child pairs (a child and its base), counting only pairs where both models state the trait.
/// </summary>
/// <param name="Trait">license, languages or task.</param>
/// <param name="SiblingPairs">Sibling pairs where both state the trait.</param>
/// <param name="SiblingsAgreeing">Of those, pairs with the same value.</param>
/// <param name="ParentChildPairs">Links where both ends state the trait.</param>
/// <param name="ParentChildAgreeing">Of those, links with the same value.</param>
public sealed record TraitAgreement(string Trait, long SiblingPairs, long SiblingsAgreeing, long ParentChildPairs, long ParentChildAgreeing)
{
    /// <summary>Share of sibling pairs agreeing; null with no pair.</summary>
    public double? SiblingShare => SiblingPairs == 0 ? null : (double)SiblingsAgreeing / SiblingPairs;

    /// <summary>Share of parent-child pairs agreeing; null with no pair.</summary>
    public double? ParentChildShare => ParentChildPairs == 0 ? null : (double)ParentChildAgreeing / ParentChildPairs;

    /// <summary>True when siblings agree more often than parent and child (null when either has no pair).</summary>
    public bool? SiblingsMoreAlike => SiblingShare is { } s && ParentChildShare is { } p ? s > p : null;
}

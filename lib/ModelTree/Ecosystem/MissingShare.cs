namespace ModelTree.Ecosystem;

/// <summary>How many models of the data leave one metadata field empty.</summary>
/// <param name="Field">The field's short name (<see cref="EcosystemStats.Fields"/>).</param>
/// <param name="Missing">Models without it.</param>
/// <param name="Models">All models.</param>
public sealed record MissingShare(string Field, long Missing, long Models)
{
    /// <summary>The share of models without the field (0 for an empty table).</summary>
    public double Share => Models == 0 ? 0 : (double)Missing / Models;
}

using System.Text.Json.Nodes;

namespace ModelTree.Provenance;

/// <summary>A link whose child states a more permissive license than its base (<see cref="LicenseFamilies.Relaxes"/>).</summary>
public sealed record RelaxedLicense(string Child, string Base, string ChildLicense, string BaseLicense, string Relation)
{
    /// <summary>The link in <see cref="LicenseDrift.ToJson"/> (its relation is in the transitions).</summary>
    internal JsonObject ToJson() => new() { ["child"] = Child, ["base"] = Base, ["childLicense"] = ChildLicense, ["baseLicense"] = BaseLicense };
}

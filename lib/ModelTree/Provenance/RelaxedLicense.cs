namespace ModelTree.Provenance;

/// <summary>A link whose child states a more permissive license than its base (<see cref="LicenseFamilies.Relaxes"/>).</summary>
public sealed record RelaxedLicense(string Child, string Base, string ChildLicense, string BaseLicense, string Relation);

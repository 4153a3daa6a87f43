using System.Text.Json.Nodes;

namespace ModelTree.Provenance;

/// <summary>Links from a base of one license family to a child of another, by relation.</summary>
/// <param name="Parent">The base's license family (label).</param>
/// <param name="Child">The child's license family (label).</param>
/// <param name="Relation">The link's relation (finetune, adapter, quantized, merge, unlabelled).</param>
/// <param name="Models">Links counted.</param>
public sealed record LicenseTransition(string Parent, string Child, string Relation, long Models)
{
    /// <summary>The transition in <see cref="LicenseDrift.ToJson"/>.</summary>
    internal JsonObject ToJson() => new() { ["parent"] = Parent, ["child"] = Child, ["relation"] = Relation, ["models"] = Models };
}

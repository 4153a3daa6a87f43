using ModelTree.Records;

namespace ModelTree.Graph;

/// <summary>
/// The descendants of a model grouped by the relations on the way down to them: "finetune", then
/// "finetune/quantized" (quantizations of finetunes), and so on. The shape of a family at a glance.
/// </summary>
/// <param name="Path">The relations from the root, joined by '/' (empty for the root itself).</param>
/// <param name="Parent">The path one level up (null for the root).</param>
/// <param name="Relation">The last relation on the path (<see cref="Relation.Unknown"/> for the root).</param>
/// <param name="Depth">Hops from the root.</param>
/// <param name="Models">Models at exactly this path.</param>
/// <param name="Downloads">Their downloads.</param>
public sealed record RelationPath(string Path, string? Parent, Relation Relation, int Depth, int Models, long Downloads);

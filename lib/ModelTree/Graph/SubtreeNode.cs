using ModelTree.Records;

namespace ModelTree.Graph;

/// <summary>A model in a <see cref="Subtree"/>.</summary>
/// <param name="Id">The model.</param>
/// <param name="Depth">Hops below the subtree's root (0 for the root).</param>
/// <param name="Parent">The base through which the walk first reached it (null for the root).</param>
/// <param name="Relation">Its relation to <paramref name="Parent"/> (<see cref="Relation.Unknown"/> for the root).</param>
/// <param name="Downloads">Its downloads (0 when not in the data).</param>
/// <param name="InTable">False when the model is not a row of the data.</param>
/// <param name="Bases">How many bases it names in all (more than one: a merge, a DAG node).</param>
public sealed record SubtreeNode(string Id, int Depth, string? Parent, Relation Relation, long Downloads, bool InTable, int Bases);

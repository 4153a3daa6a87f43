using ModelTree.Records;

namespace ModelTree.Graph;

/// <summary>One ancestor of a model, found by walking base links upwards.</summary>
/// <param name="Id">The ancestor.</param>
/// <param name="Relation">The relation of the hop: <paramref name="Child"/> is a <paramref name="Relation"/> of <paramref name="Id"/>.</param>
/// <param name="Depth">Hops from the model (1 = a direct base), the fewest over all paths.</param>
/// <param name="Child">The model one hop below, on a shortest path.</param>
/// <param name="Source">Where that link was read from.</param>
/// <param name="InTable">False when the ancestor is not a row of the data.</param>
/// <param name="IsRoot">True when the ancestor names no base of its own (or only bases inside its own cycle).</param>
public sealed record Ancestor(string Id, Relation Relation, int Depth, string Child, EdgeSource Source, bool InTable, bool IsRoot);

using ModelTree.Records;

namespace ModelTree.Graph;

/// <summary>One link of the model tree: <paramref name="Child"/> is a <paramref name="Relation"/> of <paramref name="Base"/>.</summary>
/// <param name="Child">The derived model.</param>
/// <param name="Base">The model it names as its base.</param>
/// <param name="Relation">The relation of the child to the base (<see cref="Relation.Unknown"/> when the source gives none).</param>
/// <param name="Source">Where the link was read from.</param>
public sealed record GraphEdge(string Child, string Base, Relation Relation, EdgeSource Source);

using ModelTree.Records;

namespace ModelTree.Graph;

/// <summary>A base a model names, as its model-tree box lists it.</summary>
/// <param name="Id">The base model's id.</param>
/// <param name="Relation">The model's relation to this base.</param>
/// <param name="Source">Where the link was read from.</param>
/// <param name="InTable">False when the base is not a row of the data (an external node).</param>
public sealed record BaseLink(string Id, Relation Relation, EdgeSource Source, bool InTable);

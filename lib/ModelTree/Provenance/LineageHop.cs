using ModelTree.Records;

namespace ModelTree.Provenance;

/// <summary>
/// One hop of a model's lineage: <paramref name="Child"/> is a <paramref name="Relation"/> of <paramref name="Id"/>,
/// and what changed on the way down. A model with several bases has several paths, numbered from 1.
/// </summary>
/// <param name="Path">Which path up from the model (1, 2, ...): each path runs from a direct base to a root.</param>
/// <param name="Depth">Hops from the model along this path (1 = a direct base).</param>
/// <param name="Id">The base reached.</param>
/// <param name="Relation">The relation of the link from <paramref name="Child"/> to it.</param>
/// <param name="Child">The model one hop below on this path.</param>
/// <param name="InTable">False when the base is not a row of the data (the path stops there).</param>
/// <param name="License">The base's license, when it is a row.</param>
/// <param name="Changes">What changed from the base to the child: relation, formats, precision, license, task, languages, size.</param>
public sealed record LineageHop(int Path, int Depth, string Id, Relation Relation, string Child, bool InTable,
    ModelLicense? License, IReadOnlyList<string> Changes);

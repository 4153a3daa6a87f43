namespace ModelTree.Sample;

/// <summary>One line of the generator's ground truth (truth.csv): what the generator meant a row to be.</summary>
/// <param name="Id">Model id.</param>
/// <param name="Relation">The Hub label the generator intended: what it wrote in <c>baseModels.relation</c>,
/// or for rows whose <c>baseModels</c> is NULL although the card names a base, the relation the card implies;
/// empty for models with no base.</param>
/// <param name="Kind">What the repository really is: base, finetune, adapter, quantized or merge.</param>
/// <param name="Case">typical, or the anomaly planted in this row (see <see cref="SampleCases"/>).</param>
/// <param name="Family">Id of the family's root (may be a base that is not in the table); for a cycle, its smallest id.</param>
/// <param name="Depth">Hops from the root (0 for roots, 1 + the deepest base otherwise); -1 inside a cycle.</param>
/// <param name="Bases">The bases the row names, semicolon-joined, in order.</param>
public sealed record SampleTruthRow(string Id, string Relation, string Kind, string Case, string Family, int Depth, string Bases);

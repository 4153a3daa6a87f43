using Microsoft.Data.Analysis;

namespace ModelTree.Ecosystem;

/// <summary>
/// Model sizes (log10 of <c>safetensors.total</c>) split by exact one-dimensional k-means, with k chosen as the
/// candidate of highest mean silhouette; every candidate's score is kept so the choice can be checked.
/// </summary>
public sealed record SizeClustering(IReadOnlyList<SizeCluster> Clusters, IReadOnlyList<ClusterChoice> Candidates, long Models)
{
    /// <summary>The chosen number of clusters.</summary>
    public int K => Clusters.Count;

    /// <summary>The chosen split's mean silhouette.</summary>
    public double Silhouette => Candidates.FirstOrDefault(c => c.K == K)?.Silhouette ?? 0;

    /// <summary>The clusters as a table: range, smallest, largest, models, share.</summary>
    public DataFrame ToFrame() => EcosystemStats.ClusterFrame(Clusters);

    /// <summary>The candidates as a table: k, silhouette, within-cluster sum of squares, chosen.</summary>
    public DataFrame CandidatesFrame() => new(
        new Int32DataFrameColumn("k", Candidates.Select(c => c.K)),
        new DoubleDataFrameColumn("silhouette", Candidates.Select(c => Math.Round(c.Silhouette, 4))),
        new DoubleDataFrameColumn("within-cluster sum of squares", Candidates.Select(c => Math.Round(c.WithinSumOfSquares, 1))),
        new BooleanDataFrameColumn("chosen", Candidates.Select(c => c.K == K)));

    public override string ToString() =>
        $"{Models:N0} models with a parameter count in {K} clusters (silhouette {Silhouette:0.000}): " +
        string.Join("; ", Clusters.Select(c => $"{c.Range}: {c.Models:N0}"));
}

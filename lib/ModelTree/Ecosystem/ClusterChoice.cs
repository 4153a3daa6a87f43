namespace ModelTree.Ecosystem;

/// <summary>One candidate number of size clusters and how good its optimal split is.</summary>
/// <param name="K">The number of clusters.</param>
/// <param name="Silhouette">Mean silhouette over every model (higher: groups tighter and further apart; 1 is best).</param>
/// <param name="WithinSumOfSquares">Sum of squared distances to the group means, in log10 parameters (always falls as k grows).</param>
public sealed record ClusterChoice(int K, double Silhouette, double WithinSumOfSquares);

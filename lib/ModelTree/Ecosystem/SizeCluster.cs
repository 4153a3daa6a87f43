namespace ModelTree.Ecosystem;

/// <summary>
/// One group of model sizes: the smallest and largest parameter count in it (of the models that fall in it; for a
/// fixed bin with no models, its bounds, the last open-ended with <see cref="long.MaxValue"/>) and how many models it holds.
/// </summary>
public sealed record SizeCluster(long Min, long Max, long Models)
{
    /// <summary>The seed's way of writing a range: 104K - 145M.</summary>
    public string Range => Max == long.MaxValue ? $"{EcosystemStats.Short(Min)} and more" : $"{EcosystemStats.Short(Min)} - {EcosystemStats.Short(Max)}";
}

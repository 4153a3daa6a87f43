namespace ModelTree;

/// <summary>What <see cref="EcosystemStats.Popularity"/> groups by.</summary>
public enum PopularityBy
{
    Task,
    Author,
}

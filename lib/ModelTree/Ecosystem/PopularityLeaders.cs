namespace ModelTree.Ecosystem;

/// <summary>Among the largest authors: the one with the most models, the highest mean downloads, the highest mean likes.</summary>
public sealed record PopularityLeaders(string? MostModels, string? MostDownloaded, string? MostLiked);

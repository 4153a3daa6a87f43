namespace ModelTree.Graph;

/// <summary>How much of the Hub grew out of one model.</summary>
/// <param name="Id">The model.</param>
/// <param name="DirectChildren">Models naming it directly as a base.</param>
/// <param name="Descendants">Models below it at any depth, each counted once.</param>
/// <param name="DescendantDownloads">Sum of those descendants' downloads.</param>
/// <param name="Downloads">Its own downloads.</param>
/// <param name="InTable">False when it is not a row of the data.</param>
public sealed record BaseInfluence(string Id, int DirectChildren, int Descendants, long DescendantDownloads, long Downloads, bool InTable);

namespace ModelTree;

/// <summary>What "most influential" ranks by.</summary>
public enum InfluenceMeasure
{
    /// <summary>Models naming it directly as a base.</summary>
    DirectChildren,

    /// <summary>Models below it at any depth.</summary>
    Descendants,

    /// <summary>Downloads of the models below it.</summary>
    DescendantDownloads,
}

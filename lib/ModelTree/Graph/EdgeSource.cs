namespace ModelTree.Graph;

/// <summary>Where an edge child -> base was read from.</summary>
public enum EdgeSource
{
    /// <summary>The <c>baseModels</c> column (the Hub's own list, with its relation label).</summary>
    BaseModels,

    /// <summary>The Hub's tags <c>base_model:&lt;relation&gt;:&lt;id&gt;</c> (or <c>base_model:&lt;id&gt;</c>), used where <c>baseModels</c> is missing.</summary>
    Tag,

    /// <summary>The card's <c>base_model</c>, used where <c>baseModels</c> and the tags name no base.</summary>
    Card,
}

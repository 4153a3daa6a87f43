namespace ModelTree.Sample;

/// <summary>A family being grown: its root (a row, or an external id), profile and the nodes that can be bases.</summary>
internal sealed class SampleFamily(string rootId, int rootIndex, FamilyProfile profile)
{
    public string RootId { get; } = rootId;

    /// <summary>Row index of the root, or -1 when the root is not in the table.</summary>
    public int RootIndex { get; } = rootIndex;

    public FamilyProfile Profile { get; } = profile;

    public bool IsExternal => RootIndex < 0;

    /// <summary>Rows with full weights (root, finetunes, merges): bases for anything.</summary>
    public List<int> Full { get; } = rootIndex >= 0 ? [rootIndex] : [];

    /// <summary>Quantized rows: now and then the base of a finetune or adapter (bnb-4bit checkpoints).</summary>
    public List<int> Quantized { get; } = [];
}

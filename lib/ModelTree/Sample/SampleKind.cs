namespace ModelTree.Sample;

/// <summary>
/// What a generated repository physically is (the truth file's <c>kind</c> column), which can differ from the label the
/// Hub shows. The values are fixed: they index the generator's kind shares, and finetune to merge (1 to 4) index a
/// named root's pull.
/// </summary>
internal enum SampleKind : byte
{
    Base = 0,
    Finetune = 1,
    Adapter = 2,
    Quantized = 3,
    Merge = 4,
}

internal static class SampleKinds
{
    /// <summary>The kind as the truth file spells it, the Hub's relation label for the four derived kinds.</summary>
    public static string Label(this SampleKind kind) => kind switch
    {
        SampleKind.Base => "base",
        SampleKind.Finetune => "finetune",
        SampleKind.Adapter => "adapter",
        SampleKind.Quantized => "quantized",
        SampleKind.Merge => "merge",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

namespace ModelTree.Sample;

/// <summary>
/// A big base family modelled on a real one: its id, creation date, gating, popularity, and how
/// strongly each kind of derivative (finetune, adapter, quantized, merge) is drawn to it.
/// </summary>
internal sealed record NamedRoot(
    string Id,
    DateTime CreatedAt,
    string Gated,
    long Downloads,
    long Likes,
    string[] Languages,
    FamilyProfile Profile,
    double[] Pull);

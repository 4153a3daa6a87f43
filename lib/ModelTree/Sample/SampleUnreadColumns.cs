namespace ModelTree.Sample;

/// <summary>
/// The hub-stats columns of one generated row that no figure reads, as <see cref="SampleUnread"/> makes them, so rows
/// weigh like the hub-stats file's: <c>_id</c>, <c>sha</c>, <c>private</c>, <c>disabled</c>, <c>usedStorage</c>,
/// <c>config</c>, <c>spaces</c>, <c>inference</c>, <c>inferenceProviderMapping</c> (<paramref name="Providers"/>, each
/// entry <c>provider|providerId|status|task</c>) and <c>widgetData[].text</c> (<paramref name="Widget"/>).
/// </summary>
internal sealed record SampleUnreadColumns(
    string ObjectId, string Sha, bool Private, bool Disabled, long UsedStorage, string? Config,
    List<string> Spaces, string? Inference, List<string>? Providers, List<string>? Widget);

namespace ModelTree.Fetch.Family;

/// <summary>What a family walk did.</summary>
/// <param name="OutPath">The JSON Lines file.</param>
/// <param name="Records">Records in it now.</param>
/// <param name="Written">Records this run added.</param>
/// <param name="AlreadyThere">Records an earlier run had written (skipped, not asked for again).</param>
/// <param name="Skipped">Models that could not be read, with the reason.</param>
/// <param name="StillQueued">Models found but not read because the walk reached <see cref="FamilyCrawlOptions.MaxModels"/> (0 when it finished).</param>
/// <param name="Requests">HTTP requests this run made.</param>
/// <param name="BaseModelsDerived">Records written by this run whose <c>baseModels</c> the API did not give, derived from the <c>base_model:&lt;relation&gt;:&lt;id&gt;</c> tags.</param>
/// <param name="RepairedLine">True if the file ended in a half-written line (an earlier run was killed while writing), which was removed.</param>
/// <param name="Elapsed">Wall time of this run.</param>
public sealed record CrawlResult(string OutPath, int Records, int Written, int AlreadyThere, IReadOnlyList<SkippedModel> Skipped,
    int StillQueued, int Requests, int BaseModelsDerived, bool RepairedLine, TimeSpan Elapsed)
{
    /// <summary>True when the walk stopped at the cap with models left to read.</summary>
    public bool StoppedAtCap => StillQueued > 0;
}

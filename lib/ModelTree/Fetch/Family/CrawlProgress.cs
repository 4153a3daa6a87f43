namespace ModelTree.Fetch.Family;

/// <summary>How far a family walk is.</summary>
/// <param name="ModelsDone">Records in the output (including those there from an earlier run).</param>
/// <param name="Queued">Models found and not yet read.</param>
/// <param name="Requests">HTTP requests made by this run (retries included).</param>
/// <param name="Skipped">Models that could not be read (401/403/404, or still failing after retries).</param>
/// <param name="Elapsed">Time since this run started.</param>
/// <param name="Note">Something worth a line of its own (a model skipped, a wait the Hub asked for), or null.</param>
public readonly record struct CrawlProgress(int ModelsDone, int Queued, int Requests, int Skipped, TimeSpan Elapsed, string? Note = null);

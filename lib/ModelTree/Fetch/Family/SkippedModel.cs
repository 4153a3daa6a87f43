namespace ModelTree.Fetch.Family;

/// <summary>A model found in a listing whose record could not be read.</summary>
/// <param name="Id">The model.</param>
/// <param name="Status">The HTTP status of the last answer (0 when there was no answer).</param>
/// <param name="Reason">What that means and what to do.</param>
public sealed record SkippedModel(string Id, int Status, string Reason);

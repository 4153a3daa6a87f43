namespace ModelTree.Study;

/// <summary>
/// One figure of a notebook's summary: this data's value beside the study's. A share is a fraction
/// (0.986), shown as a percentage; a value is null when it cannot be computed here (no rows) or the
/// study did not publish it. For a share, the counts it was computed from are kept, to show
/// "98.6% (262,423 of 266,041)".
/// </summary>
public sealed record ComparedFigure(string Name, double? ThisData, double? Study, bool IsShare = false)
{
    /// <summary>This data's part and whole, for a share.</summary>
    public (long Part, long Whole)? ThisCounts { get; init; }

    /// <summary>The study's part and whole, for a share it published.</summary>
    public (long Part, long Whole)? StudyCounts { get; init; }
}

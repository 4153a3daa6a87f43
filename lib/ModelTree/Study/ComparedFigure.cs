namespace ModelTree.Study;

/// <summary>
/// One figure of a notebook's summary: this data's value beside the study's. A share is a fraction
/// (0.986), shown as a percentage; a value is null when it cannot be computed here (no rows) or the
/// study did not publish it.
/// </summary>
public sealed record ComparedFigure(string Name, double? ThisData, double? Study, bool IsShare = false);

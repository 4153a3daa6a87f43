namespace ModelTree.Workbook.Runner;

/// <summary>One thing to do for a cell, in order: a directive, or code for one kernel.</summary>
public abstract record CellStep;

/// <summary>Run a directive.</summary>
public sealed record DirectiveStep(Directive Directive) : CellStep;

/// <summary>
/// Run code on a kernel. <paramref name="Code"/> has as many lines as the cell: lines that belong to
/// other steps are blank, so line numbers in errors are the cell's line numbers.
/// </summary>
public sealed record CodeStep(string Kernel, string Code) : CellStep;

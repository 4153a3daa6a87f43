namespace ModelTree.Tests.Runner;

/// <summary>
/// Runner tests share process-wide state (the console, environment variables, the current directory),
/// so they run one after another, in the same collection as the tests that execute the workbook's notebooks.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunnerCollection
{
    public const string Name = "Notebooks";
}

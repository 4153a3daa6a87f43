namespace ModelTree.Tests.Runner;

/// <summary>
/// Runner tests share process-wide state (the console, environment variables, the current directory),
/// so they run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunnerCollection
{
    public const string Name = "Runner";
}

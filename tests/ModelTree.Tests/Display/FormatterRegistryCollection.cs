namespace ModelTree.Tests.Display;

/// <summary>
/// The formatter registry is process-wide, and every in-process kernel (the engine and notebook tests) registers into
/// it, so tests that count its entries run alone, with no other collection beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FormatterRegistryCollection
{
    public const string Name = "Formatter registry";
}

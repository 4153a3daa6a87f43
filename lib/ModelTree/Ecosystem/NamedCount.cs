namespace ModelTree.Ecosystem;

/// <summary>A task, an author or another name, and how many models it has.</summary>
public sealed record NamedCount(string Name, long Models);

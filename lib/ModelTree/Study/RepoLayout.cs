namespace ModelTree.Study;

/// <summary>The study's three cases for what a repository holds (VI), plus "neither".</summary>
public enum RepoLayout
{
    /// <summary>Full weights and adapter files in one repository: a standalone delivery unit.</summary>
    BaseAndAdapter,

    /// <summary>Adapter files only: depends on a base model kept elsewhere.</summary>
    AdapterOnly,

    /// <summary>Full weights only: a standard model.</summary>
    BaseOnly,

    /// <summary>Neither (GGUF files only, weights outside the main branch, no files at all...).</summary>
    Neither,
}

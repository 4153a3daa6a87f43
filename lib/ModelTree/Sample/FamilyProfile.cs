namespace ModelTree.Sample;

/// <summary>What a family of models has in common: task, library, architecture, size, licence.</summary>
internal sealed record FamilyProfile(
    string Modality,
    string? Pipeline,
    string? Library,
    string Arch,
    long Parameters,
    string License,
    string? AutoModel,
    string? Processor,
    int ContextLength)
{
    public bool IsLlm => Modality == "llm";

    public bool IsDiffusion => Modality == "diffusion";
}

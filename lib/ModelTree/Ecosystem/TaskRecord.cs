namespace ModelTree.Ecosystem;

/// <summary>What the task experiment reads of one model: its task (the answer) and the fields features are made from.</summary>
public sealed record TaskRecord(
    string Id,
    string Task,
    long Downloads,
    long Likes,
    long Parameters,
    string? Dtype,
    string? Library,
    string? Relation,
    bool HasBase,
    bool HasGguf,
    bool Gated,
    DateTime? CreatedAt,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Files);

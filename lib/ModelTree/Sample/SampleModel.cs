namespace ModelTree.Sample;

/// <summary>One generated row: the hub-stats columns in a flat, flat shape (nested columns as lists and scalars), plus its truth.</summary>
internal sealed class SampleModel
{
    public required string Id { get; init; }
    public required string Author { get; init; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastModified { get; set; }
    public long Downloads { get; set; }
    public long DownloadsAllTime { get; set; }
    public long Likes { get; set; }
    public double TrendingScore { get; set; }
    public string? LibraryName { get; set; }
    public string? PipelineTag { get; set; }
    public List<string>? Tags { get; set; }
    public string? Gated { get; set; }
    public string? CardData { get; set; }
    public List<string>? Files { get; set; }

    /// <summary>baseModels.models[].id; NULL column when null.</summary>
    public List<string>? BaseModelIds { get; set; }

    /// <summary>baseModels.models[]._id, parallel to <see cref="BaseModelIds"/>.</summary>
    public List<string>? BaseModelObjectIds { get; set; }

    public string? BaseModelsRelation { get; set; }
    public List<string>? SafetensorsDtypes { get; set; }
    public List<long>? SafetensorsCounts { get; set; }
    public long? SafetensorsTotal { get; set; }
    public long? GgufTotal { get; set; }
    public string? GgufArchitecture { get; set; }
    public long? GgufContextLength { get; set; }
    public string? AutoModel { get; set; }
    public string? TransformersPipeline { get; set; }
    public string? Processor { get; set; }

    /// <summary>The family's profile, set when the row's content is filled.</summary>
    public FamilyProfile? Profile { get; set; }

    /// <summary>The columns no figure reads, set by <see cref="SampleUnread.Fill"/> before the row is staged.</summary>
    public SampleUnreadColumns? Unread { get; set; }

    // Ground truth
    public string Relation { get; set; } = "";
    public required string Kind { get; init; }
    public required SampleCase Case { get; set; }
    public required string Family { get; init; }
    public required int Depth { get; init; }
    public required IReadOnlyList<string> Bases { get; init; }
}

namespace ModelTree.Fetch;

/// <summary>What <see cref="HubFetcher"/> downloads and where to.</summary>
public sealed class FetchOptions
{
    /// <summary>The hub-stats models table the study used.</summary>
    public const string DefaultUrl = "https://huggingface.co/datasets/cfahlgren1/hub-stats/resolve/main/models.parquet";

    /// <summary>Where the file comes from.</summary>
    public Uri Url { get; init; } = new(DefaultUrl);

    /// <summary>Where the complete, checked file ends up (the download goes to <c>&lt;OutPath&gt;.part</c> first).</summary>
    public string OutPath { get; init; } = WorkbookPaths.FullDataPath;

    /// <summary>Replace an existing file at <see cref="OutPath"/> (once the new one is complete and checked).</summary>
    public bool Force { get; init; }

    /// <summary>How long to wait for a connection before giving up.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the body may stall (no bytes at all) before the download counts as interrupted.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMinutes(2);
}

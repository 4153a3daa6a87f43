namespace ModelTree.Ecosystem;

/// <summary>
/// The figures seed 002 publishes (a blog post, August 2024): 29,017 Hub models crawled in July 2024 from the list
/// sorted by likes (the 1,000 first pages), so the most-liked models, not the Hub as a whole.
/// </summary>
public static class SeedEcosystem
{
    /// <summary>How every figure from the seed is labelled.</summary>
    public const string Label = "seed: 29k most-liked models, July 2024";

    /// <summary>Models crawled.</summary>
    public const long Models = 29_017;

    /// <summary>Models with a size (the seed's clusters count only these): so 68.9% publish none ("more than 60%").</summary>
    public const long WithSize = 9_022;

    /// <summary>The share of models without a task: "about a quarter" (no count is given).</summary>
    public const double TaskMissingShare = 0.25;

    /// <summary>The five tasks with the most models, in order.</summary>
    public static IReadOnlyList<string> TopTasks { get; } =
        ["text-generation", "text-to-image", "text-classification", "text2text-generation", "fill-mask"];

    /// <summary>The five authors with the most models, in order.</summary>
    public static IReadOnlyList<string> TopAuthors { get; } = ["TheBloke", "facebook", "sd-concepts-library", "google", "bartowski"];

    /// <summary>Qwen's rank by model count in the seed.</summary>
    public const int QwenRank = 20;

    /// <summary>The seed's five size clusters: its printed ranges and counts.</summary>
    public static IReadOnlyList<(string Range, long Models)> SizeClusters { get; } =
    [
        ("104K - 145M", 1_377), ("146M - 725M", 1_130), ("728M - 3.7B", 1_807), ("3.7B - 20.9B", 4_708), ("21.1B - 703B", 1_390),
    ];

    /// <summary>
    /// The seed's five clusters as fixed bins: the lower edge of each, halfway between the printed end of one range
    /// and the start of the next (145.5M, 726.5M, 3.7B, 21.0B); the first bin takes everything below 145.5M.
    /// </summary>
    public static IReadOnlyList<long> BinEdges { get; } = [0, 145_500_000, 726_500_000, 3_700_000_000, 21_000_000_000];

    /// <summary>The seed's observations, in its order, as short claims to re-check.</summary>
    public static IReadOnlyList<string> Observations { get; } =
    [
        "zero-shot image classification and sentence similarity are both much downloaded and much liked",
        "image-to-image and text-to-speech are liked more than downloaded",
        "text classification and translation sit low: basic, widely used tasks",
        "Microsoft has the highest mean downloads among the top authors",
        "Qwen has the highest mean likes among the top authors",
        "TheBloke has the most models",
    ];
}

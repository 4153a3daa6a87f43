using System.Collections.Concurrent;
using ModelTree.Records;
using ModelTree.Rules;
using ModelTree.Study;

namespace ModelTree;

/// <summary>
/// Reads a repository's file list the way the study's SQL does (study VI): <c>lower(rfilename) LIKE</c>
/// the patterns in <see cref="Vocabulary"/>. A null or empty file list has no files of any kind.
/// </summary>
public static class FileClassifier
{
    /// <summary>
    /// The study's full-weight test: the lower-cased name matches <see cref="Vocabulary.FullWeightFilePatterns"/>.
    /// Note that <c>adapter_model.safetensors</c> matches <c>%model.safetensors%</c>: the study's test counts
    /// an adapter's own weights as full weights (see <see cref="IsStandaloneWeightFile"/>).
    /// </summary>
    public static bool IsFullWeightFile(string? name) => MatchesAny(name, Vocabulary.FullWeightFilePatterns);

    /// <summary>Full weights that are not adapter files: the study's full-weight test without its adapter false positive.</summary>
    public static bool IsStandaloneWeightFile(string? name) => name is not null && KindsOf(name.ToLowerInvariant()).Standalone;

    /// <summary>Adapter files: <c>adapter_model.*</c> and <c>adapter_config.json</c> (<see cref="Vocabulary.AdapterFilePatterns"/>).</summary>
    public static bool IsAdapterFile(string? name) => MatchesAny(name, Vocabulary.AdapterFilePatterns);

    /// <summary>A GGUF file (<see cref="Vocabulary.GgufFilePattern"/>).</summary>
    public static bool IsGgufFile(string? name) => SqlLike.Matches(name?.ToLowerInvariant(), Vocabulary.GgufFilePattern);

    /// <summary>Complete model weights, single or sharded (<see cref="Vocabulary.CompleteWeightFilePatterns"/>): not an adapter's own weights.</summary>
    public static bool IsCompleteWeightFile(string? name) => MatchesAny(name, Vocabulary.CompleteWeightFilePatterns);

    /// <summary>A safetensors file (<see cref="Vocabulary.SafetensorsFilePatterns"/>).</summary>
    public static bool IsSafetensorsFile(string? name) => MatchesAny(name, Vocabulary.SafetensorsFilePatterns);

    /// <summary>A pickle file holding weights (<see cref="Vocabulary.PickleFilePatterns"/> less <see cref="Vocabulary.NotPickleWeightFilePatterns"/>).</summary>
    public static bool IsPickleWeightFile(string? name) =>
        MatchesAny(name, Vocabulary.PickleFilePatterns) && !MatchesAny(name, Vocabulary.NotPickleWeightFilePatterns);

    /// <summary>An ONNX export (<see cref="Vocabulary.OnnxFilePatterns"/>).</summary>
    public static bool IsOnnxFile(string? name) => MatchesAny(name, Vocabulary.OnnxFilePatterns);

    /// <summary>A GGML file (<see cref="Vocabulary.GgmlFilePatterns"/>).</summary>
    public static bool IsGgmlFile(string? name) => MatchesAny(name, Vocabulary.GgmlFilePatterns);

    /// <summary>A tokenizer file (<see cref="Vocabulary.TokenizerFilePatterns"/>).</summary>
    public static bool IsTokenizerFile(string? name) => MatchesAny(name, Vocabulary.TokenizerFilePatterns);

    /// <summary>A model configuration file (<see cref="Vocabulary.ConfigFilePatterns"/>).</summary>
    public static bool IsConfigFile(string? name) => MatchesAny(name, Vocabulary.ConfigFilePatterns);

    /// <summary>
    /// A LoRA file: an adapter file (what PEFT writes), or weights named for LoRA (<c>*lora*.safetensors</c>,
    /// <c>*lora*.bin</c>, as diffusers LoRAs are often named).
    /// </summary>
    public static bool IsLoraFile(string? name) => IsAdapterFile(name) || MatchesAny(name, Vocabulary.LoraWeightPatterns);

    /// <summary>True when any file is full weights in the study's sense (adapter weights included, as its SQL does).</summary>
    public static bool HasFullWeights(IEnumerable<string?>? files) => Any(files, IsFullWeightFile);

    /// <summary>True when any file is full weights and not an adapter file.</summary>
    public static bool HasStandaloneWeights(IEnumerable<string?>? files) => Any(files, IsStandaloneWeightFile);

    /// <summary>True when any file is an adapter file.</summary>
    public static bool HasAdapterFiles(IEnumerable<string?>? files) => Any(files, IsAdapterFile);

    /// <summary>True when any file is a GGUF file.</summary>
    public static bool HasGgufFiles(IEnumerable<string?>? files) => Any(files, IsGgufFile);

    /// <summary>True when any file is a LoRA file.</summary>
    public static bool HasLoraFiles(IEnumerable<string?>? files) => Any(files, IsLoraFile);

    /// <summary>
    /// Which of the study's three cases (VI) a repository is, by its files: base and adapter together,
    /// adapter alone, base alone, or neither. Full weights here exclude adapter files, so an adapter-only
    /// repository is <see cref="RepoLayout.AdapterOnly"/> (the study's SQL would call it both).
    /// </summary>
    public static RepoLayout Layout(IEnumerable<string?>? files)
    {
        // One pass, each name lower-cased once: notebook 05 asks this of the 412,395 adapter repositories of the 3M table.
        bool standalone = false, adapter = false;
        foreach (var name in files ?? [])
        {
            if (name is null)
            {
                continue;
            }
            var kinds = KindsOf(name.ToLowerInvariant());
            adapter |= kinds.Adapter;
            standalone |= kinds.Standalone;
        }
        return (standalone, adapter) switch
        {
            (true, true) => RepoLayout.BaseAndAdapter,
            (false, true) => RepoLayout.AdapterOnly,
            (true, false) => RepoLayout.BaseOnly,
            _ => RepoLayout.Neither,
        };
    }

    /// <inheritdoc cref="HasFullWeights(IEnumerable{string?}?)"/>
    public static bool HasFullWeights(this ModelRecord model) => HasFullWeights(model.Files);

    /// <inheritdoc cref="HasStandaloneWeights(IEnumerable{string?}?)"/>
    public static bool HasStandaloneWeights(this ModelRecord model) => HasStandaloneWeights(model.Files);

    /// <inheritdoc cref="HasAdapterFiles(IEnumerable{string?}?)"/>
    public static bool HasAdapterFiles(this ModelRecord model) => HasAdapterFiles(model.Files);

    /// <inheritdoc cref="HasGgufFiles(IEnumerable{string?}?)"/>
    public static bool HasGgufFiles(this ModelRecord model) => HasGgufFiles(model.Files);

    /// <inheritdoc cref="HasLoraFiles(IEnumerable{string?}?)"/>
    public static bool HasLoraFiles(this ModelRecord model) => HasLoraFiles(model.Files);

    /// <inheritdoc cref="Layout(IEnumerable{string?}?)"/>
    public static RepoLayout Layout(this ModelRecord model) => Layout(model.Files);

    // The two tests Layout asks of every name, compiled once and held directly (no lookup per name).
    private static readonly LikePattern.Set AdapterFiles = new(Vocabulary.AdapterFilePatterns);
    private static readonly LikePattern.Set FullWeightFiles = new(Vocabulary.FullWeightFilePatterns);

    /// <summary>
    /// A lower-cased name's adapter test, and the standalone-weight test (full weights, not an adapter file): the one
    /// definition <see cref="IsStandaloneWeightFile"/> and <see cref="Layout(IEnumerable{string?}?)"/> share.
    /// </summary>
    private static (bool Adapter, bool Standalone) KindsOf(string lower)
    {
        var adapter = AdapterFiles.Any(lower);
        return (adapter, !adapter && FullWeightFiles.Any(lower));
    }

    // The vocabulary's other pattern lists, each compiled the first time it is asked and found by the list itself
    // (the lists are static, so the cache holds a fixed handful).
    private static readonly ConcurrentDictionary<IReadOnlyList<string>, LikePattern.Set> Compiled =
        new((IEqualityComparer<IReadOnlyList<string>>)ReferenceEqualityComparer.Instance);

    private static bool MatchesAny(string? name, IReadOnlyList<string> patterns) =>
        name is not null && Compiled.GetOrAdd(patterns, list => new LikePattern.Set(list)).Any(name.ToLowerInvariant());

    private static bool Any(IEnumerable<string?>? files, Func<string?, bool> test) => files?.Any(test) ?? false;
}

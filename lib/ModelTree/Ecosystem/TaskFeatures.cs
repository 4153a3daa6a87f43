using System.Globalization;

namespace ModelTree.Ecosystem;

/// <summary>
/// The features the task experiment learns from: what a model's other metadata says, with every field that states
/// or restates its task left out. Built from the training rows only (the vocabulary of tags and libraries), then
/// applied unchanged to the test rows.
/// </summary>
/// <remarks>
/// Left out, because each one gives the answer away (a leak):
/// <list type="bullet">
/// <item><c>pipeline_tag</c> itself, and the card's <c>pipeline_tag</c>;</item>
/// <item>tags that name a task (<c>text-generation</c>, <c>fill-mask</c>... every name in <see cref="TaskNames"/> and
/// every task of the data), and <c>conversational</c> and <c>text-generation-inference</c>, which the Hub adds to
/// text-generation models;</item>
/// <item><c>transformersInfo</c>: its <c>pipeline_tag</c> is the answer, and its <c>auto_model</c>
/// (<c>AutoModelForCausalLM</c>, <c>AutoModelForSequenceClassification</c>) names the head the Hub derives the task from;</item>
/// <item>the id and the author, which would let a model memorise an organisation's habits rather than learn from metadata
/// (and an id often spells the task: <c>...-sentiment-classifier</c>).</item>
/// </list>
/// Kept: downloads, likes, the parameter count, the tensor type, the library, the relation to a base, how old the
/// model is, the other tags (architecture, datasets, languages, license) and the kinds of files in the repository.
/// </remarks>
public sealed class TaskFeatures
{
    /// <summary>Tags the Hub uses as tasks (pipeline tags), left out of the tag features whatever the data holds.</summary>
    public static IReadOnlySet<string> TaskNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "text-generation", "text2text-generation", "text-classification", "token-classification", "fill-mask",
        "question-answering", "table-question-answering", "summarization", "translation", "sentence-similarity",
        "feature-extraction", "zero-shot-classification", "text-to-image", "image-to-image", "image-classification",
        "image-segmentation", "object-detection", "zero-shot-image-classification", "zero-shot-object-detection",
        "image-to-text", "image-text-to-text", "visual-question-answering", "document-question-answering", "depth-estimation",
        "mask-generation", "unconditional-image-generation", "video-classification", "text-to-video", "image-to-video",
        "text-to-speech", "text-to-audio", "automatic-speech-recognition", "audio-classification", "audio-to-audio",
        "voice-activity-detection", "reinforcement-learning", "robotics", "tabular-classification", "tabular-regression",
        "time-series-forecasting", "graph-ml", "any-to-any", "image-feature-extraction", "keypoint-detection",
        "text-ranking", "video-text-to-text", "visual-document-retrieval", "text-retrieval", "image-to-3d", "text-to-3d",
        "conversational", "text-generation-inference",
    };

    /// <summary>File kinds (name, test on a file name) whose presence in the repository is a feature.</summary>
    public static IReadOnlyList<(string Name, Func<string, bool> Test)> FileKinds { get; } =
    [
        ("safetensors", f => f.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase)),
        ("pickle .bin", f => f.EndsWith(".bin", StringComparison.OrdinalIgnoreCase)),
        ("gguf", f => f.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)),
        ("onnx", f => f.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)),
        (".pt/.pth/.ckpt", f => f.EndsWith(".pt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pth", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ckpt", StringComparison.OrdinalIgnoreCase)),
        (".h5/.keras", f => f.EndsWith(".h5", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".keras", StringComparison.OrdinalIgnoreCase)),
        (".msgpack", f => f.EndsWith(".msgpack", StringComparison.OrdinalIgnoreCase)),
        (".zip", f => f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)),
        ("adapter_config.json", f => NameIs(f, "adapter_config.json")),
        ("config.json", f => NameIs(f, "config.json")),
        ("tokenizer", f => NameIs(f, "tokenizer.json", "tokenizer_config.json", "tokenizer.model", "vocab.txt", "vocab.json", "merges.txt")),
        ("generation_config.json", f => NameIs(f, "generation_config.json")),
        ("preprocessor_config.json", f => NameIs(f, "preprocessor_config.json", "processor_config.json", "feature_extractor_config.json")),
        ("model_index.json", f => NameIs(f, "model_index.json")),
        ("unet/ or transformer/", f => f.StartsWith("unet/", StringComparison.OrdinalIgnoreCase) || f.StartsWith("transformer/", StringComparison.OrdinalIgnoreCase)),
        ("sentence-transformers files", f => NameIs(f, "modules.json", "sentence_bert_config.json", "config_sentence_transformers.json")),
        ("learned_embeds", f => Path.GetFileName(f.AsSpan()).StartsWith("learned_embeds", StringComparison.OrdinalIgnoreCase)),
        ("lora weights", f => Path.GetFileName(f.AsSpan()).Contains("lora", StringComparison.OrdinalIgnoreCase)),
        ("image or video file", f => ExtIs(f, ".png", ".jpg", ".jpeg", ".webp", ".gif", ".mp4")),
        ("audio file", f => ExtIs(f, ".wav", ".mp3", ".flac")),
        (".nemo/.tflite/.mlmodel", f => ExtIs(f, ".nemo", ".tflite", ".mlmodel", ".mlpackage")),
    ];

    /// <summary>How many of the most frequent tags (in the training rows) become features.</summary>
    public const int TagVocabulary = 150;

    /// <summary>How many of the most frequent libraries (in the training rows) become features; the rest count as "other".</summary>
    public const int LibraryVocabulary = 25;

    private static readonly string[] Numeric =
    [
        "log10(1 + downloads)", "log10(1 + likes)", "log10(parameters)", "has a parameter count", "log10(1 + files)",
        "tags (kept)", "years since 2020", "has a base model", "has gguf metadata", "gated",
    ];

    private static readonly string[] Relations = ["finetune", "adapter", "quantized", "merge"];

    private readonly string[] _tags;
    private readonly string[] _libraries;
    private readonly string[] _dtypes;
    private readonly Dictionary<string, int> _tagIndex;
    private readonly Dictionary<string, int> _libraryIndex;
    private readonly Dictionary<string, int> _dtypeIndex;

    private TaskFeatures(string[] tags, string[] libraries, string[] dtypes)
    {
        _tags = tags;
        _libraries = libraries;
        _dtypes = dtypes;
        _tagIndex = tags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        _libraryIndex = libraries.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        _dtypeIndex = dtypes.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        Names =
        [
            .. Numeric,
            .. Relations.Select(r => $"relation {r}"),
            .. libraries.Select(l => $"library {l}"), "library other", "library none",
            .. dtypes.Select(d => $"dtype {d}"),
            .. FileKinds.Select(k => $"file {k.Name}"),
            .. tags.Select(t => $"tag {t}"),
        ];
    }

    /// <summary>Every feature's name, in vector order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The length of a feature vector.</summary>
    public int Count => Names.Count;

    /// <summary>
    /// The vocabulary of <paramref name="training"/>: its most frequent kept tags and libraries, every dtype, with
    /// <paramref name="tasks"/> (the data's task names) left out of the tags as well.
    /// </summary>
    public static TaskFeatures Fit(IEnumerable<TaskRecord> training, IEnumerable<string> tasks)
    {
        var list = training.ToList();
        var leaks = new HashSet<string>(TaskNames, StringComparer.OrdinalIgnoreCase);
        leaks.UnionWith(tasks);
        string[] Top(IEnumerable<string> values, int n) => values.GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(n).Select(g => g.Key).ToArray();
        var tags = Top(list.SelectMany(r => r.Tags.Where(t => Kept(t, leaks)).Distinct()), TagVocabulary);
        var libraries = Top(list.Select(r => r.Library).OfType<string>(), LibraryVocabulary);
        var dtypes = Top(list.Select(r => r.Dtype).OfType<string>(), 12);
        return new TaskFeatures(tags, libraries, dtypes);
    }

    /// <summary>Whether a tag may be a feature: not a task, not a base model id, an arXiv id or a region.</summary>
    public static bool Kept(string tag, IReadOnlySet<string> leaks) =>
        !leaks.Contains(tag) && !tag.StartsWith("base_model:", StringComparison.Ordinal)
        && !tag.StartsWith("arxiv:", StringComparison.Ordinal) && !tag.StartsWith("region:", StringComparison.Ordinal)
        && !tag.StartsWith("doi:", StringComparison.Ordinal);

    /// <summary>The feature vector of one record.</summary>
    public float[] Vector(TaskRecord r)
    {
        var v = new float[Count];
        var i = 0;
        v[i++] = (float)Math.Log10(1 + Math.Max(0, r.Downloads));
        v[i++] = (float)Math.Log10(1 + Math.Max(0, r.Likes));
        v[i++] = r.Parameters > 0 ? (float)Math.Log10(r.Parameters) : 0;
        v[i++] = r.Parameters > 0 ? 1 : 0;
        v[i++] = (float)Math.Log10(1 + r.Files.Count);
        v[i++] = r.Tags.Count(t => _tagIndex.ContainsKey(t));
        v[i++] = r.CreatedAt is { } c ? (float)((c - new DateTime(2020, 1, 1)).TotalDays / 365.25) : 0;
        v[i++] = r.HasBase ? 1 : 0;
        v[i++] = r.HasGguf ? 1 : 0;
        v[i++] = r.Gated ? 1 : 0;
        var relation = Array.IndexOf(Relations, r.Relation);
        if (relation >= 0)
        {
            v[i + relation] = 1;
        }
        i += Relations.Length;
        if (r.Library is null)
        {
            v[i + _libraries.Length + 1] = 1;
        }
        else
        {
            v[i + (_libraryIndex.TryGetValue(r.Library, out var l) ? l : _libraries.Length)] = 1;
        }
        i += _libraries.Length + 2;
        if (r.Dtype is not null && _dtypeIndex.TryGetValue(r.Dtype, out var d))
        {
            v[i + d] = 1;
        }
        i += _dtypes.Length;
        for (var k = 0; k < FileKinds.Count; k++)
        {
            v[i + k] = r.Files.Any(FileKinds[k].Test) ? 1 : 0;
        }
        i += FileKinds.Count;
        foreach (var tag in r.Tags)
        {
            if (_tagIndex.TryGetValue(tag, out var t))
            {
                v[i + t] = 1;
            }
        }
        return v;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Count} features: {Numeric.Length} numeric, {Relations.Length} relations, {_libraries.Length + 2} libraries, {_dtypes.Length} dtypes, {FileKinds.Count} file kinds, {_tags.Length} tags");

    // A file's name or extension compared in place, ignoring case, without a lower-cased copy per test.
    private static bool NameIs(string path, params ReadOnlySpan<string> names) => AnyOf(Path.GetFileName(path.AsSpan()), names);

    private static bool ExtIs(string path, params ReadOnlySpan<string> extensions) => AnyOf(Path.GetExtension(path.AsSpan()), extensions);

    private static bool AnyOf(ReadOnlySpan<char> value, ReadOnlySpan<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (value.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}

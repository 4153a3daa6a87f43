using System.Globalization;

namespace ModelTree.Provenance;

/// <summary>
/// What a repository holds, read from its file list, tags and parameter counts: the seed's "read the file
/// list before downloading". Each format is tested by the study's file classifier; <see cref="Implications"/>
/// says what the formats mean for someone about to run the model.
/// </summary>
public sealed record ArtifactFacts
{
    /// <summary>The Hub's <c>pipeline_tag</c>, else the card's.</summary>
    public string? Task { get; init; }

    /// <summary><c>library_name</c> (the table's, else the card's): the loader the repository is meant for.</summary>
    public string? Library { get; init; }

    /// <summary>Files listed; 0 when the file list is unknown.</summary>
    public int Files { get; init; }

    /// <summary>Formats present: safetensors, pickle, gguf, ggml, onnx, adapter.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    /// <summary>Complete model weights (single or sharded), not only an adapter.</summary>
    public bool CompleteWeights { get; init; }

    /// <summary>Adapter files and no complete weights: needs its base to run.</summary>
    public bool AdapterOnly { get; init; }

    /// <summary>Weights only as pickle files (no safetensors, GGUF or ONNX).</summary>
    public bool PickleOnly { get; init; }

    /// <summary>Quantized formats with their levels (empty when not quantized).</summary>
    public IReadOnlyList<string> Quantization { get; init; } = [];

    /// <summary>The dtype holding most parameters in the safetensors files (e.g. BF16), with the others after it.</summary>
    public string? Precision { get; init; }

    /// <summary>Parameters (safetensors, else GGUF), when the Hub counted them.</summary>
    public long? Parameters { get; init; }

    public bool HasTokenizer { get; init; }

    public bool HasConfig { get; init; }

    /// <summary>What the formats mean for a user, one sentence each.</summary>
    public IReadOnlyList<string> Implications { get; init; } = [];

    /// <summary>The weights in one word: complete, adapter only, quantized only, none found, or file list unknown.</summary>
    public string Weights => Files == 0 ? "file list unknown"
        : CompleteWeights ? "complete"
        : AdapterOnly ? "adapter only"
        : Quantization.Count > 0 && Formats.Any(f => f is "gguf" or "ggml") ? "quantized only"
        : Formats.Any(f => f is "safetensors" or "pickle" or "onnx") ? "weights (layout not recognised)"
        : "none found";

    /// <summary>Parameters as people say them: 2.8B, 82M.</summary>
    public string? ParameterText => Parameters is { } p ? Size(p) : null;

    internal static string Size(long p) => p switch
    {
        >= 1_000_000_000 => (p / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B",
        >= 1_000_000 => (p / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        _ => p.ToString("N0", CultureInfo.InvariantCulture),
    };

    internal static ArtifactFacts Of(ArtifactRecord record)
    {
        var model = record.Model;
        var files = model.Files;
        var formats = new List<string>();
        void Add(string name, Func<string?, bool> test)
        {
            if (files.Any(test))
            {
                formats.Add(name);
            }
        }
        Add("safetensors", FileClassifier.IsSafetensorsFile);
        Add("pickle", FileClassifier.IsPickleWeightFile);
        Add("gguf", FileClassifier.IsGgufFile);
        Add("ggml", FileClassifier.IsGgmlFile);
        Add("onnx", FileClassifier.IsOnnxFile);
        Add("adapter", FileClassifier.IsAdapterFile);

        var complete = files.Any(FileClassifier.IsCompleteWeightFile);
        var adapterOnly = !complete && model.HasLoraFiles();
        var pickleOnly = formats.Contains("pickle") && !formats.Any(f => f is "safetensors" or "gguf" or "onnx");
        var facts = new ArtifactFacts
        {
            Task = model.PipelineTag ?? model.Card.String("pipeline_tag"),
            Library = model.LibraryName ?? model.Card.LibraryName,
            Files = files.Count,
            Formats = formats,
            CompleteWeights = complete,
            AdapterOnly = adapterOnly,
            PickleOnly = pickleOnly,
            Quantization = QuantizationReader.Read(model),
            Precision = DominantDtype(record.Dtypes),
            Parameters = record.Parameters,
            HasTokenizer = files.Any(FileClassifier.IsTokenizerFile),
            HasConfig = files.Any(FileClassifier.IsConfigFile),
        };
        return facts with { Implications = Implied(facts, model.BaseModels.Count > 0 || model.Card.BaseModels.Count > 0) };
    }

    private static string? DominantDtype(IReadOnlyDictionary<string, long> dtypes)
    {
        if (dtypes.Count == 0)
        {
            return null;
        }
        var ordered = dtypes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key.ToUpperInvariant()).ToList();
        return ordered.Count == 1 ? ordered[0] : $"{ordered[0]} (+{string.Join(", ", ordered.Skip(1))})";
    }

    private static List<string> Implied(ArtifactFacts f, bool namesBase)
    {
        if (f.Files == 0)
        {
            return ["file list unknown: nothing can be said about the weights before downloading"];
        }
        var said = new List<string>();
        if (f.CompleteWeights)
        {
            said.Add("complete weights: the model runs on its own");
        }
        if (f.AdapterOnly)
        {
            said.Add(namesBase ? "adapter only: it runs only on top of its base model, which must be fetched too"
                : "adapter only, and no base named: there is no telling which model it must be loaded on");
        }
        foreach (var q in f.Quantization)
        {
            said.Add($"quantized ({q}): smaller and faster, with some loss of quality; needs a runtime that reads the format");
        }
        if (f.PickleOnly)
        {
            said.Add("pickle-only weights: loading them runs code stored in the file; prefer a safetensors copy");
        }
        else if (f.Formats.Contains("safetensors"))
        {
            said.Add("safetensors: weights load without running code");
        }
        if (f.Formats.Contains("onnx"))
        {
            said.Add("an ONNX export: runs in ONNX Runtime without the training framework");
        }
        if (!f.HasTokenizer && f.Task is null or "text-generation" or "text2text-generation" or "text-classification" or "fill-mask"
            or "feature-extraction" or "sentence-similarity" or "token-classification" or "question-answering" or "summarization" or "translation")
        {
            said.Add("no tokenizer files: the base model's tokenizer must be used, and which one is not stated here");
        }
        if (!f.HasConfig && !f.AdapterOnly && f.Formats.Count > 0 && !f.Formats.Contains("gguf"))
        {
            said.Add("no config file: a loader cannot tell the architecture from the repository alone");
        }
        if (f.Weights == "none found")
        {
            said.Add("no weight file recognised: check the file list before trusting this repository");
        }
        return said;
    }
}

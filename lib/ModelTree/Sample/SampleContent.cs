using System.Globalization;
using System.Text.Json;

namespace ModelTree.Sample;

/// <summary>Whether a card names the bases: None (the row has none), Auto (as the Hub's baseModels do), Omit (the card leaves them out).</summary>
internal enum CardBase { None, Auto, Omit }

/// <summary>
/// What the Hub stores for a row beyond its place in the tree and its files: the tags as the Hub builds them, the card
/// (cardData, as JSON text), baseModels, the safetensors and gguf figures, transformersInfo and the popularity figures.
/// Draws from the world's generator, in the order the world always drew them.
/// </summary>
internal sealed class SampleContent(SampleRandom rng)
{
    private readonly SampleRandom _rng = rng;
    private readonly SampleJson _json = new(1024);

    /// <summary>A card that is not JSON any more: cut short, or written YAML-style without braces.</summary>
    public string Malformed(string json)
    {
        if (_rng.Chance(0.5))
        {
            return json[..Math.Max(1, json.Length * 2 / 3)];
        }
        return json.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)
            .Replace("\": ", ": ", StringComparison.Ordinal).Replace(", \"", "\n", StringComparison.Ordinal).TrimStart('"');
    }

    /// <summary>Tags, card, baseModels, safetensors, gguf, transformersInfo and the popularity figures.</summary>
    public void Fill(SampleModel m, FamilyProfile p, SampleKind kind, string? library, List<string> files, List<string> cardTags,
        string[] languages, string license, List<string> baseIds, string? relation, string? declared, CardBase cardBase,
        bool datasets, bool noCard = false, bool baseModelsNull = false, string? quantStyle = null, string? cardBaseId = null)
    {
        m.Files = files;
        m.LibraryName = library;
        if (noCard)
        {
            // No card, so nothing the card would have contributed to the tags.
            cardTags = [];
            languages = [];
            datasets = false;
        }
        cardTags = cardTags.Distinct().ToList();
        m.PipelineTag = p.Pipeline;
        if (kind == SampleKind.Adapter && p.IsLlm && _rng.Chance(0.3))
        {
            m.PipelineTag = null;
        }

        // Popularity, unless the row came with its own (the named roots).
        if (m.Downloads == 0 && m.Likes == 0)
        {
            Popularity(m, kind);
        }

        // baseModels
        if (baseIds.Count > 0 && !baseModelsNull)
        {
            m.BaseModelIds = baseIds;
            m.BaseModelObjectIds = baseIds.Select(ObjectIdOf).ToList();
            m.BaseModelsRelation = relation;
        }

        // Tags as the Hub builds them: library and formats, architecture, task, card tags, languages,
        // datasets, base_model tags, licence, then the Hub's own markers.
        var tags = new List<string>();
        if (library is not null)
        {
            tags.Add(library);
        }
        if (files.Any(f => f.EndsWith(".safetensors", StringComparison.Ordinal)) && library != "safetensors")
        {
            tags.Add("safetensors");
        }
        if (files.Any(f => f.EndsWith(".gguf", StringComparison.Ordinal)) && library != "gguf")
        {
            tags.Add("gguf");
        }
        if (files.Any(f => f.EndsWith(".bin", StringComparison.Ordinal) && f.StartsWith("pytorch_model", StringComparison.Ordinal)))
        {
            tags.Add("pytorch");
        }
        if (p.Arch != "unknown" && kind != SampleKind.Adapter)
        {
            tags.Add(p.Arch);
        }
        if (m.PipelineTag is not null)
        {
            tags.Add(m.PipelineTag);
        }
        foreach (var t in cardTags)
        {
            if (!tags.Contains(t))
            {
                tags.Add(t);
            }
        }
        tags.AddRange(languages);
        var datasetList = datasets ? new[] { _rng.Pick(SampleCatalog.Datasets) } : [];
        tags.AddRange(datasetList.Select(d => "dataset:" + d));
        if (baseIds.Count > 0 && cardBase != CardBase.Omit)
        {
            foreach (var b in baseIds)
            {
                tags.Add("base_model:" + b);
            }
            foreach (var b in baseIds)
            {
                tags.Add($"base_model:{relation}:{b}");
            }
        }
        var modelIndex = !noCard && _rng.Chance(kind == SampleKind.Base ? 0.2 : 0.3);
        if (modelIndex)
        {
            tags.Add("model-index");
        }
        if (_rng.Chance(0.35))
        {
            tags.Add("arxiv:" + _rng.Pick(Arxiv));
            if (_rng.Chance(0.4))
            {
                tags.Add("arxiv:" + _rng.Pick(Arxiv));
            }
        }
        tags.Add("license:" + license);
        if (p.IsLlm && kind != SampleKind.Adapter && quantStyle is null or "bnb4" or "bnb8" or "gptq" or "awq" or "fp8")
        {
            if (_rng.Chance(0.6))
            {
                tags.Add("conversational");
            }
            if (library == "transformers")
            {
                tags.AddRange(["autotrain_compatible", "text-generation-inference"]);
            }
        }
        if (library is "transformers" or "diffusers" or "sentence-transformers" or "peft" && _rng.Chance(0.7))
        {
            tags.Add("endpoints_compatible");
        }
        tags.Add("region:us");
        m.Tags = tags.Distinct().ToList();

        // cardData: the card's YAML front matter as JSON text.
        if (!noCard)
        {
            m.CardData = Card(m, cardBaseId is null ? baseIds : [cardBaseId], cardBase, declared, library, license, languages, cardTags, datasetList, p, modelIndex);
        }

        TensorFigures(m, p, kind, library, files, quantStyle);
    }

    /// <summary>Downloads, likes, trending score, gating and last change: heavy tails, quantizers high.</summary>
    private void Popularity(SampleModel m, SampleKind kind)
    {
        var (mu, sigma) = kind switch
        {
            SampleKind.Base => (1.0, 2.2),
            SampleKind.Finetune => (1.6, 2.4),
            SampleKind.Adapter => (1.3, 2.1),
            SampleKind.Quantized => (SampleCatalog.Quantizers.Contains(m.Author) ? 4.5 : 2.4, 2.3),
            _ => (1.5, 2.0),
        };
        m.Downloads = Math.Max(0, (long)Math.Exp(mu + sigma * _rng.Normal()) - 1);
        m.DownloadsAllTime = m.Downloads + (long)(m.Downloads * Math.Exp(0.8 + _rng.Normal())) + _rng.Next(20);
        m.Likes = Math.Max(0, (long)Math.Exp(0.35 * Math.Log(1 + m.Downloads) - 0.9 + 1.1 * _rng.Normal()) - 1);
        var age = (SampleCatalog.Snapshot - m.CreatedAt).TotalDays;
        m.TrendingScore = age < 90 ? Math.Round(m.Likes * (0.05 + 0.5 * _rng.NextDouble())) : _rng.Chance(0.03) ? _rng.Between(1, 3) : 0;
        m.Gated = _rng.Weighted([95, 3, 2]) switch { 0 => "false", 1 => "auto", _ => "manual" };
        m.LastModified = m.CreatedAt.AddDays(_rng.Exponential(25));
        if (m.LastModified > SampleCatalog.Snapshot)
        {
            m.LastModified = m.CreatedAt > SampleCatalog.Snapshot ? m.CreatedAt : SampleCatalog.Snapshot;
        }
    }

    /// <summary>The safetensors or gguf figures the files imply, and transformersInfo.</summary>
    private void TensorFigures(SampleModel m, FamilyProfile p, SampleKind kind, string? library, List<string> files, string? quantStyle)
    {
        m.Profile = p;
        var hasSafetensors = files.Any(f => f.EndsWith(".safetensors", StringComparison.Ordinal));
        if (files.Any(f => f.EndsWith(".gguf", StringComparison.Ordinal)))
        {
            m.GgufTotal = p.Parameters;
            m.GgufArchitecture = p.Arch;
            m.GgufContextLength = p.ContextLength;
        }
        else if (hasSafetensors && p.Parameters > 0)
        {
            var total = p.Parameters;
            (List<string> Dtypes, List<long> Counts) st = (kind, quantStyle) switch
            {
                (SampleKind.Adapter, _) => (["F32"], [Math.Max(1000, (long)(total * (0.001 + 0.01 * _rng.NextDouble())))]),
                (_, "bnb4" or "bnb8") => (["F32", "BF16", "U8"], [total / 200, total / 8, total / 3]),
                (_, "gptq" or "awq") => (["I32", "F16"], [total / 8, total / 9]),
                (_, "mlx") => (["U32", "BF16"], [total / 8, total / 20]),
                (_, "fp8") => (["F8_E4M3", "BF16"], [total * 9 / 10, total / 10]),
                _ when p.IsLlm => (["BF16"], [total]),
                _ when p.IsDiffusion => (["F16"], [total]),
                _ => (["F32"], [total]),
            };
            m.SafetensorsDtypes = st.Dtypes;
            m.SafetensorsCounts = st.Counts;
            m.SafetensorsTotal = st.Counts.Sum();
        }
        if (library == "transformers" && p.AutoModel is not null)
        {
            m.AutoModel = p.AutoModel;
            m.TransformersPipeline = p.Pipeline;
            m.Processor = p.Processor;
        }
    }

    private static readonly string[] Arxiv = ["2106.09685", "2305.14314", "2305.18290", "2310.06825", "2407.21783", "2402.03300", "1910.09700", "2009.03300", "2203.02155", "2412.19437"];

    private static readonly string[] Metrics = ["accuracy", "f1", "exact_match", "acc_norm", "rouge1", "wer", "bleu", "pass@1"];

    private string Card(SampleModel m, List<string> baseIds, CardBase cardBase, string? declared, string? library, string license,
        string[] languages, List<string> cardTags, string[] datasets, FamilyProfile p, bool modelIndex = false)
    {
        using (var w = _json.Start())
        {
            w.WriteStartObject();
            if (baseIds.Count > 0 && cardBase != CardBase.Omit)
            {
                if (baseIds.Count == 1 && _rng.Chance(0.55))
                {
                    w.WriteString("base_model", baseIds[0]);
                }
                else
                {
                    WriteStrings(w, "base_model", baseIds);
                }
                if (declared is not null)
                {
                    w.WriteString("base_model_relation", declared);
                }
            }
            if (library is not null && library != "gguf" && _rng.Chance(0.85))
            {
                w.WriteString("library_name", library);
            }
            w.WriteString("license", license);
            if (languages.Length > 0)
            {
                WriteStrings(w, "language", languages);
            }
            if (p.Pipeline is not null && _rng.Chance(0.5))
            {
                w.WriteString("pipeline_tag", m.PipelineTag ?? p.Pipeline);
            }
            if (cardTags.Count > 0)
            {
                WriteStrings(w, "tags", cardTags);
            }
            if (datasets.Length > 0)
            {
                WriteStrings(w, "datasets", datasets);
            }
            if (_rng.Chance(0.3))
            {
                w.WriteStartArray("metrics");
                w.WriteStringValue(_rng.Pick(Metrics));
                w.WriteEndArray();
            }
            if (_rng.Chance(0.1))
            {
                w.WriteStartArray("widget");
                w.WriteStartObject();
                w.WriteString("text", "Write a short poem about the sea, then explain the meter you used in one sentence.");
                w.WriteEndObject();
                w.WriteEndArray();
            }
            if (modelIndex)
            {
                WriteModelIndex(w, m, p);
            }
            w.WriteEndObject();
        }
        return _json.Text();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }

    /// <summary>Evaluation results, as the Trainer and the leaderboards write them: the long tail of card sizes.</summary>
    private void WriteModelIndex(Utf8JsonWriter w, SampleModel m, FamilyProfile p)
    {
        w.WriteStartArray("model-index");
        w.WriteStartObject();
        w.WriteString("name", IdStore.ShortName(m.Id));
        w.WriteStartArray("results");
        for (var k = 1 + (int)_rng.Exponential(3); k > 0; k--)
        {
            w.WriteStartObject();
            w.WritePropertyName("task");
            w.WriteStartObject();
            w.WriteString("type", m.PipelineTag ?? p.Pipeline ?? "text-generation");
            w.WriteString("name", "Text Generation");
            w.WriteEndObject();
            w.WritePropertyName("dataset");
            w.WriteStartObject();
            var dataset = _rng.Pick(SampleCatalog.Datasets);
            w.WriteString("name", dataset);
            w.WriteString("type", dataset);
            w.WriteString("split", "test");
            w.WriteEndObject();
            w.WriteStartArray("metrics");
            w.WriteStartObject();
            w.WriteString("type", _rng.Pick(Metrics));
            w.WriteNumber("value", Math.Round(100 * _rng.NextDouble(), 2));
            w.WriteString("name", "score");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>The Mongo-style <c>_id</c> of a model id, as its derivatives' <c>baseModels.models[]._id</c> name it.</summary>
    public static string ObjectIdOf(string id) => ObjectId(id, SampleCatalog.Start.AddDays(IdStore.Hash(id) % 1800));

    private static string ObjectId(string id, DateTime created)
    {
        var seconds = (uint)(created - DateTime.UnixEpoch).TotalSeconds;
        return seconds.ToString("x8", CultureInfo.InvariantCulture) + IdStore.Hash(id).ToString("x16", CultureInfo.InvariantCulture);
    }
}

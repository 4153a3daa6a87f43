using System.Globalization;
using System.Text.Json;

namespace ModelTree.Sample;

/// <summary>
/// The hub-stats columns no figure of the workbook reads (<c>_id</c>, <c>sha</c>, <c>private</c>, <c>disabled</c>,
/// <c>usedStorage</c>, <c>config</c>, <c>spaces</c>, <c>inference</c>, <c>inferenceProviderMapping</c>,
/// <c>widgetData</c>), made so that a generated row weighs like a real one and timings on a generated table mean
/// something. Each row draws from its own generator, seeded by the sample's seed and the row number, never from the
/// world's: the columns the study reads are what generator version 3 made for the same seed.
/// </summary>
internal static class SampleUnread
{
    /// <summary>The type of <c>inferenceProviderMapping</c>: the inference providers serving the model.</summary>
    public const string ProvidersType = "STRUCT(provider VARCHAR, providerId VARCHAR, status VARCHAR, task VARCHAR)[]";

    /// <summary>The type of <c>widgetData</c>: the prompts of the model page's widget.</summary>
    public const string WidgetType = "STRUCT(\"text\" VARCHAR)[]";

    /// <summary>The columns, after the hub-schema ones, with their parquet types.</summary>
    public static IReadOnlyList<(string Name, string Type)> Columns { get; } =
    [
        ("_id", "VARCHAR"), ("sha", "VARCHAR"), ("private", "BOOLEAN"), ("disabled", "BOOLEAN"), ("usedStorage", "BIGINT"),
        ("config", "VARCHAR"), ("spaces", "VARCHAR[]"), ("inference", "VARCHAR"), ("inferenceProviderMapping", ProvidersType),
        ("widgetData", WidgetType),
    ];

    /// <summary>The same columns in the staging CSV: lists joined with <see cref="SampleCsvStage.Separator"/>, a provider
    /// entry as <c>provider|providerId|status|task</c>.</summary>
    public static IReadOnlyList<(string Name, string Type)> StageColumns { get; } =
        Columns.Select(c => (c.Name, c.Type.EndsWith(']') ? "VARCHAR" : c.Type)).ToArray();

    /// <summary>The SQL expression that builds each column from the staging table.</summary>
    public static string Expression(string name) => name switch
    {
        "spaces" => SampleCsvStage.Split("spaces"),
        "inferenceProviderMapping" => $"list_transform({SampleCsvStage.Split("inferenceProviderMapping")}, lambda e: " +
            "{'provider': string_split(e, '|')[1], 'providerId': string_split(e, '|')[2], " +
            "'status': string_split(e, '|')[3], 'task': string_split(e, '|')[4]})",
        "widgetData" => $"list_transform({SampleCsvStage.Split("widgetData")}, lambda t: {{'text': t}})",
        _ => $"\"{name}\"",
    };

    // Spaces many models name (leaderboards, quantizing tools), then words for invented ones.
    private static readonly string[] CommonSpaces =
    [
        "open-llm-leaderboard/open_llm_leaderboard", "HuggingFaceH4/open_llm_leaderboard", "Intel/low_bit_open_llm_leaderboard",
        "KBaba7/Quant", "bhaskartripathi/LLM_Quantization", "FallnAI/Quantize-HF-Models", "ruslanmv/convert_to_gguf",
        "eduagarcia/open_pt_llm_leaderboard", "mteb/leaderboard", "gsaivinay/open_llm_leaderboard", "totolook/Quant",
    ];

    private static readonly string[] SpaceWords =
        ["demo", "chat", "playground", "gradio-app", "arena", "compare", "space", "ui", "test", "inference", "api", "bot"];

    private static readonly string[] TextProviders =
        ["hf-inference", "together", "fireworks-ai", "nebius", "novita", "sambanova", "groq", "hyperbolic", "featherless-ai", "cerebras", "nscale"];

    private static readonly string[] ImageProviders = ["fal-ai", "replicate", "nebius", "together", "hf-inference", "wavespeed"];

    private static readonly string[] Prompts =
    [
        "My name is Julien and I like to", "Once upon a time,", "The capital of France is", "Explain quantum computing in simple terms.",
        "Paris is the [MASK] of France.", "I like you. I love you", "a photo of an astronaut riding a horse on mars",
        "Translate to German: My name is Wolfgang and I live in Berlin", "Hello, I'm a language model,",
    ];

    /// <summary>Sets the unread columns of the model at <paramref name="row"/> of a sample made with <paramref name="seed"/>.</summary>
    public static void Fill(SampleModel m, int seed, long row)
    {
        var rng = new SampleRandom(unchecked(seed * 0x5851F42D4C957F2DL + row + 1));
        // Derivatives name a base by the same _id in baseModels.models[]._id.
        // Arguments are evaluated in order: the generator draws for each column in turn.
        m.Unread = new SampleUnreadColumns(
            ObjectId: SampleContent.ObjectIdOf(m.Id),
            Sha: rng.NextU64().ToString("x16", CultureInfo.InvariantCulture) + rng.NextU64().ToString("x16", CultureInfo.InvariantCulture)
                + ((uint)rng.NextU64()).ToString("x8", CultureInfo.InvariantCulture),
            Private: false,
            Disabled: rng.Chance(0.0005),
            UsedStorage: UsedStorage(m, rng),
            Config: Config(m, rng),
            Spaces: Spaces(m, rng),
            Inference: rng.Chance(m.Likes >= 1000 ? 0.3 : m.Likes >= 100 ? 0.05 : 0.002) ? "warm" : null,
            Providers: Providers(m, rng),
            Widget: Widget(m, rng));
    }

    /// <summary>Bytes the repository takes on all its branches: its weights by kind and size, checkpoints, the rest.</summary>
    private static long UsedStorage(SampleModel m, SampleRandom rng)
    {
        var files = m.Files ?? [];
        if (files.Count <= 2)
        {
            return rng.Between(1_500, 40_000) + (m.Kind is "adapter" or "quantized" ? (long)(3e8 * rng.NextDouble()) : 0);
        }
        var p = m.Profile;
        double parameters = p is { Parameters: > 0 } ? p.Parameters : 2_000_000;
        var gguf = files.Count(f => f.EndsWith(".gguf", StringComparison.Ordinal));
        var weights = m.Kind switch
        {
            "adapter" => parameters * 2 * (0.002 + 0.03 * rng.NextDouble()),
            "quantized" => parameters * Math.Max(1, gguf) * (0.4 + 0.5 * rng.NextDouble()),
            _ => parameters * (p is { IsLlm: true } or { IsDiffusion: true } ? 2 : 4)
                * (files.Exists(f => f.StartsWith("pytorch_model", StringComparison.Ordinal)) && files.Exists(f => f.StartsWith("model", StringComparison.Ordinal) && f.EndsWith(".safetensors", StringComparison.Ordinal)) ? 2 : 1),
        };
        var checkpoints = files.Count(f => f.StartsWith("checkpoint-", StringComparison.Ordinal) && f.EndsWith("/optimizer.pt", StringComparison.Ordinal));
        var other = files.Count * (5_000 + 400_000 * rng.NextDouble());
        return (long)(weights * (1 + 3 * checkpoints) * Math.Exp(0.1 * rng.Normal()) + other);
    }

    /// <summary>The Hub's <c>config</c>: what config.json, adapter_config.json or model_index.json say, as JSON text;
    /// NULL when the repository has none of them (GGUF-only repositories, most diffusion LoRAs).</summary>
    private static string? Config(SampleModel m, SampleRandom rng)
    {
        var files = m.Files;
        var p = m.Profile;
        if (files is null || p is null || p.Modality is "rl" or "other")
        {
            return null;
        }
        var config = files.Contains("config.json");
        var adapter = files.Contains("adapter_config.json");
        var pipeline = files.Contains("model_index.json");
        if (!config && !adapter && !pipeline)
        {
            return null;
        }
        var json = new SampleJson(512);
        using (var w = json.Start())
        {
            w.WriteStartObject();
            if (pipeline)
            {
                w.WriteStartObject("diffusers");
                w.WriteString("_class_name", p.Arch switch
                {
                    "flux" => "FluxPipeline",
                    "stable-diffusion-xl" => "StableDiffusionXLPipeline",
                    _ => "StableDiffusionPipeline",
                });
                w.WriteEndObject();
            }
            else
            {
                if (config && p.AutoModel is not null)
                {
                    w.WriteStartArray("architectures");
                    w.WriteStringValue(ClassPrefix(p.Arch) + ClassSuffix(p.AutoModel));
                    w.WriteEndArray();
                    w.WriteString("model_type", p.Arch);
                    if (m.Tags is { } custom && custom.Contains("custom_code"))
                    {
                        w.WriteStartObject("auto_map");
                        w.WriteString("AutoConfig", $"configuration_{p.Arch}.{ClassPrefix(p.Arch)}Config");
                        w.WriteString(p.AutoModel, $"modeling_{p.Arch}.{ClassPrefix(p.Arch)}{ClassSuffix(p.AutoModel)}");
                        w.WriteEndObject();
                    }
                }
                if (m.Kind == "quantized" && m.Tags is { } tags)
                {
                    var method = tags.Contains("gptq") ? "gptq" : tags.Contains("awq") ? "awq" : tags.Contains("bitsandbytes") ? "bitsandbytes" : tags.Contains("fp8") ? "fp8" : null;
                    if (method is not null)
                    {
                        w.WriteStartObject("quantization_config");
                        w.WriteNumber("bits", method == "fp8" ? 8 : tags.Contains("8bit") ? 8 : 4);
                        w.WriteString("quant_method", method);
                        w.WriteEndObject();
                    }
                }
                if (files.Contains("tokenizer_config.json") || adapter)
                {
                    Tokenizer(w, m, p, rng);
                }
                if (adapter)
                {
                    w.WriteStartObject("peft");
                    w.WriteString("base_model_name_or_path", m.Bases.Count > 0 ? m.Bases[0] : m.Family);
                    w.WriteString("task_type", p.IsLlm ? "CAUSAL_LM" : p.Modality == "seq2seq" ? "SEQ_2_SEQ_LM" : "FEATURE_EXTRACTION");
                    w.WriteEndObject();
                }
            }
            w.WriteEndObject();
        }
        return json.Text();
    }

    private static void Tokenizer(Utf8JsonWriter w, SampleModel m, FamilyProfile p, SampleRandom rng)
    {
        (string Bos, string Eos, string? Pad, string? Unk) tokens = p.Arch switch
        {
            "llama" => ("<|begin_of_text|>", rng.Chance(0.5) ? "<|eot_id|>" : "<|end_of_text|>", null, null),
            "qwen2" or "qwen3" => ("<|endoftext|>", "<|im_end|>", "<|endoftext|>", null),
            "mistral" or "mixtral" => ("<s>", "</s>", null, "<unk>"),
            "gemma2" => ("<bos>", "<eos>", "<pad>", "<unk>"),
            "bert" or "distilbert" => ("[CLS]", "[SEP]", "[PAD]", "[UNK]"),
            "roberta" or "mbart" => ("<s>", "</s>", "<pad>", "<unk>"),
            _ => ("<|endoftext|>", "<|endoftext|>", rng.Chance(0.5) ? "<|endoftext|>" : null, "<|endoftext|>"),
        };
        w.WriteStartObject("tokenizer_config");
        w.WriteString("bos_token", tokens.Bos);
        if (p.IsLlm && m.Tags is { } tags && tags.Contains("conversational"))
        {
            w.WriteString("chat_template", ChatTemplate(m, p, rng));
        }
        w.WriteString("eos_token", tokens.Eos);
        WriteOrNull(w, "pad_token", tokens.Pad ?? (rng.Chance(0.4) ? tokens.Eos : null));
        WriteOrNull(w, "unk_token", tokens.Unk);
        w.WriteEndObject();
    }

    /// <summary>A chat template: the base's style or ChatML, now and then with a default system prompt naming the model.</summary>
    private static string ChatTemplate(SampleModel m, FamilyProfile p, SampleRandom rng)
    {
        var style = rng.Chance(0.25) ? "chatml" : p.Arch switch
        {
            "qwen2" or "qwen3" => "chatml",
            "llama" => "llama3",
            "mistral" or "mixtral" => "inst",
            "gemma2" => "gemma",
            _ => rng.Chance(0.5) ? "chatml" : "zephyr",
        };
        var system = rng.Chance(0.3) ? $"You are {IdStore.ShortName(m.Id)}, a helpful assistant{(rng.Chance(0.5) ? $" made by {m.Author}" : "")}." : null;
        return style switch
        {
            "llama3" => "{{ bos_token }}" + (system is null ? "" : $"{{{{ '<|start_header_id|>system<|end_header_id|>\\n\\n{system}<|eot_id|>' }}}}") +
                "{% for message in messages %}{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' }}{% endfor %}",
            "inst" => "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}{{ '[INST] ' + " +
                (system is null ? "" : $"'{system} ' + ") + "message['content'] + ' [/INST]' }}{% else %}{{ message['content'] + eos_token }}{% endif %}{% endfor %}",
            "gemma" => "{{ bos_token }}{% for message in messages %}{{ '<start_of_turn>' + message['role'] + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}",
            "zephyr" => "{% for message in messages %}{{ '<|' + message['role'] + '|>\\n' + message['content'] + eos_token }}{% endfor %}",
            _ => (system is null ? "" : $"{{% if messages[0]['role'] != 'system' %}}{{{{ '<|im_start|>system\\n{system}<|im_end|>\\n' }}}}{{% endif %}}") +
                "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}",
        };
    }

    private static void WriteOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static string ClassPrefix(string arch) => arch switch
    {
        "qwen2" => "Qwen2",
        "gemma2" => "Gemma2",
        "distilbert" => "DistilBert",
        "vit" => "ViT",
        "mbart" => "MBart",
        "gpt2" => "GPT2",
        "wav2vec2" => "Wav2Vec2",
        _ => char.ToUpperInvariant(arch[0]) + arch[1..],
    };

    private static string ClassSuffix(string autoModel) => autoModel switch
    {
        "AutoModel" => "Model",
        "AutoModelForSpeechSeq2Seq" or "AutoModelForSeq2SeqLM" => "ForConditionalGeneration",
        _ => autoModel["AutoModel".Length..],
    };

    /// <summary>Spaces that use the model: none for most, more for the liked ones, a few shared by many models.</summary>
    private static List<string> Spaces(SampleModel m, SampleRandom rng)
    {
        if (!rng.Chance(m.Likes >= 1000 ? 0.8 : m.Likes >= 100 ? 0.4 : m.Likes >= 10 ? 0.1 : 0.01))
        {
            return [];
        }
        var count = Math.Min(20, 1 + (int)rng.Exponential(m.Likes >= 1000 ? 8 : 1.5));
        var shortName = IdStore.ShortName(m.Id).ToLowerInvariant();
        var spaces = new List<string>(count);
        for (var k = 0; k < count; k++)
        {
            var first = rng.Pick(SampleCatalog.FirstParts);
            var space = rng.Chance(0.3)
                ? rng.Pick(CommonSpaces)
                : $"{first}{(rng.Chance(0.5) ? "-" : "")}{rng.Pick(SampleCatalog.SecondParts)}/{(rng.Chance(0.5) ? shortName + "-" : "")}{rng.Pick(SpaceWords)}";
            if (!spaces.Contains(space))
            {
                spaces.Add(space);
            }
        }
        return spaces;
    }

    /// <summary>Inference providers serving the model: NULL for nearly all, one to four for some popular ones.</summary>
    private static List<string>? Providers(SampleModel m, SampleRandom rng)
    {
        var task = m.PipelineTag switch
        {
            "text-generation" => m.Tags is { } tags && tags.Contains("conversational") ? "conversational" : "text-generation",
            "text-to-image" or "automatic-speech-recognition" or "feature-extraction" or "text-classification" => m.PipelineTag,
            "sentence-similarity" => "feature-extraction",
            _ => null,
        };
        if (task is null || !rng.Chance(m.Likes >= 1000 ? 0.5 : m.Likes >= 100 ? 0.08 : m.Downloads >= 10_000 ? 0.02 : 0.0005))
        {
            return null;
        }
        var pool = task == "text-to-image" ? ImageProviders : task is "conversational" or "text-generation" ? TextProviders : ["hf-inference"];
        var count = Math.Min(pool.Length, rng.Between(1, 4));
        var author = m.Author.ToLowerInvariant();
        var shortName = IdStore.ShortName(m.Id);
        var lower = shortName.ToLowerInvariant();
        var providers = new List<string>(count);
        foreach (var provider in pool.OrderBy(_ => rng.NextU64()).Take(count))
        {
            var providerId = provider switch
            {
                "fireworks-ai" => $"accounts/fireworks/models/{lower.Replace('.', 'p')}",
                "groq" or "cerebras" => lower,
                "fal-ai" => $"fal-ai/{lower}",
                "novita" or "replicate" => $"{author}/{lower}",
                "together" when rng.Chance(0.5) => $"{m.Id}-Turbo",
                _ => m.Id,
            };
            providers.Add($"{provider}|{providerId}|{(rng.Chance(0.9) ? "live" : "staging")}|{task}");
        }
        return providers;
    }

    /// <summary>The widget's prompts: the card's own widget when it has one, else now and then the task's examples.</summary>
    private static List<string>? Widget(SampleModel m, SampleRandom rng)
    {
        if (m.CardData is { } card && card.Contains("\"widget\"", StringComparison.Ordinal))
        {
            try
            {
                using var json = JsonDocument.Parse(card);
                if (json.RootElement.TryGetProperty("widget", out var widget) && widget.ValueKind == JsonValueKind.Array)
                {
                    return widget.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("text", out _))
                        .Select(e => e.GetProperty("text").GetString() ?? "").ToList();
                }
            }
            catch (JsonException)
            {
                // A malformed card: no widget read from it.
            }
        }
        if (m.PipelineTag is null || !rng.Chance(0.03))
        {
            return null;
        }
        var count = rng.Between(1, 3);
        var prompts = new List<string>(count);
        for (var k = 0; k < count; k++)
        {
            prompts.Add(rng.Pick(Prompts));
        }
        return prompts.Distinct().ToList();
    }
}

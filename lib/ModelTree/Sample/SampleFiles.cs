namespace ModelTree.Sample;

/// <summary>
/// The file lists of generated repositories: the weights, a full model's files for its modality, a quantization's
/// files for its style, and the extras real repositories carry. Draws from the world's generator, so the world's
/// sequence of draws is the same as when these lists were made inside it.
/// </summary>
internal sealed class SampleFiles(SampleRandom rng)
{
    private readonly SampleRandom _rng = rng;

    public (List<string> Files, string? Library) QuantizedFiles(FamilyProfile p, string style, DateTime created, string shortName, List<string> cardTags)
    {
        var baseName = shortName;
        foreach (var suffix in new[] { "-i1-GGUF", "-GGUF", "-bnb-4bit", "-8bit", "-onnx-int8", "-int4-ov", "-quantized", "-GPTQ", "-AWQ", "-mlx-4bit", "-HQQ-4bit-smashed", "-GGML", "-llamafile", "-exl2-4.0bpw", "-FP8" })
        {
            if (baseName.EndsWith(suffix, StringComparison.Ordinal))
            {
                baseName = baseName[..^suffix.Length];
                break;
            }
        }
        var files = new List<string> { ".gitattributes", "README.md" };
        string? library = "transformers";
        switch (style)
        {
            case "gguf":
                library = _rng.Chance(0.7) ? "gguf" : null;
                var levels = SampleCatalog.GgufLevels;
                var count = 1 + (int)Math.Min(levels.Length - 1, _rng.Exponential(5));
                var start = _rng.Next(levels.Length - count + 1);
                for (var k = 0; k < count; k++)
                {
                    files.Add($"{baseName}-{levels[start + k]}.gguf");
                }
                if (_rng.Chance(0.3))
                {
                    cardTags.AddRange(["llama-cpp", "gguf-my-repo"]);
                }
                else if (_rng.Chance(0.3))
                {
                    cardTags.Add("imatrix");
                }
                return (files, library);
            case "bnb4":
            case "bnb8":
                files.AddRange(["config.json", "generation_config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]);
                cardTags.AddRange(style == "bnb4" ? ["unsloth", "4bit", "bitsandbytes"] : ["8bit", "bitsandbytes"]);
                return (files, library);
            case "onnx":
                files.AddRange(["config.json", "onnx/model.onnx", "onnx/model_quantized.onnx", "tokenizer.json"]);
                cardTags.AddRange(["onnx", "int8", "quantized"]);
                return (files, "transformers.js");
            case "int4":
                files.AddRange(["config.json", "openvino_model.xml", "openvino_model.bin", "tokenizer.json"]);
                cardTags.AddRange(["openvino", "int4"]);
                return (files, library);
            case "quantized":
                files.AddRange(["config.json", "model.safetensors", "tokenizer.json"]);
                cardTags.Add("quantized");
                return (files, library);
            case "gptq":
                files.AddRange(["config.json", "model.safetensors", "quantize_config.json", "tokenizer.json", "tokenizer_config.json"]);
                cardTags.Add("gptq");
                if (_rng.Chance(0.5))
                {
                    cardTags.Add("4-bit");
                }
                return (files, library);
            case "awq":
                files.AddRange(["config.json", "model.safetensors", "quant_config.json", "tokenizer.json"]);
                cardTags.AddRange(_rng.Chance(0.5) ? ["awq", "4-bit"] : ["awq"]);
                return (files, library);
            case "mlx":
                files.AddRange(["config.json", "model.safetensors", "model.safetensors.index.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]);
                cardTags.AddRange(_rng.Chance(0.4) ? ["mlx", "mlx-my-repo"] : ["mlx"]);
                return (files, _rng.Chance(0.5) ? "mlx" : "transformers");
            case "split-gguf":
                foreach (var level in SampleCatalog.GgufLevels.Take(2 + _rng.Next(6)))
                {
                    var parts = 2 + _rng.Next(6);
                    for (var k = 1; k <= parts; k++)
                    {
                        files.Add($"{baseName}.{level}.gguf.part{k}of{parts}");
                    }
                }
                return (files, "transformers");
            case "hqq":
                files.AddRange(["config.json", "qmodel.pt", "smash_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]);
                cardTags.AddRange(["pruna-ai"]);
                return (files, null);
            case "ggml":
                foreach (var level in new[] { "q4_0", "q4_1", "q5_0", "q5_1", "q8_0" }.Take(2 + _rng.Next(4)))
                {
                    files.Add($"ggml-model-{level}.bin");
                }
                return (files, null);
            case "llamafile":
                foreach (var level in SampleCatalog.GgufLevels.Take(3 + _rng.Next(8)))
                {
                    files.Add($"{baseName}.{level}.llamafile");
                }
                files.Add("config.json");
                return (files, "transformers");
            case "exl2":
                files.AddRange(["config.json", "output.safetensors", "measurement.json", "tokenizer.json"]);
                cardTags.Add("exl2");
                return (files, null);
            default:
                files.AddRange(WeightFiles(p, created, shortName));
                files.AddRange(["config.json", "recipe.yaml", "tokenizer.json"]);
                cardTags.AddRange(["fp8", "compressed-tensors"]);
                return (files, library);
        }
    }

    /// <summary>The weight files alone: sharded or single safetensors, or pytorch_model.bin for older repos.</summary>
    public List<string> WeightFiles(FamilyProfile p, DateTime created, string shortName)
    {
        var old = created < new DateTime(2023, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var shards = (int)Math.Ceiling(p.Parameters * 2.0 / 4.9e9);
        var files = new List<string>();
        if (shards > 1)
        {
            var ext = old ? "bin" : "safetensors";
            var stem = old ? "pytorch_model" : "model";
            for (var k = 1; k <= shards; k++)
            {
                files.Add($"{stem}-{k:00000}-of-{shards:00000}.{ext}");
            }
            files.Add(old ? "pytorch_model.bin.index.json" : "model.safetensors.index.json");
        }
        else if (old)
        {
            files.Add("pytorch_model.bin");
            if (_rng.Chance(0.3))
            {
                files.Add("model.safetensors");
            }
        }
        else
        {
            files.Add("model.safetensors");
            if (_rng.Chance(0.15))
            {
                files.Add("pytorch_model.bin");
            }
        }
        _ = shortName;
        return files;
    }

    public List<string> FullWeightFiles(FamilyProfile p, DateTime created, string shortName, bool root, bool standalone = false)
    {
        var files = new List<string> { ".gitattributes" };
        if (root || _rng.Chance(0.95))
        {
            files.Add("README.md");
        }
        switch (p.Modality)
        {
            case "llm":
                files.Add("config.json");
                files.Add("generation_config.json");
                files.AddRange(WeightFiles(p, created, shortName));
                files.AddRange(["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]);
                break;
            case "diffusion":
                files.Add("model_index.json");
                if (p.Arch == "flux")
                {
                    files.AddRange([$"{shortName}.safetensors", "ae.safetensors", "transformer/config.json"]);
                    for (var k = 1; k <= 3; k++)
                    {
                        files.Add($"transformer/diffusion_pytorch_model-{k:00000}-of-00003.safetensors");
                    }
                    files.AddRange(["text_encoder/model.safetensors", "vae/diffusion_pytorch_model.safetensors"]);
                }
                else
                {
                    files.AddRange([$"{shortName}.safetensors", "unet/diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.safetensors",
                        "text_encoder/model.safetensors", "scheduler/scheduler_config.json", "tokenizer/vocab.json"]);
                }
                break;
            case "rl":
                files.AddRange([$"{shortName}.zip", "config.json", "replay.mp4", "results.json"]);
                break;
            case "other":
                if (!standalone || _rng.Chance(0.6))
                {
                    files.Add(_rng.Pick(new[] { "model.pt", "model.pkl", "checkpoint.ckpt", "weights.h5", "model.joblib" }));
                }
                break;
            default:
                files.Add("config.json");
                files.AddRange(WeightFiles(p, created, shortName));
                files.AddRange(p.Modality switch
                {
                    "encoder" when p.Library == "sentence-transformers" => ["modules.json", "sentence_bert_config.json", "1_Pooling/config.json", "tokenizer.json"],
                    "encoder" => ["tokenizer.json", "tokenizer_config.json", "vocab.txt"],
                    "vision" => ["preprocessor_config.json"],
                    "asr" => ["preprocessor_config.json", "tokenizer.json", "vocab.json"],
                    _ => ["tokenizer_config.json", "spiece.model"],
                });
                break;
        }
        if (!root && _rng.Chance(0.2) && p.Modality is not ("rl" or "other"))
        {
            files.Add("training_args.bin");
        }
        return files;
    }

    /// <summary>
    /// The files real repositories carry beyond their weights, so rows weigh like real rows (the real records of April 2025:
    /// about 25 files a repository on average, median 11, a tail past 100): tokenizer extras, training results and
    /// TensorBoard runs, and for some finetunes and adapters their training checkpoints, a few of them very many.
    /// </summary>
    public void AddWeight(List<string> files, FamilyProfile p, SampleKind kind, DateTime created, string shortName)
    {
        if (p.Modality is "llm" or "encoder" or "seq2seq" or "asr")
        {
            if (_rng.Chance(0.5))
            {
                files.AddRange(["vocab.json", "merges.txt"]);
            }
            if (_rng.Chance(0.4))
            {
                files.Add("added_tokens.json");
            }
            if (p.IsLlm && _rng.Chance(0.3))
            {
                files.Add(_rng.Chance(0.5) ? "tokenizer.model" : "chat_template.jinja");
            }
        }
        else if (p.Modality == "rl")
        {
            var stem = shortName.Length > 0 ? shortName : "model";
            files.AddRange([$"{stem}/data", $"{stem}/policy.pth", $"{stem}/policy.optimizer.pth", $"{stem}/pytorch_variables.pth", $"{stem}/_stable_baselines3_version", $"{stem}/system_info.txt"]);
        }
        else if (p.IsDiffusion && kind == SampleKind.Adapter)
        {
            for (var k = _rng.Next(7); k > 0; k--)
            {
                files.Add($"images/example_{k}.png");
            }
        }
        if (_rng.Chance(0.02))
        {
            // The long tail: a repository of hundreds of files (data shards, samples saved under hashed names).
            var hashed = _rng.Chance(0.6);
            for (var k = 100 + (int)_rng.Exponential(180); k > 0; k--)
            {
                files.Add(hashed ? $"samples/{_rng.NextU64():x16}.png" : $"data/train-{k:00000}.parquet");
            }
        }
        if (p.Modality is "rl")
        {
            return;
        }
        if (_rng.Chance(0.5))
        {
            files.AddRange(["trainer_state.json", "all_results.json", "train_results.json"]);
            if (_rng.Chance(0.5))
            {
                files.Add("eval_results.json");
            }
        }
        if (_rng.Chance(0.35))
        {
            var host = $"{created:MMMdd_HH-mm-ss}_{_rng.Pick(SampleCatalog.StyleWords)}-{_rng.Next(9000) + 1000}";
            for (var k = 1 + _rng.Next(3); k > 0; k--)
            {
                files.Add($"runs/{host}/events.out.tfevents.{1_700_000_000 + _rng.Next(90_000_000)}.{host}.{_rng.Next(400)}.{k - 1}");
            }
        }
        if (kind == SampleKind.Base ? _rng.Chance(0.2) : _rng.Chance(0.4))
        {
            // Checkpoints: usually a few, a long tail of many (a heavy-tailed count, capped).
            var count = (int)Math.Min(_rng.Chance(0.02) ? 60 : 12, Math.Floor(Math.Pow(1 - _rng.NextDouble(), -1 / 1.4)));
            string[] inside = kind is SampleKind.Adapter
                ? ["adapter_config.json", "adapter_model.safetensors", "optimizer.pt", "rng_state.pth", "scheduler.pt", "trainer_state.json", "training_args.bin", "README.md"]
                : ["config.json", "generation_config.json", "optimizer.pt", "rng_state.pth", "scheduler.pt", "trainer_state.json", "training_args.bin"];
            var step = 50 * (1 + _rng.Next(20));
            for (var c = 1; c <= count; c++)
            {
                foreach (var f in inside)
                {
                    files.Add($"checkpoint-{c * step}/{f}");
                }
            }
        }
    }
}

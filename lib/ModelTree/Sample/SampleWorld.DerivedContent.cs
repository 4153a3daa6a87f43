namespace ModelTree.Sample;

internal sealed partial class SampleWorld
{
    /// <summary>
    /// What a derivative's repository holds for its kind and case: its files and its card's tags (the lists from
    /// <see cref="SampleFiles"/>), then the rest through <see cref="SampleContent.Fill"/>.
    /// </summary>
    private void FillDerived(SampleModel model, FamilyProfile p, SampleKind kind, SampleCase planted, string? quantStyle,
        List<string> baseIds, string relation, string? declared, string? cardBase)
    {
        var created = model.CreatedAt;
        var shortName = IdStore.ShortName(model.Id);
        var library = p.Library;
        var cardTags = new List<string>();
        List<string> files;
        switch (kind)
        {
            case SampleKind.Finetune:
                files = _files.FullWeightFiles(p, created, shortName, false);
                if (p.IsLlm && _rng.Chance(0.4))
                {
                    cardTags.AddRange(_rng.Chance(0.5) ? ["trl", "sft"] : ["unsloth", "trl"]);
                }
                else if (_rng.Chance(0.4))
                {
                    cardTags.Add("generated_from_trainer");
                }
                if (planted == SampleCase.FinetuneWithAdapterTag)
                {
                    cardTags.Add(_rng.Weighted([6, 3, 1]) switch { 0 => "lora", 1 => "peft", _ => "adapter" });
                }
                else if (planted == SampleCase.LoraFilesNotAdapter)
                {
                    files.Add("adapter_model.safetensors");
                    if (_rng.Chance(0.5))
                    {
                        files.Add("adapter_config.json");
                    }
                    cardTags.AddRange(["unsloth", "trl", "sft"]);
                }
                break;
            case SampleKind.Adapter:
                if (p.IsDiffusion)
                {
                    library = "diffusers";
                    files = [".gitattributes", "README.md", _rng.Chance(0.7) ? "pytorch_lora_weights.safetensors" : $"{shortName}.safetensors"];
                    if (_rng.Chance(0.4))
                    {
                        files.Add("images/example_0.png");
                    }
                    if (planted != SampleCase.AdapterWithoutAdapterTag)
                    {
                        cardTags.AddRange(["text-to-image", "lora", "diffusers", "template:sd-lora"]);
                    }
                    else
                    {
                        cardTags.AddRange(["text-to-image", "diffusers"]);
                    }
                }
                else
                {
                    // Physically an adapter without the peft library: no library (the Hub reads none from the files), or
                    // transformers (AutoTrain and the like).
                    library = planted == SampleCase.AdapterFilesLabelledFinetune ? (_rng.Chance(0.6) ? null : "transformers") : "peft";
                    files = [".gitattributes", "README.md", "adapter_config.json",
                        created < new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc) ? "adapter_model.bin" : "adapter_model.safetensors"];
                    if (_rng.Chance(0.5))
                    {
                        files.AddRange(["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]);
                    }
                    if (_rng.Chance(0.3))
                    {
                        files.Add("training_args.bin");
                    }
                    if (planted == SampleCase.BaseAndAdapterTogether)
                    {
                        files.AddRange(_files.WeightFiles(p, created, shortName));
                        files.Add("config.json");
                    }
                    if (planted == SampleCase.AdapterAndQuantEvidence)
                    {
                        // The LoRA converted for llama.cpp, beside the PEFT files: adapter and quantized evidence at once.
                        files.Add($"{shortName}-{_rng.Pick(new[] { "F16", "Q8_0" })}.gguf");
                        cardTags.AddRange(["lora", "llama-cpp"]);
                    }
                    else if (planted != SampleCase.AdapterFilesLabelledFinetune && _rng.Chance(0.45))
                    {
                        cardTags.Add("lora");
                    }
                    if (_rng.Chance(0.4))
                    {
                        cardTags.AddRange(["trl", "sft"]);
                    }
                    else if (_rng.Chance(0.2))
                    {
                        cardTags.Add("generated_from_trainer");
                    }
                }
                break;
            case SampleKind.Quantized:
                (files, library) = _files.QuantizedFiles(p, quantStyle!, created, shortName, cardTags);
                break;
            default:
                files = _files.FullWeightFiles(p, created, shortName, false);
                files.Add("mergekit_config.yml");
                cardTags.AddRange(["mergekit", "merge"]);
                break;
        }
        if (planted == SampleCase.WeightsOutsideMain)
        {
            files = [".gitattributes", "README.md"];
            library = null;
            cardTags.RemoveAll(t => t is "lora" or "peft" or "adapter");
        }
        else
        {
            _files.AddWeight(files, p, kind, model.CreatedAt, shortName);
        }
        var langs = p.IsLlm && _rng.Chance(0.6) ? new[] { "en" }.Concat(_rng.Chance(0.4) ? [_rng.Pick(SampleCatalog.Languages), _rng.Pick(SampleCatalog.Languages)] : Array.Empty<string>()).Distinct().ToArray() : [];
        var license = _rng.Chance(0.8) ? p.License : SampleCatalog.Licenses[_rng.Weighted(SampleCatalog.LicenseWeights)];
        var cardBaseMode = planted == SampleCase.BaseModelsWithoutCard ? CardBase.Omit : CardBase.Auto;
        var baseModelsNull = planted == SampleCase.BackfillCardOnly;
        _content.Fill(model, p, kind, library, files, cardTags, langs, license, baseIds, relation, declared, cardBaseMode,
            datasets: kind is SampleKind.Finetune or SampleKind.Adapter && _rng.Chance(0.4), noCard: cardBaseMode == CardBase.Omit && _rng.Chance(0.3),
            baseModelsNull: baseModelsNull, quantStyle: quantStyle, cardBaseId: cardBase);
        if (planted == SampleCase.MalformedCard)
        {
            model.CardData = _content.Malformed(model.CardData!);
        }
    }
}

using System.Text.Json.Nodes;
using ModelTree.Rules;
using ModelTree.Tests.Fixtures;

namespace ModelTree.Tests.Rules;

/// <summary>The study's rules (plus "declared relation wins"), each behaviour checked on both paths.</summary>
public class DefaultRulesTests
{
    [Fact]
    public void Model_without_a_base_has_no_relation()
    {
        var verdict = RuleCheck.Verdict(new ModelRow("org/base") { Tags = ["lora"] });

        Assert.Equal(Labels.None, verdict.Label);
        Assert.Equal(RuleEvaluator.NoBase, verdict.FiringRule);
        Assert.False(verdict.HasBase);
    }

    [Fact]
    public void Card_base_model_alone_opens_the_gate()
    {
        var row = new ModelRow("org/child") { Card = new JsonObject { ["base_model"] = "org/base" } };

        Assert.Equal("finetune", RuleCheck.Label(row));
    }

    [Fact]
    public void Empty_card_base_model_does_not_open_the_gate()
    {
        var row = new ModelRow("org/child") { Card = new JsonObject { ["base_model"] = new JsonArray() } };

        Assert.Equal(Labels.None, RuleCheck.Label(row));
    }

    [Fact]
    public void One_base_and_no_evidence_is_finetune_by_otherwise()
    {
        var verdict = RuleCheck.Verdict(RuleCheck.Child("org/plain") with { Files = ["model.safetensors", "config.json"] });

        Assert.Equal("finetune", verdict.Label);
        Assert.Equal(RuleEvaluator.Otherwise, verdict.FiringRule);
        Assert.Empty(verdict.Matches);
    }

    [Fact]
    public void Several_bases_is_merge()
    {
        var verdict = RuleCheck.Verdict(new ModelRow("org/merged") { Bases = ["org/a", "org/b"], Relation = "merge" });

        Assert.Equal("merge", verdict.Label);
        Assert.Equal("several bases", verdict.FiringRule);
        Assert.Contains("2 bases (org/a, org/b)", verdict.Matches.Single().Evidence);
    }

    [Fact]
    public void Merge_with_declared_finetune_relation_is_finetune()
    {
        var row = new ModelRow("org/two-bases")
        {
            Bases = ["org/a", "org/b"],
            Card = new JsonObject { ["base_model"] = new JsonArray("org/a", "org/b"), ["base_model_relation"] = "finetune" },
        };

        var verdict = RuleCheck.Verdict(row);

        Assert.Equal("finetune", verdict.Label);
        Assert.Equal("declared relation wins", verdict.FiringRule);
        Assert.True(verdict.Contested); // merge matched too; precedence put declared first
        Assert.Equal(["declared relation wins", "several bases"], verdict.Matches.Select(m => m.Rule.Name));
    }

    [Fact]
    public void Declared_relation_is_read_trimmed_and_case_insensitive()
    {
        var row = RuleCheck.Child("org/q") with { Card = new JsonObject { ["base_model_relation"] = " Quantized " } };

        Assert.Equal("quantized", RuleCheck.Label(row));
    }

    [Fact]
    public void Declared_relation_that_is_not_a_relation_is_ignored()
    {
        var row = RuleCheck.Child("org/odd") with { Card = new JsonObject { ["base_model_relation"] = "lora" } };

        var verdict = RuleCheck.Verdict(row);

        Assert.Equal("finetune", verdict.Label);
        Assert.Equal(RuleEvaluator.Otherwise, verdict.FiringRule);
    }

    [Fact]
    public void Peft_library_is_adapter_whatever_its_case()
    {
        var verdict = RuleCheck.Verdict(RuleCheck.Child("org/peft") with { LibraryName = "PEFT" });

        Assert.Equal("adapter", verdict.Label);
        Assert.Equal("peft library", verdict.FiringRule);
        Assert.Equal(["library_name \"PEFT\""], verdict.Matches.Single().Evidence);
    }

    [Fact]
    public void Lora_tag_on_a_repository_with_weights_is_adapter_and_names_the_tag()
    {
        var verdict = RuleCheck.Verdict(RuleCheck.Child("org/lora") with { Tags = ["diffusers", "lora"], Files = ["my-style.safetensors"] });

        Assert.Equal("adapter", verdict.Label);
        Assert.Contains("tag \"lora\"", verdict.Matches.Single().Evidence);
    }

    [Fact]
    public void Peft_tag_with_another_library_is_finetune_as_real_autotrain_repos_are()
    {
        // Real records (phi-2 family, April 2025): AutoTrain repos tagged peft, library_name transformers, labelled finetune.
        var row = RuleCheck.Child("org/autotrain") with { Tags = ["autotrain", "peft", "transformers"], LibraryName = "transformers", Files = ["model-00001-of-00002.safetensors"] };

        Assert.Equal("finetune", RuleCheck.Label(row));
        Assert.Equal("adapter", RuleCheck.Label(row, RuleSet.Study));
    }

    [Fact]
    public void A_tag_with_no_weights_on_the_main_branch_is_finetune()
    {
        // Real records (Mistral-Small-24B family): a repo tagged quantized that lists only README.md is labelled finetune.
        var row = RuleCheck.Child("org/readme-only") with { Tags = ["quantized", "gptq", "lora"], Files = [".gitattributes", "README.md"] };

        Assert.Equal("finetune", RuleCheck.Label(row));
    }

    [Fact]
    public void Tags_match_exactly_as_list_contains_does()
    {
        Assert.Equal("finetune", RuleCheck.Label(RuleCheck.Child("org/upper") with { Tags = ["LoRA", "loras"] }));
    }

    [Fact]
    public void Adapter_files_without_a_peft_library_are_finetune_as_on_the_real_Hub()
    {
        // 255 real repos ship adapter_config.json without library_name peft; the Hub labels every one finetune.
        var row = RuleCheck.Child("org/files") with { Files = ["Adapter_Config.json", "adapter_model.safetensors", "README.md"] };

        Assert.Equal("finetune", RuleCheck.Label(row));
        var study = RuleCheck.Verdict(row, RuleSet.Study);
        Assert.Equal("adapter", study.Label);
        Assert.Contains("file \"adapter_config.json\" matches '%adapter_config%'", study.Matches.Single().Evidence);
    }

    [Fact]
    public void Adapter_files_with_the_peft_library_are_adapter()
    {
        var row = RuleCheck.Child("org/peft-files") with { LibraryName = "peft", Files = ["adapter_config.json", "adapter_model.safetensors"] };

        Assert.Equal("adapter", RuleCheck.Label(row));
    }

    [Theory]
    [InlineData("DeepSeek-V3.IQ4_XS.gguf.part1of8")]
    [InlineData("ggml-model-q4_0.bin")]
    [InlineData("qmodel.pt")]
    [InlineData("weights.npz")]
    [InlineData("phi-2.Q2_K.llamafile")]
    public void Quantized_files_the_Hub_does_not_read_are_finetune(string file)
    {
        Assert.Equal("finetune", RuleCheck.Label(RuleCheck.Child("org/q") with { Files = ["README.md", file], Tags = ["mlx", "8-bit"] }));
    }

    [Fact]
    public void A_format_tag_the_Hub_reads_beside_weights_is_quantized()
    {
        var row = RuleCheck.Child("org/gptq") with { Tags = ["gptq", "4-bit"], Files = ["model.safetensors", "quantize_config.json"] };

        Assert.Equal("quantized", RuleCheck.Label(row));
    }

    [Fact]
    public void Adapter_files_beside_full_weights_are_not_adapter()
    {
        var row = RuleCheck.Child("org/both") with { Files = ["adapter_config.json", "adapter_model.safetensors", "model-00001-of-00002.safetensors"] };

        Assert.Equal("finetune", RuleCheck.Label(row));
    }

    [Fact]
    public void Gguf_file_is_quantized()
    {
        var verdict = RuleCheck.Verdict(RuleCheck.Child("org/gguf") with { Files = ["Model.Q4_K_M.GGUF"] });

        Assert.Equal("quantized", verdict.Label);
        Assert.Equal("gguf files", verdict.FiringRule);
    }

    private static ModelRow AdapterAndGguf => RuleCheck.Child("org/qlora") with { Tags = ["lora"], Files = ["adapter_model.safetensors", "model.Q4_K_M.gguf"] };

    [Fact]
    public void Adapter_outranks_quantized_in_the_default_precedence()
    {
        var verdict = RuleCheck.Verdict(AdapterAndGguf);

        Assert.Equal("adapter", verdict.Label);
        Assert.True(verdict.Contested);
        Assert.False(verdict.Ambiguous);
    }

    [Fact]
    public void Adapter_and_quantized_on_one_level_is_ambiguous()
    {
        var rules = RuleSet.Default.WithPrecedence("declared", "merge", "adapter|quantized", "finetune");

        var verdict = RuleCheck.Verdict(AdapterAndGguf, rules);

        Assert.Equal(Labels.Ambiguous, verdict.Label);
        Assert.Equal("adapter tags", verdict.FiringRule); // the first of the tied rules, in rule order
    }

    [Fact]
    public void Two_adapter_rules_on_one_level_are_not_ambiguous()
    {
        var rules = RuleSet.Default.WithPrecedence("declared", "merge", "adapter|quantized", "finetune");

        var verdict = RuleCheck.Verdict(RuleCheck.Child("org/peft") with { LibraryName = "peft", Tags = ["lora"] }, rules);

        Assert.Equal("adapter", verdict.Label);
        Assert.False(verdict.Contested);
    }

    [Fact]
    public void Without_otherwise_an_unmatched_model_has_no_label()
    {
        var rules = RuleSet.Default with { Otherwise = null };

        Assert.Equal(Labels.None, RuleCheck.Label(RuleCheck.Child("org/plain"), rules));
    }
}

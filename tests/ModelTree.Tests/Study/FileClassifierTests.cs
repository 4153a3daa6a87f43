using ModelTree.Records;
using ModelTree.Study;

namespace ModelTree.Tests.Study;

public class FileClassifierTests
{
    [Theory]
    [InlineData("model.safetensors", true)]
    [InlineData("Model.SafeTensors", true)]
    [InlineData("model.safetensors.index.json", true)]
    [InlineData("pytorch_model.bin", true)]
    [InlineData("pytorch_model.bin.index.json", true)]
    [InlineData("adapter_model.safetensors", true)]
    [InlineData("model-00001-of-00004.safetensors", false)]
    [InlineData("consolidated.safetensors", false)]
    [InlineData("tf_model.h5", false)]
    [InlineData("config.json", false)]
    public void Full_weights_follow_the_studys_like_patterns(string name, bool expected) =>
        Assert.Equal(expected, FileClassifier.IsFullWeightFile(name));

    [Fact]
    public void Adapter_weights_are_full_weights_for_the_study_but_not_standalone()
    {
        Assert.True(FileClassifier.IsFullWeightFile("adapter_model.safetensors"));
        Assert.False(FileClassifier.IsStandaloneWeightFile("adapter_model.safetensors"));
        Assert.True(FileClassifier.IsStandaloneWeightFile("model.safetensors"));
    }

    [Theory]
    [InlineData("adapter_model.safetensors", true)]
    [InlineData("adapter_model.bin", true)]
    [InlineData("checkpoint-500/adapter_config.json", true)]
    [InlineData("ADAPTER_CONFIG.JSON", true)]
    [InlineData("adapters.safetensors", false)]
    [InlineData("model.safetensors", false)]
    public void Adapter_files_are_adapter_model_and_adapter_config(string name, bool expected) =>
        Assert.Equal(expected, FileClassifier.IsAdapterFile(name));

    [Theory]
    [InlineData("llama-7b.Q4_K_M.gguf", true)]
    [InlineData("MODEL.GGUF", true)]
    [InlineData("model.gguf.json", false)]
    [InlineData("gguf/README.md", false)]
    public void Gguf_files_end_in_gguf(string name, bool expected) =>
        Assert.Equal(expected, FileClassifier.IsGgufFile(name));

    [Theory]
    [InlineData("adapter_model.safetensors", true)]
    [InlineData("pytorch_lora_weights.safetensors", true)]
    [InlineData("my_LoRA_v2.bin", true)]
    [InlineData("lora_notes.txt", false)]
    [InlineData("model.safetensors", false)]
    public void Lora_files_are_adapter_files_or_weights_named_for_lora(string name, bool expected) =>
        Assert.Equal(expected, FileClassifier.IsLoraFile(name));

    [Fact]
    public void Null_and_empty_file_lists_have_nothing()
    {
        Assert.False(FileClassifier.HasFullWeights((IEnumerable<string?>?)null));
        Assert.False(FileClassifier.HasAdapterFiles([]));
        Assert.False(FileClassifier.HasGgufFiles([null]));
        Assert.Equal(RepoLayout.Neither, FileClassifier.Layout((IEnumerable<string?>?)null));
        Assert.Equal(RepoLayout.Neither, FileClassifier.Layout([]));
    }

    [Theory]
    [InlineData(new[] { "model.safetensors", "adapter_model.safetensors", "adapter_config.json" }, RepoLayout.BaseAndAdapter)]
    [InlineData(new[] { "adapter_model.safetensors", "adapter_config.json", "README.md" }, RepoLayout.AdapterOnly)]
    [InlineData(new[] { "model-00001-of-00002.safetensors", "model.safetensors.index.json" }, RepoLayout.BaseOnly)]
    [InlineData(new[] { "llama.Q4_K_M.gguf", "README.md" }, RepoLayout.Neither)]
    [InlineData(new[] { "README.md", ".gitattributes" }, RepoLayout.Neither)]
    public void Layout_names_the_studys_three_cases(string[] files, RepoLayout expected) =>
        Assert.Equal(expected, FileClassifier.Layout(files));

    [Fact]
    public void Layout_reads_names_ignoring_case_and_skips_missing_names()
    {
        Assert.Equal(RepoLayout.BaseAndAdapter, FileClassifier.Layout(["Model.SafeTensors", null, "ADAPTER_CONFIG.JSON"]));
        Assert.Equal(RepoLayout.AdapterOnly, FileClassifier.Layout([null, "Adapter_Model.SafeTensors"]));
    }

    [Fact]
    public void Record_extensions_read_the_records_files()
    {
        var model = new ModelRecord { Id = "a/b", Files = ["adapter_model.safetensors", "adapter_config.json", "x.Q8_0.gguf"] };

        Assert.True(model.HasFullWeights());
        Assert.False(model.HasStandaloneWeights());
        Assert.True(model.HasAdapterFiles());
        Assert.True(model.HasGgufFiles());
        Assert.True(model.HasLoraFiles());
        Assert.Equal(RepoLayout.AdapterOnly, model.Layout());
    }
}

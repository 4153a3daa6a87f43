using ModelTree.Records;

namespace ModelTree.Tests.Study;

public class TagClassifierTests
{
    [Theory]
    [InlineData(new[] { "transformers", "lora" }, true)]
    [InlineData(new[] { "peft" }, true)]
    [InlineData(new[] { "adapter" }, true)]
    [InlineData(new[] { "LoRA" }, false)]
    [InlineData(new[] { "base_model:adapter:x/y" }, false)]
    [InlineData(new[] { "lora-merged" }, false)]
    [InlineData(new string[0], false)]
    public void Adapter_like_means_an_exact_tag(string[] tags, bool expected) =>
        Assert.Equal(expected, TagClassifier.IsAdapterLike(tags));

    [Fact]
    public void Null_tags_and_null_entries_are_not_adapter_like()
    {
        Assert.False(TagClassifier.IsAdapterLike(null));
        Assert.False(TagClassifier.IsAdapterLike([null, "safetensors"]));
        Assert.True(TagClassifier.IsAdapterLike([null, "lora"]));
    }

    [Theory]
    [InlineData(new[] { "gguf" }, true)]
    [InlineData(new[] { "4bit" }, true)]
    [InlineData(new[] { "int8" }, true)]
    [InlineData(new[] { "quantized" }, true)]
    [InlineData(new[] { "gptq" }, false)]
    [InlineData(new[] { "GGUF" }, false)]
    [InlineData(new[] { "base_model:quantized:x/y" }, false)]
    public void Quant_like_uses_the_studys_six_tags(string[] tags, bool expected) =>
        Assert.Equal(expected, TagClassifier.IsQuantLike(tags));

    [Fact]
    public void Formats_the_study_missed_are_other_quant_tags()
    {
        Assert.True(TagClassifier.IsOtherQuant(["awq"]));
        Assert.True(TagClassifier.IsOtherQuant(["exl2"]));
        Assert.False(TagClassifier.IsOtherQuant(["gguf"]));
        Assert.False(TagClassifier.IsOtherQuant(null));
    }

    [Theory]
    [InlineData(new[] { "base_model:adapter:x/y" }, true)]
    [InlineData(new[] { "LoRA-merged" }, true)]
    [InlineData(new[] { "Adapters" }, true)]
    [InlineData(new[] { "peft" }, false)]
    [InlineData(new string[0], false)]
    public void The_6_2_test_looks_for_substrings_ignoring_case(string[] tags, bool expected) =>
        Assert.Equal(expected, TagClassifier.MentionsAdapterOrLora(tags));

    [Fact]
    public void Record_extensions_read_the_records_tags()
    {
        var model = new ModelRecord { Id = "a/b", Tags = ["gguf", "lora", "awq"] };

        Assert.True(model.HasAdapterTag());
        Assert.True(model.HasQuantTag());
        Assert.True(model.HasOtherQuantTag());
        Assert.False(new ModelRecord { Id = "a/c" }.HasAdapterTag());
    }

    [Fact]
    public void Peft_comes_from_the_library_column_or_else_the_card()
    {
        Assert.True(new ModelRecord { Id = "a/b", LibraryName = "PEFT" }.IsPeft());
        Assert.True(new ModelRecord { Id = "a/b", Card = CardData.Parse("""{"library_name": "peft"}""") }.IsPeft());
        Assert.False(new ModelRecord { Id = "a/b", LibraryName = "transformers", Card = CardData.Parse("""{"library_name": "peft"}""") }.IsPeft());
        Assert.False(new ModelRecord { Id = "a/b", Card = CardData.Parse("{not json") }.IsPeft());
    }
}

using ModelTree.Study;

namespace ModelTree.Tests.Study;

public class SqlLikeTests
{
    [Theory]
    [InlineData("model.safetensors", "%model.safetensors%", true)]
    [InlineData("adapter_model.safetensors", "%model.safetensors%", true)]
    [InlineData("model-00001-of-00002.safetensors", "%model.safetensors%", false)]
    [InlineData("a.gguf", "%.gguf", true)]
    [InlineData("a.gguf.part", "%.gguf", false)]
    [InlineData("abc", "a_c", true)]
    [InlineData("ac", "a_c", false)]
    [InlineData("MODEL.SAFETENSORS", "%model.safetensors%", false)]
    [InlineData("a(b)+c", "a(b)+%", true)]
    [InlineData("", "%", true)]
    public void Like_matches_as_duckdb_does(string text, string pattern, bool expected) =>
        Assert.Equal(expected, SqlLike.Matches(text, pattern));

    [Fact]
    public void Null_text_matches_nothing() => Assert.False(SqlLike.Matches(null, "%"));

    [Fact]
    public void Dot_is_a_literal_not_a_wildcard() => Assert.False(SqlLike.Matches("modelXsafetensors", "model.safetensors"));
}

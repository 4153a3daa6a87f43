using ModelTree.Records;

namespace ModelTree.Tests.Records;

public class CardDataTests
{
    [Fact]
    public void Base_model_as_a_string_reads_as_a_list_of_one()
    {
        var card = CardData.Parse("""{"base_model": "facebook/mbart-large-cc25", "library_name": "peft"}""");

        Assert.Equal(["facebook/mbart-large-cc25"], card.BaseModels);
        Assert.Equal("peft", card.LibraryName);
        Assert.False(card.IsMalformed);
    }

    [Fact]
    public void Base_model_as_a_list_keeps_order_and_skips_non_strings()
    {
        var card = CardData.Parse("""{"base_model": ["a/one", null, 3, "b/two"], "base_model_relation": "merge"}""");

        Assert.Equal(["a/one", "b/two"], card.BaseModels);
        Assert.Equal("merge", card.BaseModelRelation);
    }

    [Fact]
    public void Malformed_text_is_reported_not_thrown()
    {
        var card = CardData.Parse("{\"license\": \"mit\", ");

        Assert.True(card.IsMalformed);
        Assert.False(card.IsPresent);
        Assert.Empty(card.BaseModels);
        Assert.NotNull(card.Error);
    }

    [Fact]
    public void Json_that_is_not_an_object_is_malformed()
    {
        var card = CardData.Parse("[1, 2]");

        Assert.True(card.IsMalformed);
        Assert.Contains("Array", card.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_text_is_an_empty_card(string? text)
    {
        var card = CardData.Parse(text);

        Assert.False(card.IsPresent);
        Assert.False(card.IsMalformed);
        Assert.Null(card.LibraryName);
    }

    [Fact]
    public void Has_tells_a_present_null_field_from_an_absent_one()
    {
        var card = CardData.Parse("""{"base_model": null}""");

        Assert.True(card.Has("base_model"));
        Assert.False(card.Has("library_name"));
        Assert.Empty(card.BaseModels);
    }
}

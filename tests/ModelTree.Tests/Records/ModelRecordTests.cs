using ModelTree.Records;

namespace ModelTree.Tests.Records;

public class ModelRecordTests
{
    [Fact]
    public void License_comes_from_the_hub_tag_before_the_card()
    {
        var model = new ModelRecord
        {
            Id = "a/b",
            Tags = ["license:apache-2.0"],
            Card = CardData.Parse("""{"license": "mit"}"""),
        };

        Assert.Equal("apache-2.0", model.License);
    }

    [Fact]
    public void A_model_listing_itself_as_base_is_flagged()
    {
        var model = new ModelRecord { Id = "a/self", BaseModels = ["x/base", "A/Self"] };

        Assert.True(model.NamesItselfAsBase);
    }

    [Theory]
    [InlineData("finetune", Relation.Finetune)]
    [InlineData("Adapter", Relation.Adapter)]
    [InlineData("quantized", Relation.Quantized)]
    [InlineData("merge", Relation.Merge)]
    [InlineData("distilled", Relation.Unknown)]
    public void Relation_labels_parse_and_unknown_ones_are_kept_apart(string label, Relation expected)
    {
        var model = new ModelRecord { Id = "a/b", Relation = label };

        Assert.Equal(expected, model.RelationKind);
    }
}

using ModelTree.Provenance;

namespace ModelTree.Tests.Provenance;

public sealed class LicenseFamiliesTests
{
    [Theory]
    [InlineData("mit", null, LicenseFamily.Permissive)]
    [InlineData(" Apache-2.0 ", null, LicenseFamily.Permissive)]
    [InlineData("cc-by-4.0", null, LicenseFamily.Permissive)]
    [InlineData("gpl-3.0", null, LicenseFamily.Copyleft)]
    [InlineData("cc-by-sa-4.0", null, LicenseFamily.Copyleft)]
    [InlineData("llama2", null, LicenseFamily.Restrictive)]
    [InlineData("gemma", null, LicenseFamily.Restrictive)]
    [InlineData("creativeml-openrail-m", null, LicenseFamily.Restrictive)]
    [InlineData("cc-by-nd-4.0", null, LicenseFamily.Restrictive)]
    [InlineData("cc-by-nc-4.0", null, LicenseFamily.NonCommercial)]
    [InlineData("cc-by-nc-sa-4.0", null, LicenseFamily.NonCommercial)]
    [InlineData("other", null, LicenseFamily.Restrictive)]
    [InlineData("other", "llama4", LicenseFamily.Restrictive)]
    [InlineData("other", "microsoft-research-license", LicenseFamily.NonCommercial)]
    [InlineData("other", "mrl", LicenseFamily.NonCommercial)]
    [InlineData("other", "apache-2.0", LicenseFamily.Permissive)]
    [InlineData("mit", "deepseek", LicenseFamily.Permissive)]
    [InlineData("unknown", null, LicenseFamily.None)]
    [InlineData(null, "mrl", LicenseFamily.None)]
    [InlineData("", null, LicenseFamily.None)]
    public void Licenses_fall_into_families(string? license, string? name, LicenseFamily expected) =>
        Assert.Equal(expected, LicenseFamilies.Of(license, name));

    [Fact]
    public void Relaxing_means_a_more_permissive_family_below_a_stated_one()
    {
        Assert.True(LicenseFamilies.Relaxes(LicenseFamily.Restrictive, LicenseFamily.Permissive));
        Assert.True(LicenseFamilies.Relaxes(LicenseFamily.NonCommercial, LicenseFamily.Copyleft));
        Assert.True(LicenseFamilies.Relaxes(LicenseFamily.Copyleft, LicenseFamily.Permissive));
        Assert.False(LicenseFamilies.Relaxes(LicenseFamily.Permissive, LicenseFamily.Permissive));
        Assert.False(LicenseFamilies.Relaxes(LicenseFamily.Permissive, LicenseFamily.NonCommercial));
        Assert.False(LicenseFamilies.Relaxes(LicenseFamily.None, LicenseFamily.Permissive));
        Assert.False(LicenseFamilies.Relaxes(LicenseFamily.Restrictive, LicenseFamily.None));
        Assert.True(LicenseFamilies.Tightens(LicenseFamily.Permissive, LicenseFamily.NonCommercial));
    }

    [Fact]
    public void A_models_license_is_the_cards_else_the_tags()
    {
        var both = ModelLicense.Resolve("Apache-2.0", "mit", null);
        Assert.Equal(("apache-2.0", LicenseSource.Card, true), (both.License, both.Source, both.Disagree));

        var tagOnly = ModelLicense.Resolve(null, "mit", null);
        Assert.Equal(("mit", LicenseSource.Tag, false), (tagOnly.License, tagOnly.Source, tagOnly.Disagree));

        var same = ModelLicense.Resolve("MIT", "mit", null);
        Assert.False(same.Disagree);

        var other = ModelLicense.Resolve("other", "other", "exaone");
        Assert.Equal(("other (exaone)", LicenseFamily.NonCommercial), (other.Label, other.Family));

        var none = ModelLicense.Resolve(null, null, "ignored");
        Assert.Equal(("none", LicenseSource.None, LicenseFamily.None), (none.Label, none.Source, none.Family));
    }
}

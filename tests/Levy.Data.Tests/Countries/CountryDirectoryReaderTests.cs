using Levy.Core.Countries;
using Levy.Core.Primitives;

namespace Levy.Data.Tests.Countries;

public class CountryDirectoryReaderTests
{
    private static CountryDirectory Countries => SharedData.Data.Countries;

    [Theory]
    [InlineData("JP", "5880")]
    [InlineData("Japan", "5880")]
    [InlineData("5880", "5880")]
    [InlineData("Germany (Federal Republic of Germany)", "4280")] // the Census name works as an alias
    [InlineData("NA", "7920")] // Namibia, not "no value"
    [InlineData("South Korea", "5800")]
    [InlineData("UK", "4120")]
    public void Resolve_EveryAcceptedForm(string input, string census)
    {
        Assert.Equal(census, Countries.Resolve(input).CensusCode);
    }

    [Fact]
    public void Directory_CoversEveryCensusPartner_AndTheEuIs27()
    {
        Assert.Equal(240, Countries.Countries.Length);
        Assert.Equal(27, Countries.GroupMembers("EU").Length);
        Assert.True(Countries.IsMember(CountryCode.Parse("IT"), "EU"));
        Assert.True(Countries.IsMember(CountryCode.Parse("RU"), "COLUMN2"));
    }

    [Fact]
    public void Resolve_Typo_SuggestsNearest()
    {
        var ex = Assert.Throws<UnknownCountryException>(() => Countries.Resolve("Swizerland"));

        Assert.Equal("Unknown country \"Swizerland\" (did you mean Switzerland, CH?).", ex.Message);
    }
}

using System.Collections.Immutable;
using Levy.Core.Countries;
using Levy.Core.Primitives;

namespace Levy.Core.Tests.Countries;

public class CountryDirectoryTests
{
    private static readonly CountryDirectory Directory = new(
        [
            new Country(CountryCode.Parse("JP"), "5880", "Japan", []),
            new Country(CountryCode.Parse("KR"), "5800", "South Korea", ["Korea", "Republic of Korea"]),
            new Country(CountryCode.Parse("CI"), "7480", "Cote d'Ivoire", ["Côte d'Ivoire"]),
            new Country(CountryCode.Parse("DE"), "4280", "Germany", []),
        ],
        new Dictionary<string, ImmutableArray<CountryCode>> { ["EU"] = [CountryCode.Parse("DE")] });

    [Theory]
    [InlineData("JP")]
    [InlineData("jp")]
    [InlineData("Japan")]
    [InlineData("JAPAN ")]
    [InlineData("5880")]
    public void Resolve_CodeNameOrCensusCode_FindsCountry(string input)
    {
        Assert.Equal("JP", Directory.Resolve(input).Iso.Value);
    }

    [Theory]
    [InlineData("korea", "KR")]
    [InlineData("cote d ivoire", "CI")]
    [InlineData("Côte d’Ivoire", "CI")]
    public void Resolve_AliasesAndAccents_FindCountry(string input, string iso)
    {
        Assert.Equal(iso, Directory.Resolve(input).Iso.Value);
    }

    [Fact]
    public void Resolve_Typo_SuggestsNearest()
    {
        var ex = Assert.Throws<UnknownCountryException>(() => Directory.Resolve("Japn"));

        Assert.Equal("Unknown country \"Japn\" (did you mean Japan, JP?).", ex.Message);
    }

    [Fact]
    public void Resolve_Nonsense_ExplainsAcceptedForms()
    {
        var ex = Assert.Throws<UnknownCountryException>(() => Directory.Resolve("Atlantis"));

        Assert.Null(ex.Nearest);
        Assert.Contains("ISO 3166 alpha-2 code (JP)", ex.Message);
    }

    [Fact]
    public void Groups_AreData()
    {
        Assert.True(Directory.IsMember(CountryCode.Parse("DE"), "EU"));
        Assert.False(Directory.IsMember(CountryCode.Parse("JP"), "EU"));
        Assert.Empty(Directory.GroupMembers("ASEAN"));
        Assert.Throws<ArgumentException>(() => new CountryDirectory([], new Dictionary<string, ImmutableArray<CountryCode>> { ["X"] = [CountryCode.Parse("ZZ")] }));
    }

    [Theory]
    [InlineData("kor", "KR")]              // alias prefix
    [InlineData("republic", "KR")]         // alias prefix, not the name
    [InlineData("cote", "CI")]             // accents ignored
    [InlineData("many", "DE")]             // inside the name
    [InlineData("ci", "CI")]               // the exact ISO code
    [InlineData("58", "JP,KR")]            // Census code prefixes (5880, 5800), by name
    [InlineData("an", "DE,JP")]            // inside names, by name
    [InlineData("", "CI,DE,JP,KR")]        // nothing typed: everything by name
    [InlineData("atlantis", "")]
    public void Search_PartialInput_ExactMatchFirstThenPrefixesThenContains(string text, string expected)
    {
        IReadOnlyList<Country> found = Directory.Search(text);

        Assert.Equal(expected, string.Join(',', found.Select(c => c.Iso.Value)));
    }

    [Fact]
    public void Search_Limit_CutsTheList()
    {
        Assert.Equal(2, Directory.Search("", limit: 2).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => Directory.Search("j", limit: 0));
    }
}

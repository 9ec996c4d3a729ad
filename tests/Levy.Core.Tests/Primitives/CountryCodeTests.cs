using Levy.Core.Primitives;

namespace Levy.Core.Tests.Primitives;

public class CountryCodeTests
{
    [Theory]
    [InlineData("JP", "JP")]
    [InlineData("jp", "JP")]
    [InlineData(" de ", "DE")]
    public void Parse_TwoLetters_UpperCases(string input, string expected)
    {
        Assert.Equal(expected, CountryCode.Parse(input).Value);
    }

    [Theory]
    [InlineData("JPN")]
    [InlineData("J")]
    [InlineData("1A")]
    [InlineData("")]
    public void Parse_NotTwoLetters_ThrowsNamingTheInput(string input)
    {
        var ex = Assert.Throws<FormatException>(() => CountryCode.Parse(input));

        Assert.Contains($"\"{input}\"", ex.Message);
    }

    [Fact]
    public void Index_IsDenseAndDistinct()
    {
        Assert.Equal(0, CountryCode.Parse("AA").Index);
        Assert.Equal(675, CountryCode.Parse("ZZ").Index);
        Assert.NotEqual(CountryCode.Parse("JP").Index, CountryCode.Parse("PJ").Index);
        ValueTypeContract.AssertEquality(CountryCode.Parse("JP"), CountryCode.Parse("jp"), CountryCode.Parse("CN"));
    }

    [Fact]
    public void TryFormat_WritesTheTwoLetters_NothingForTheEmptyCode_FalseWhenTooShort()
    {
        Span<char> buffer = stackalloc char[4];

        Assert.True(CountryCode.Parse("jp").TryFormat(buffer, out int written));
        Assert.Equal("JP", buffer[..written].ToString());
        Assert.True(default(CountryCode).TryFormat(buffer, out written));
        Assert.Equal(0, written);
        Assert.False(CountryCode.Parse("JP").TryFormat(buffer[..1], out written));
        Assert.Equal(0, written);
    }
}

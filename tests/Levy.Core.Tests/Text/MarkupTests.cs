using Levy.Core.Text;

namespace Levy.Core.Tests.Text;

public class MarkupTests
{
    [Theory]
    [InlineData("Free", "Free")]
    [InlineData("2.5% <u></u>", "2.5% ")]
    [InlineData("$1.13/m<sup>3</sup>", "$1.13/m³")]
    [InlineData("<il>86.1¢/m<sup>2</sup></il> of recording surface", "86.1¢/m² of recording surface")]
    [InlineData("<i>Provided</i>, That", "Provided, That")]
    [InlineData("a < b and c > d", "a < b and c > d")] // not tags
    [InlineData("Fish &amp; chips", "Fish & chips")]
    public void Strip_RemovesTagsAndDecodesEntities(string input, string expected)
    {
        Assert.Equal(expected, Markup.Strip(input));
    }

    [Fact]
    public void Strip_NothingToRemove_ReturnsSameInstance()
    {
        string text = "Motor cars";

        Assert.Same(text, Markup.Strip(text));
    }
}

using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Tests.Panels;

public class PanelValuesTests
{
    [Fact]
    public void Blend_MixesEachComponentByShare()
    {
        var without = new PanelValues(0.025m, 0m, 0m, 0.35m, 0m, 0m, 0m, 0m, false);
        var claimed = new PanelValues(0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, false);

        PanelValues blended = without.Blend(claimed, 0.8m);

        Assert.Equal(0.005m, blended.Mfn);
        Assert.Equal(0.07m, blended[Authority.IeepaFentanyl]);
        Assert.Equal(0.075m, blended.Total);
    }

    [Fact]
    public void Blend_ShareOutsideZeroToOne_Throws()
    {
        var v = new PanelValues(0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, false);

        Assert.Throws<ArgumentOutOfRangeException>(() => v.Blend(v, 1.5m));
    }

    [Theory]
    [InlineData("46.3¢/kg + 14.9%", "0.149")]   // 0402.99.90.00
    [InlineData("4.4¢/kg", "0")]                // 0201.10.10
    [InlineData("2.5%", "0.025")]
    [InlineData("Free", "0")]
    public void AdValoremPart_KeepsOnlyTheAdValoremParts(string text, string expected)
    {
        Rate rate = RateParser.Parse(text);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PanelValues.AdValoremPart(rate));
    }
}

using Levy.Core.Text;

namespace Levy.Core.Tests.Text;

public class PercentTextTests
{
    [Theory]
    [InlineData("0.125", "12.5%")]
    [InlineData("0.08943877", "8.9439%")]
    [InlineData("0.000005", "0.0005%")] // half away from zero
    [InlineData("0.15", "15%")]
    [InlineData("-0.02", "-2%")]
    public void Of_UpToFourDecimals(string fraction, string expected) =>
        Assert.Equal(expected, PercentText.Of(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0.275", 3, "27.5%")]
    [InlineData("0.1234567", 3, "12.346%")]
    [InlineData("0.1234567", 0, "12%")]
    public void Of_UpToTheDecimalsAsked(string fraction, int decimals, string expected) =>
        Assert.Equal(expected, PercentText.Of(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Fact]
    public void OfPercent_TakesANumberAlreadyInPercent() => Assert.Equal("27.5%", PercentText.OfPercent(27.5000m, 3));

    [Fact]
    public void OfPercent_MoreDecimalsThanSupported_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentText.OfPercent(1m, 7));

    [Theory]
    [InlineData(0.12346, "12.35%")]
    [InlineData(0.1, "10.00%")]
    [InlineData(-0.0000001, "0.00%")] // no "-0.00%"
    [InlineData(double.NaN, "—")]
    public void Fixed_ExactlyTwoDecimals(double fraction, string expected) => Assert.Equal(expected, PercentText.Fixed(fraction));
}

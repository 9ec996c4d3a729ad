using Levy.Core.Primitives;

namespace Levy.Core.Tests.Primitives;

public class MoneyTests
{
    [Theory]
    [InlineData("2.005", "2.01")]   // half a cent rounds up (19 CFR 159.3)
    [InlineData("2.0049", "2.00")]
    [InlineData("-2.005", "-2.01")] // away from zero, symmetric for refunds
    [InlineData("10999.995", "11000.00")]
    public void RoundToCents_HalfCent_RoundsAwayFromZero(string amount, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).RoundToCents().Amount);
    }

    [Fact]
    public void Arithmetic_IsExact()
    {
        Money duty = new Money(40_000m) * 0.275m;

        Assert.Equal(11_000m, duty.Amount);
        Assert.Equal("$11,000.00", duty.ToString());
        Assert.Equal(new Money(0.3m), new Money(0.1m) + new Money(0.2m));
    }
}

using Levy.Core.Trade;

namespace Levy.Core.Tests.Trade;

public class ReciprocalFormulaTests
{
    // 2024 U.S. goods exports and imports ($ billion, Census) and the Annex I rates of EO 14257 (data/trade; docs/domain.md, "The April 2025 reciprocal formula").
    [Theory]
    [InlineData("CN", "143.5", "438.9", "0.34")]
    [InlineData("VN", "13.1", "136.6", "0.46")]
    [InlineData("JP", "79.7", "148.2", "0.24")]
    [InlineData("IN", "41.8", "87.4", "0.26")]
    [InlineData("TW", "42.3", "116.3", "0.32")]
    public void Compute_UstrParameters_ReproducePublishedRatesWithinOnePoint(string partner, string exports, string imports, string published)
    {
        var trade = new TradeBalance(partner, partner, D(exports), D(imports));

        FormulaRate r = ReciprocalFormula.Compute(trade, FormulaParameters.Ustr);

        Assert.InRange(r.Rate - D(published), -0.01m, 0.01m);
    }

    [Fact]
    public void Compute_China_IsHalfTheDeficitOverImports()
    {
        FormulaRate r = ReciprocalFormula.Compute(new TradeBalance("CN", "China", 143.5m, 438.9m), FormulaParameters.Ustr);

        Assert.Equal(0.6730m, Math.Round(r.Charged, 4));
        Assert.Equal(0.3365m, Math.Round(r.Rate, 4));
        Assert.Equal(0.34m, r.RoundedUp);
    }

    [Fact]
    public void Compute_Surplus_GivesTheFloor()
    {
        FormulaRate r = ReciprocalFormula.Compute(new TradeBalance("GB", "United Kingdom", 79.9m, 68.1m), FormulaParameters.Ustr);

        Assert.True(r.Charged < 0);
        Assert.Equal(0.10m, r.Rate);
    }

    [Fact]
    public void Compute_PassThroughOfTheCitedStudy_DividesRatesByAlmostFour()
    {
        var critique = FormulaParameters.Ustr with { PassThrough = 0.945m };

        FormulaRate china = ReciprocalFormula.Compute(new TradeBalance("CN", "China", 143.5m, 438.9m), critique);
        FormulaRate vietnam = ReciprocalFormula.Compute(new TradeBalance("VN", "Vietnam", 13.1m, 136.6m), critique);

        Assert.Equal(0.10m, china.Rate);                       // 33.65% / 3.78 = 8.9%, under the floor
        Assert.Equal(0.1196m, Math.Round(vietnam.Rate, 4));    // 45.2% / 3.78
    }

    [Fact]
    public void Compute_NoImports_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReciprocalFormula.Compute(new TradeBalance("XX", "none", 1m, 0m), FormulaParameters.Ustr));
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}

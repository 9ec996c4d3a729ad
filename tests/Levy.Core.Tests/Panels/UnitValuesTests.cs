using Levy.Core.Panels;
using Levy.Core.Primitives;

namespace Levy.Core.Tests.Panels;

public class UnitValuesTests
{
    private static UnitValue Value(string code, decimal usd) => new(HtsCode.Parse(code), UnitOfMeasure.Kilogram, usd, "test");

    [Fact]
    public void For_OwnCodeFirst_ThenTheTariffLine_ElseNull()
    {
        var values = new UnitValues([Value("0201.30.50", 12m), Value("0201.30.50.15", 20m)], "test");

        Assert.Equal(20m, values.For(HtsCode.Parse("0201.30.50.15"))!.UsdPerUnit);
        Assert.Equal(12m, values.For(HtsCode.Parse("0201.30.50.25"))!.UsdPerUnit);
        Assert.Equal(12m, values.For(HtsCode.Parse("0201.30.50"))!.UsdPerUnit);
        Assert.Null(values.For(HtsCode.Parse("0201.30.10.00")));
        Assert.Equal(2, values.Count);
    }

    [Fact]
    public void Constructor_ACodeTwiceOrAValueNotPositive_Refused()
    {
        Assert.Throws<ArgumentException>(() => new UnitValues([Value("0201.30.50", 12m), Value("0201.30.50", 13m)], "test"));
        Assert.Throws<ArgumentException>(() => new UnitValues([Value("0201.30.50", 0m)], "test"));
    }

    [Fact]
    public void Blend_AnEstimatedPartKeepsTheFlag()
    {
        var plain = new PanelValues(0.1m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, false);
        var estimated = plain with { Mfn = 0.02m, AveEstimated = true };

        Assert.True(plain.Blend(estimated, 0.5m).AveEstimated);
        Assert.False(plain.Blend(estimated, 0m).AveEstimated);
        Assert.True(estimated.Blend(plain, 0.5m).AveEstimated);
    }
}

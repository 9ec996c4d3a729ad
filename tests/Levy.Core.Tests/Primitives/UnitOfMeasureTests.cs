using Levy.Core.Primitives;

namespace Levy.Core.Tests.Primitives;

public class UnitOfMeasureTests
{
    [Theory]
    [InlineData("kg", "kg")]
    [InlineData("<u>kg</u>", "kg")]
    [InlineData("m<sup>2</sup>", "m²")]
    [InlineData("m2", "m²")]
    [InlineData("pf.liters", "pf. liters")]
    [InlineData("liter", "liters")]
    [InlineData("each", "No.")]
    [InlineData("doz. prs", "doz. prs.")]
    [InlineData("Cu kg", "Cu kg")] // unknown units keep their text
    public void Parse_HtsSpellings_Normalise(string text, string symbol)
    {
        Assert.Equal(symbol, UnitOfMeasure.Parse(text).Symbol);
    }

    [Fact]
    public void TryConvert_SameDimension_GivesExactFactor()
    {
        Assert.True(UnitOfMeasure.Parse("t").TryConvert(UnitOfMeasure.Kilogram, out decimal tToKg));
        Assert.Equal(1000m, tToKg);
        Assert.True(UnitOfMeasure.Parse("gross").TryConvert(UnitOfMeasure.Dozen, out decimal grossToDozen));
        Assert.Equal(12m, grossToDozen);
        Assert.False(UnitOfMeasure.Kilogram.TryConvert(UnitOfMeasure.Liter, out _));
        Assert.Equal(new Quantity(2.5m, UnitOfMeasure.Kilogram), new Quantity(2500m, UnitOfMeasure.Parse("g")).ConvertTo(UnitOfMeasure.Kilogram));
    }

    [Fact]
    public void Parse_Blank_Fails()
    {
        Assert.False(UnitOfMeasure.TryParse("  ", out _));
        Assert.Throws<ArgumentException>(() => UnitOfMeasure.Parse("<u></u>"));
    }
}

using Levy.Core.Primitives;

namespace Levy.Core.Tests.Primitives;

public class UnitOfMeasureTests
{
    public static TheoryData<string, string> Spellings { get; } = new()
    {
        { "kg", "kg" },
        { "liter", "liters" },
        { "pf. liter", "pf. liters" },
        { "pf.liter", "pf. liters" },
        { "each", "No." },
        { "article", "No." },
        { "head", "No." },
        { "m<sup>2</sup>", "m²" },
        { "m2", "m²" },
        { "m3", "m³" },
        { "pr.", "prs." },
        { "doz.", "doz." },
        { "1000", "thousands" },
        { "1,000", "thousands" },
        { "1,000 pins", "thousands" },
        { "thousand", "thousands" },
        { "line/gross", "gr.lines" },
        { "jewel", "Jwls." },
        { "pack", "pack" },
        { "bbl", "bbl" },
        { "t", "t" },
        { "lin. m", "lin. m" },
        { "clean kg", "clean kg" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void TryParse_RateUnitSpelling_NormalisesToCanonicalSymbol(string text, string symbol)
    {
        bool parsed = UnitOfMeasure.TryParse(text, out UnitOfMeasure unit);

        Assert.True(parsed);
        Assert.Equal(symbol, unit.Symbol);
    }

    [Fact]
    public void TryConvert_ThousandsToNumber_IsOneThousand()
    {
        bool converts = UnitOfMeasure.Parse("1,000 pins").TryConvert(UnitOfMeasure.Number, out decimal factor);

        Assert.True(converts);
        Assert.Equal(1000m, factor);
    }

    [Theory]
    [InlineData("<u>kg</u>", "kg")]
    [InlineData("pf.liters", "pf. liters")]
    [InlineData("doz. prs", "doz. prs.")]
    [InlineData("Cu kg", "Cu kg")] // unknown units keep their text
    public void Parse_HtsReportingUnits_Normalise(string text, string symbol)
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

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
}

using Levy.Core.Rates;
using static Levy.Core.Tests.Rates.ExpectedRates;

namespace Levy.Core.Tests.Rates;

/// <summary>Column 1 General and Column 2 forms; each row names a line (2025 Basic unless said) where the text is printed.</summary>
public partial class RateParserTests
{
    public static TheoryData<string, Rate> GeneralForms { get; } = new()
    {
        { "Free", Free },                                                          // 0101.21.00
        { "2.5%", Percent(2.5m) },                                                 // 0704.10.20.00
        { "1.0%", Percent(1.0m) },                                                 // 9902.01.58
        { "15%", Percent(15m) },                                                   // 0302.91.20.00
        { "4.4¢/kg", Cents(4.4m, "kg") },                                          // 0201.10.05
        { "$1.99/pf. liter", Dollars(1.99m, "pf. liters") },                       // 2208.30.30, column 2
        { "0.5¢/pf.liter", Cents(0.5m, "pf. liters") },                            // 2209.00.00.00
        { "$1.50 each", Dollars(1.50m, "No.") },                                   // 9108.90.90.00
        { "68¢/head", Cents(68m, "No.") },                                         // 0104.20.00.00
        { "$1.34/1000", Dollars(1.34m, "thousands") },                             // 0601.10.60.00
        { "10.5¢/bbl", Cents(10.5m, "bbl") },                                      // 2709.00.20
        { "18.7¢/clean kg", Cents(18.7m, "clean kg") },                            // 5101.11.60
        { "3.3¢/lin. m", Cents(3.3m, "lin. m") },                                  // 8523.29.50, column 2
        { "10.6¢/g", Cents(10.6m, "g") },                                          // 2939.19.50.00, column 2
        { "14.27¢/ liter", Cents(14.27m, "liters") },                              // 9901.00.50
        { "$1.13/m<sup>3</sup>", Dollars(1.13m, "m³") },                           // 0806.10.20, 2025 Revision 10
        { "10% <u></u>", Percent(10m) },                                           // 8714.94.90.00, 2025 Revision 10
        { "6.5¢/gross<il></il>", Cents(6.5m, "gross") },                           // 4421.91.80, 2025 Revision 10
        { "46.3¢/kg + 14.9%", Sum(Cents(46.3m, "kg"), Percent(14.9m)) },           // 0402.99.90.00
        { "$1.035/kg +13.6%", Sum(Dollars(1.035m, "kg"), Percent(13.6m)) },        // 1901.10.56.00
        { "$9.92/kg+ 25%", Sum(Dollars(9.92m, "kg"), Percent(25m)) },              // 2402.20.90.00, column 2
        { "2.2¢/kg  +  33.5%", Sum(Cents(2.2m, "kg"), Percent(33.5m)) },           // 3911.20.00.00, column 2
        { "0.16¢ each + 2.2%", Sum(Cents(0.16m, "No."), Percent(2.2m)) },          // 8211.94.10.00
        { "62¢/pr. + 13.7%", Sum(Cents(62m, "prs."), Percent(13.7m)) },            // 6406.10.35.00
        { "12¢/doz. + 5.5%", Sum(Cents(12m, "doz."), Percent(5.5m)) },             // 8203.20.60
        { "10¢/pack + 20%", Sum(Cents(10m, "pack"), Percent(20m)) },               // 9504.40.00.00, column 2
        { "0.18¢/line/ gross + 2.5%", Sum(Cents(0.18m, "gr.lines"), Percent(2.5m)) }, // 9606.29.40.00
        { "10¢/1,000 pins + 3.5%", Sum(Cents(10m, "thousands"), Percent(3.5m)) },  // 9209.92.40.00
        { "$2.50/thou- sand + 40%", Sum(Dollars(2.50m, "thousands"), Percent(40m)) }, // 9608.99.30.00, column 2
        { "14.5¢/m<sup>2 </sup>+ 0.4%", Sum(Cents(14.5m, "m²"), Percent(0.4m)) },  // 7005.21.10, 2025 Revision 10
        { "13.5¢/kg + 6.3% + 1.9¢/article", Sum(Cents(13.5m, "kg"), Percent(6.3m), Cents(1.9m, "No.")) }, // 6505.00.08.00
        { "$4.50 each + 65% + 25¢/jewel", Sum(Dollars(4.50m, "No."), Percent(65m), Cents(25m, "Jwls.")) }, // 9105.99.10.00, column 2
        {
            // 9102.11.10
            "44¢ each + 6% on the case + 14% on the strap, band or bracelet + 5.3% on the battery",
            Sum(Cents(44m, "No."), Percent(6m, "on the case"), Percent(14m, "on the strap, band or bracelet"), Percent(5.3m, "on the battery"))
        },
        { "2.6% on the movement and case + 3.5% on the battery", Sum(Percent(2.6m, "on the movement and case"), Percent(3.5m, "on the battery")) }, // 9104.00.05
        { "3.9% on the movement and case+ 5.3% on the battery", Sum(Percent(3.9m, "on the movement and case"), Percent(5.3m, "on the battery")) }, // 9105.21.40
        { "0.7¢/kg on copper content + 0.7¢/kg on lead content", Sum(Cents(0.7m, "kg", "on copper content"), Cents(0.7m, "kg", "on lead content")) }, // 2620.19.60
        { "5.4¢/kg on drained weight", Cents(5.4m, "kg", "on drained weight") },   // 2005.70.02
        { "5.7¢/kg on drained weight +8%", Sum(Cents(5.7m, "kg", "on drained weight"), Percent(8m)) }, // 0711.59.10.00
        { "$1.76/t, including weight of container", Dollars(1.76m, "t", "including weight of container") }, // 2523.21.00.00, column 2
        { "43¢ each + 2.8¢/jewel over 7 + 3.7% on the case", Sum(Cents(43m, "No."), Cents(2.8m, "Jwls.", "over 7"), Percent(3.7m, "on the case")) }, // 9105.19.30
        { "1.5 percent of the fair retail value", Percent(1.5m, "of the fair retail value") }, // 9816.00.40
        { "50 percent of the cost of such goods or repairs", Percent(50m, "of the cost of such goods or repairs") }, // 9818.00.07.00
        { "19.9¢/kg of total sugars + 6%", Sum(Cents(19.9m, "kg", "of total sugars"), Percent(6m)) }, // 1702.20.28, column 2
        { "$40/kg of anhydrous morphine content", Dollars(40m, "kg", "of anhydrous morphine content") }, // 1302.11.00.00, column 2
        { "20¢/gross of immediate containers", Cents(20m, "gross", "of immediate containers") }, // 3605.00.00, column 2
        { "86.1¢/m2of recording surface", Cents(86.1m, "m²", "of recording surface") }, // 8523.29.40, column 2
        { "<il>86.1¢/m<sup>2</sup></il> of recording surface", Cents(86.1m, "m²", "of recording surface") }, // 8523.29.20.00, column 2, 2025 Revision 10
        { "2.5% on the value of the lead content", Percent(2.5m, "on the value of the lead content") }, // 7801.10.00.00
        { "6.5% on the entire set", Percent(6.5m, "on the entire set") },          // 3213.10.00.00
        {
            // 9303.30.80
            "3.1% on the value of the rifle + 13% on the value of the telescopic sight, if any",
            Sum(Percent(3.1m, "on the value of the rifle"), Percent(13m, "on the value of the telescopic sight, if any"))
        },
        {
            // 2206.00.30.00
            "3.1¢/liter + 22.1¢/pf. liter on ethyl alcohol content",
            Sum(Cents(3.1m, "liters"), Cents(22.1m, "pf. liters", "on ethyl alcohol content"))
        },
        { "33 1/3%", Percent(33m + (1m / 3m)) },                                   // 4202.29.20.00, column 2
        {
            // 1701.13.05.00
            "1.4606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less than 0.943854¢/kg",
            new SugarDegreeRate(Cents(1.4606m, "kg"), Cents(0.020668m, "kg"), Cents(0.943854m, "kg"))
        },
        {
            // 1701.13.10.00, column 2: "than" left out, spaces before "/kg"
            "4.3817¢/kg less 0.0622005¢ /kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less 2.831562¢ /kg",
            new SugarDegreeRate(Cents(4.3817m, "kg"), Cents(0.0622005m, "kg"), Cents(2.831562m, "kg"))
        },
        { "No additional duty", NoChange },                                        // 9904.02.08, additionalDuties
        { "16.7¢/ liter + 5.7%", Sum(Cents(16.7m, "liters"), Percent(5.7m)) },     // 9904.21.18, additionalDuties
    };

    /// <summary>Every table of valid texts, with the column its texts are parsed as.</summary>
    public static TheoryData<string, RateColumn, Rate> KnownForms => new(
        Rows(GeneralForms, RateColumn.General)
            .Concat(Rows(ChapterNinetyNineForms, RateColumn.General))
            .Concat(Rows(ReferenceForms, RateColumn.General))
            .Concat(Rows(SpecialForms, RateColumn.Special)));

    [Theory]
    [MemberData(nameof(KnownForms))]
    public void Parse_KnownForm_ReturnsExpectedRate(string text, RateColumn column, Rate expected)
    {
        Rate rate = RateParser.Parse(text, column);
        Rate cell = RateParser.ParseCell(text, column);

        Assert.Equal(expected, rate);
        Assert.Equal(expected, cell);
    }

    [Theory]
    [MemberData(nameof(KnownForms))]
    public void Parse_CanonicalTextOfKnownForm_ReturnsSameRate(string text, RateColumn column, Rate expected)
    {
        string canonical = expected.ToString();

        Rate again = RateParser.Parse(canonical, column);

        Assert.Equal(expected, again);
        Assert.Equal(canonical, RateParser.Parse(text, column).ToString());
    }

    [Fact]
    public void Parse_CompoundRate_ReturnsPartsInPrintedOrder()
    {
        var rate = (CompoundRate)RateParser.Parse("13.5¢/kg + 6.3% + 1.9¢/article");

        Assert.Collection(
            rate.Parts,
            p => Assert.Equal(Cents(13.5m, "kg"), p),
            p => Assert.Equal(Percent(6.3m), p),
            p => Assert.Equal(Cents(1.9m, "No."), p));
    }

    [Fact]
    public void Parse_AmountInCents_KeepsExactDollarValue()
    {
        var rate = (SpecificRate)RateParser.Parse("0.020668¢/kg");

        Assert.Equal(0.00020668m, rate.AmountUsd);
        Assert.True(rate.WrittenInCents);
    }

    [Fact]
    public void Parse_WordsInAnyCase_ReadsSameRate()
    {
        Assert.Equal(Free, RateParser.Parse("FREE"));
        Assert.Equal(Percent(1.5m, "of the fair retail value"), RateParser.Parse("1.5 PERCENT of the fair retail value"));
    }

    private static IEnumerable<(string, RateColumn, Rate)> Rows(TheoryData<string, Rate> table, RateColumn column) =>
        table.Select(row => (row.Data.Item1, column, row.Data.Item2));
}

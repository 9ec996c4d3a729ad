using Levy.Core.Rates;
using static Levy.Core.Tests.Rates.ExpectedRates;

namespace Levy.Core.Tests.Rates;

/// <summary>The Chapter 99 (and Chapter 98) forms of the General column (docs/domain.md, "Chapter 99 rate text").</summary>
public partial class RateParserTests
{
    public static TheoryData<string, Rate> ChapterNinetyNineForms { get; } = new()
    {
        { "The duty provided in the applicable subheading", Applicable() },                         // 9903.80.60
        { "The duty provided in the applicable subheading.", Applicable() },                        // 9903.81.92, 2025 Revision 10
        { "The duty provided for in the applicable subheading", Applicable() },                     // 9903.85.06
        { "The duty provided in the applicable subheading + 25%", Applicable(Percent(25m)) },       // 9903.80.01
        { "The duty provided in the applicable subheading +10%", Applicable(Percent(10m)) },        // 9903.01.15, 2025 Revision 10
        { "The duty provided in the applicable subheading plus 25%", Applicable(Percent(25m)) },    // 9903.88.01
        { "The duty provided in the applicable subheading + 50%.", Applicable(Percent(50m)) },      // 9903.81.87, 2025 Revision 14
        { "The duty provided in the applicable subheading + 0%", Applicable(Percent(0m)) },         // 9903.89.01, 2026 Basic
        { "The duty provided inthe applicable subheading+ 25%", Applicable(Percent(25m)) },         // 9903.89.55
        { "The duty provided in the applicable subheading + a duty of 25%", Applicable(Percent(25m)) }, // 9903.82.20, 2026 Revision 10
        {
            // 9903.81.91, 2025 Revision 10
            "The duty provided in the applicable subheading + a duty of 25% upon the value of the steel content.",
            Applicable(Percent(25m), DutyBasis.SteelContent)
        },
        {
            // 9903.85.15, 2025 Revision 14
            "The duty provided in the applicable subheading + a duty of 25% upon the value of the aluminum content",
            Applicable(Percent(25m), DutyBasis.AluminumContent)
        },
        {
            // 9903.78.01, 2025 Revision 17
            "The duty provided in the applicable subheading + a duty of 50% upon the value of the copper content",
            Applicable(Percent(50m), DutyBasis.CopperContent)
        },
        {
            // 9903.94.03, 2025 Revision 10
            "The duty provided in the applicable subheading + a duty of 25% upon the value of the non-U.S. content",
            Applicable(Percent(25m), DutyBasis.NonUsContent)
        },
        { "The duty rate provided in such subheading minus 0.5%", Applicable(Percent(-0.5m)) },    // 9822.05.30
        { "The duty rate provided in such subheading minus 2.0%", Applicable(Percent(-2.0m)) },    // 9822.05.60
        {
            // 9903.91.12, 2025 Revision 27
            "The duty provided in subheadings 8716.39.00, 8716.90.30 or 8716.90.50 + 100%",
            Applicable(Percent(100m), "8716.39.00", "8716.90.30", "8716.90.50")
        },
        { "No change", NoChange },                                                                  // 9903.45.05
        { "no change", NoChange },                                                                  // 9903.82.18, 2026 Revision 10
        { "No Change", NoChange },                                                                  // 9903.01.24, column 2, 2025 Revision 10
        { "No change.", NoChange },                                                                 // 9903.01.01, column 2, 2025 Revision 10
    };

    [Fact]
    public void Parse_PassthroughLine_IsPassthrough()
    {
        var rate = (ApplicableSubheadingRate)RateParser.Parse("The duty provided in the applicable subheading");

        Assert.True(rate.IsPassthrough);
        Assert.True(rate.Subheadings.IsEmpty);
    }

    [Fact]
    public void ToString_ContentBasedSurcharge_WritesADutyUponTheValue()
    {
        Rate rate = Applicable(Percent(50m), DutyBasis.SteelContent);

        Assert.Equal("The duty provided in the applicable subheading + a duty of 50% upon the value of the steel content", rate.ToString());
    }

    [Fact]
    public void ToString_MinusForm_WritesMinus()
    {
        Assert.Equal("The duty provided in the applicable subheading minus 0.5%", Applicable(Percent(-0.5m)).ToString());
    }
}

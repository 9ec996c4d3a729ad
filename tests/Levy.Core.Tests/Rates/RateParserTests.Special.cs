using Levy.Core.Rates;
using static Levy.Core.Tests.Rates.ExpectedRates;

namespace Levy.Core.Tests.Rates;

/// <summary>Column 1 Special: rates with program symbols, in one or more groups.</summary>
public partial class RateParserTests
{
    private const string Symbols17 = "A,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG";

    public static TheoryData<string, Rate> SpecialForms { get; } = new()
    {
        {
            // 0201.10.10
            "Free (A+,AU,BH,CL,CO,D,E*,IL,JO,KR,MA,OM,P,PA,PE,S,SG)",
            Groups(Group(Free, Programs("A+,AU,BH,CL,CO,D,E*,IL,JO,KR,MA,OM,P,PA,PE,S,SG")))
        },
        { "Free\n(A, AU, BH, CL, CO, D, E, IL, JO, KR, MA, OM, P, PA, PE, S, SG)", Groups(Group(Free, Programs(Symbols17))) }, // 3402.31.10.00
        { "Free(A*,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)", Groups(Group(Free, Programs("A*,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG"))) }, // 8903.11.00
        {
            // 2904.99.08.00: "P ,PA"
            "Free (A+,AU,BH,CL,CO,D, E,IL,JO, KR,MA,OM,P ,PA,PE,S,SG)",
            Groups(Group(Free, Programs("A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG")))
        },
        {
            // 4011.90.20: "E IL" without a comma
            "Free (A*,AU,BH,CL,CO,D,E IL,JO,KR,MA,OM,P,PA,PE,S,SG)",
            Groups(Group(Free, Programs("A*,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG")))
        },
        {
            // 6204.63.11: "MA,.OM"
            "Free (AU,BH,CL,CO,IL,JO,KR,MA,.OM,P,PA,PE,S,SG) ",
            Groups(Group(Free, Programs("AU,BH,CL,CO,IL,JO,KR,MA,OM,P,PA,PE,S,SG")))
        },
        { "Free (JP)", Groups(Group(Free, "JP")) },
        {
            // 7616.10.70
            "Free (A,AU,B,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG) 2.75% (JP)",
            Groups(Group(Free, Programs("A,AU,B,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG")), Group(Percent(2.75m), "JP"))
        },
        {
            // 3403.19.50.00
            "Free (A,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG) 2.9%(JP)",
            Groups(Group(Free, Programs(Symbols17)), Group(Percent(2.9m), "JP"))
        },
        {
            // 8704.21.01.00
            "Free (A+,AU,B,BH,CL,CO,D,E,IL,JO,MA,OM,P,PA,PE,S,SG)25% (KR)",
            Groups(Group(Free, Programs("A+,AU,B,BH,CL,CO,D,E,IL,JO,MA,OM,P,PA,PE,S,SG")), Group(Percent(25m), "KR"))
        },
        {
            // 2204.30.00.00
            "Free (A+,AU,BH,CL,CO,D,E,IL,KR,MA,OM,P,PA,PE,S,SG) 1.9¢/liter + 13.9¢/pf. liter (JO)",
            Groups(
                Group(Free, Programs("A+,AU,BH,CL,CO,D,E,IL,KR,MA,OM,P,PA,PE,S,SG")),
                Group(Sum(Cents(1.9m, "liters"), Cents(13.9m, "pf. liters")), "JO"))
        },
        {
            // 2106.90.87.00
            "Free (BH,CL,JO,KR,MA,OM,P,PE,SG) 1.9¢/kg + 0.5% (PA) See 9822.04.25 (AU) See 9823.08.01-9823.08.38 (S+) See 9918.04.60, 9918.04.79 (CO)",
            Groups(
                Group(Free, Programs("BH,CL,JO,KR,MA,OM,P,PE,SG")),
                Group(Sum(Cents(1.9m, "kg"), Percent(0.5m)), "PA"),
                Group(Reference("See 9822.04.25", "9822.04.25"), "AU"),
                Group(Reference("See 9823.08.01-9823.08.38", "9823.08.01", "9823.08.38"), "S+"),
                Group(Reference("See 9918.04.60, 9918.04.79", "9918.04.60", "9918.04.79"), "CO"))
        },
        {
            // 0402.21.90.00: one rate for two programs
            "Free (BH,CL,JO,KR,MA,OM,P,PE,SG) 10.3¢/kg (CO,PA) See 9822.04.10 (AU) See 9823.03.01-9823.03.12 (S+)",
            Groups(
                Group(Free, Programs("BH,CL,JO,KR,MA,OM,P,PE,SG")),
                Group(Cents(10.3m, "kg"), "CO", "PA"),
                Group(Reference("See 9822.04.10", "9822.04.10"), "AU"),
                Group(Reference("See 9823.03.01-9823.03.12", "9823.03.01", "9823.03.12"), "S+"))
        },
        {
            // 0402.99.45.00, 2026 Basic: the misprinted code 99.19.04.14 still reads as 9919.04.14
            "Free (BH,CL,CO,JO,KR,MA,OM,P,PE,SG) See 9822.04.30 (AU) See 9823.07.01-9823.07.07 (S+) See 9919.04.10, 9919.04.12, 99.19.04.14 (PA)",
            Groups(
                Group(Free, Programs("BH,CL,CO,JO,KR,MA,OM,P,PE,SG")),
                Group(Reference("See 9822.04.30", "9822.04.30"), "AU"),
                Group(Reference("See 9823.07.01-9823.07.07", "9823.07.01", "9823.07.07"), "S+"),
                Group(Reference("See 9919.04.10, 9919.04.12, 99.19.04.14", "9919.04.10", "9919.04.12", "9919.04.14"), "PA"))
        },
        {
            // 1701.12.50.00: "See 9822.03.01(MA)"
            "Free (BH,CL,JO,KR,OM,SG) See 9822.05.20 (P+) See 9822.03.01(MA)",
            Groups(
                Group(Free, Programs("BH,CL,JO,KR,OM,SG")),
                Group(Reference("See 9822.05.20", "9822.05.20"), "P+"),
                Group(Reference("See 9822.03.01", "9822.03.01"), "MA"))
        },
        {
            // 9901.00.50: no change, notes with parentheses inside
            "No change (A) Free (CA,IL, MX) See U.S. note 3 to this sub- chapter (E) See U.S. note 3(e) (CO,PE)",
            Groups(
                Group(NoChange, "A"),
                Group(Free, "CA", "IL", "MX"),
                Group(Reference("See U.S. note 3 to this sub- chapter"), "E"),
                Group(Reference("See U.S. note 3(e)"), "CO", "PE"))
        },
        {
            // 9802.00.50: a trailing comma in the program list
            "Free (AU,BH,CL, CO,IL,JO,KR,MA,OM,P,PA, PE,S,SG) A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter) (B,C,)",
            Groups(
                Group(Free, Programs("AU,BH,CL,CO,IL,JO,KR,MA,OM,P,PA,PE,S,SG")),
                Group(Reference("A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter)"), "B", "C"))
        },
        {
            // 9903.85.21
            "The duty provided in the applicable subheading + 10% (CA, MX, S)",
            Groups(Group(Applicable(Percent(10m)), "CA", "MX", "S"))
        },
        {
            // 9903.85.05
            "The duty provided in the applicable subheading (AU,BH,CA,CL,CO,E,IL,JO,KR,MA,MX,OM,P,PA,PE,SG)",
            Groups(Group(Applicable(), Programs("AU,BH,CA,CL,CO,E,IL,JO,KR,MA,MX,OM,P,PA,PE,SG")))
        },
        {
            // 9822.09.22
            "The rate provided for beneficiary countries in heading 9901.00.50 (PA)",
            Groups(Group(Reference("The rate provided for beneficiary countries in heading 9901.00.50", "9901.00.50"), "PA"))
        },
        { "The duty provided in the applicable subheading + 25%", Applicable(Percent(25m)) },           // 9903.80.03: no program list
        { "10%", Percent(10m) },                                                                        // 9903.94.32, 2025 Revision 16
        { "5% on the full value of the imported article", Percent(5m, "on the full value of the imported article") }, // 9915.50.01
        { "No change.", NoChange },
    };

    [Fact]
    public void ToString_PreferentialRates_WritesGroupsWithCompactProgramLists()
    {
        Rate rate = RateParser.Parse("Free (A+, AU,BH) 2.8% (JP)", RateColumn.Special);

        Assert.Equal("Free (A+,AU,BH) 2.8% (JP)", rate.ToString());
    }

    [Fact]
    public void ForProgram_ListedProgram_ReturnsItsGroupRate()
    {
        var rate = (PreferentialRates)RateParser.Parse("Free (A+,AU,BH) 2.8% (JP)", RateColumn.Special);

        Assert.Equal(Percent(2.8m), rate.ForProgram("JP"));
        Assert.Equal(Free, rate.ForProgram("AU"));
        Assert.Null(rate.ForProgram("KR"));
    }

    [Fact]
    public void Parse_ProgramListInGeneralColumn_IsNotRead()
    {
        bool parsed = RateParser.TryParse("Free (A+,AU)", RateColumn.General, out _);

        Assert.False(parsed);
    }
}

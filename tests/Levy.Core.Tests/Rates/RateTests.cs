using Levy.Core.Primitives;
using Levy.Core.Rates;
using static Levy.Core.Tests.Rates.ExpectedRates;

namespace Levy.Core.Tests.Rates;

/// <summary>The canonical text (<c>ToString</c>) and equality of the rate cases.</summary>
public class RateTests
{
    public static TheoryData<Rate, string> CanonicalTexts { get; } = new()
    {
        { Cents(4.4m, "kg"), "4.4¢/kg" },
        { Cents(10m, "No."), "10¢ each" },
        { Cents(0.50m, "kg"), "0.50¢/kg" },
        { new SpecificRate(0.1m, UnitOfMeasure.Kilogram, WrittenInCents: true), "10¢/kg" },
        { Dollars(1.50m, "pf. liter"), "$1.50/pf. liters" },
        { Dollars(1.76m, "t", "including weight of container"), "$1.76/t, including weight of container" },
        { Cents(2.8m, "jewel", "over 7"), "2.8¢/Jwls. over 7" },
        { Cents(0.18m, "line/gross"), "0.18¢/gr.lines" },
        { Percent(2.0m), "2.0%" },
        { Percent(33m + (1m / 3m)), "33 1/3%" },
        { Percent(66m + (2m / 3m)), "66 2/3%" },
        { Percent(12.5m), "12.5%" },
        { Percent(6m, "on the case"), "6% on the case" },
        { Sum(Cents(44m, "each"), Percent(6m, "on the case")), "44¢ each + 6% on the case" },
        { Applicable(Percent(100m), "8716.39.00", "8716.90.30", "8716.90.50"), "The duty provided in subheadings 8716.39.00, 8716.90.30 or 8716.90.50 + 100%" },
        { Groups(Group(Free, "A+", "AU"), Group(Percent(3.4m), "JP")), "Free (A+,AU) 3.4% (JP)" },
        { NoChange, "No change" },
    };

    [Theory]
    [MemberData(nameof(CanonicalTexts))]
    public void ToString_Rate_WritesCanonicalText(Rate rate, string expected)
    {
        Assert.Equal(expected, rate.ToString());
    }

    [Fact]
    public void Equals_CompoundRatesWithEqualParts_AreEqualWithEqualHashCodes()
    {
        CompoundRate a = Sum(Cents(4.4m, "kg"), Percent(6m));
        CompoundRate b = Sum(Cents(4.40m, "kg"), Percent(6.0m));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Sum(Percent(6m), Cents(4.4m, "kg")));
    }

    [Fact]
    public void Equals_PreferentialRatesWithEqualGroups_AreEqual()
    {
        PreferentialRates a = Groups(Group(Free, "A+", "AU"));
        PreferentialRates b = Groups(Group(Free, "A+", "AU"));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Groups(Group(Free, "AU", "A+")));
    }

    [Fact]
    public void Equals_ReferencesAndApplicableRatesWithEqualCodes_AreEqual()
    {
        Assert.Equal(Reference("See 9822.04.25", "9822.04.25"), Reference("See 9822.04.25", "9822.04.25"));
        Assert.Equal(Applicable(Percent(100m), "8716.39.00"), Applicable(Percent(100m), "8716.39.00"));
        Assert.NotEqual(Applicable(Percent(100m), "8716.39.00"), Applicable(Percent(100m), "8716.90.30"));
    }
}

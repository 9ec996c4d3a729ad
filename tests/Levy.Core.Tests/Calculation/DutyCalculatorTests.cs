using System.Collections.Immutable;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using CsCheck;
using Levy.Core.Rates;
using static Levy.Core.Tests.Calculation.TestQuotes;

namespace Levy.Core.Tests.Calculation;

public class DutyCalculatorTests
{
    private static DutyBreakdown Compute(RateQuote quote, decimal value, ImmutableArray<Quantity> quantities = default)
    {
        DutyResult result = DutyCalculator.Calculate(quote, new Money(value), quantities);
        Assert.True(result.IsSuccess, result.Error.ToString());
        return result.Breakdown;
    }

    [Fact]
    public void Calculate_JapaneseCarLiberationDayWeek_ElevenThousandDollars()
    {
        // docs/domain.md, "Worked examples" (Japan), the money check: a $40,000 Japanese car entered 2025-04-20 owes $11,000
        // (MFN 2.5% + 9903.94.01 +25%; reciprocal excluded under 9903.01.33).
        RateQuote quote = Quote("8703.23.01.90", "JP", "2025-04-20",
            Base(new AdValoremRate(2.5m)),
            Additional(Authority.Section232, "9903.94.01", 25m),
            Exemption(Authority.IeepaReciprocal, "9903.01.33"));

        DutyBreakdown duty = Compute(quote, 40_000m);

        Assert.Equal([1_000m, 10_000m, 0m], duty.Components.Select(c => c.Amount.Amount));
        Assert.Equal(11_000m, duty.Total.Amount);
        Assert.Equal(10_000m, duty.TotalFor(Authority.Section232).Amount);
        Assert.Equal(1_000m, duty.Ordinary.Amount);
    }

    [Fact]
    public void Calculate_JapanAutoFloor_TopsUpToFifteenPercentAllIn()
    {
        // docs/domain.md, "Worked examples" (Japan): the same car entered 2025-09-20 under 9903.94.41 (15% inclusive) owes $6,000.
        RateQuote quote = Quote("8703.23.01.90", "JP", "2025-09-20", Base(new AdValoremRate(2.5m)), Floor("9903.94.41", 15m));

        DutyBreakdown duty = Compute(quote, 40_000m);

        Assert.Equal(5_000m, duty.Components[1].Amount.Amount);
        Assert.Equal(6_000m, duty.Total.Amount);
    }

    [Fact]
    public void Calculate_CompoundRateOnOneTonne_MatchesWorkedExampleB()
    {
        // docs/domain.md, "Worked examples", the floor: 46.3¢/kg + 14.9% on 1,000 kg and $8,000 = $463 + $1,192 = $1,655; the EU 15% floor adds nothing
        // (AVE 20.7% is above 15%).
        RateQuote quote = Quote("0402.99.90.00", "DE", "2025-10-01", Base(Cheese), Floor("9903.02.20", 15m));

        DutyBreakdown duty = Compute(quote, 8_000m, Kg(1_000m));

        Assert.Equal(1_655m, duty.Ordinary.Amount);
        Assert.Equal(0m, duty.Components[1].Amount.Amount);
        Assert.Equal(1_655m, duty.Total.Amount);
    }

    [Theory]
    [InlineData("1000000", "g")]
    [InlineData("1", "t")]
    [InlineData("1000", "kilograms")]
    public void Calculate_DeclaredUnitDiffersFromRateUnit_ConvertsExactly(string quantity, string unit)
    {
        RateQuote quote = Quote("0402.99.90.00", "DE", "2025-10-01", Base(Cheese));

        DutyBreakdown duty = Compute(quote, 8_000m, [new Quantity(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), UnitOfMeasure.Parse(unit))]);

        Assert.Equal(1_655m, duty.Total.Amount);
    }

    [Fact]
    public void Calculate_QuantityWithoutUnit_TakesTheHtsReportingUnit()
    {
        RateQuote quote = Quote("0402.99.90.00", "DE", "2025-10-01", Base(Cheese));

        DutyBreakdown duty = Compute(quote, 8_000m, [new Quantity(1_000m, default)]);

        Assert.Equal(1_655m, duty.Total.Amount);
    }

    [Theory]
    // 19 CFR 159.3(a): ad valorem rates apply to the value in whole dollars, 50 cents or more counting as a dollar.
    [InlineData("1000.50", "0.5", "5.01")]   // $1,001 × 0.5% = $5.005 → half a cent goes up
    [InlineData("1000.49", "0.5", "5.00")]   // $1,000 × 0.5% = $5.00
    [InlineData("1001", "0.5", "5.01")]      // $5.005 → $5.01
    [InlineData("999", "0.5", "5.00")]       // $4.995 → $5.00 (half a cent up)
    [InlineData("1003", "0.5", "5.02")]      // $5.015 → $5.02
    [InlineData("1002", "0.3", "3.01")]      // $3.006 → $3.01
    [InlineData("1001", "0.3", "3.00")]      // $3.003 → $3.00
    public void Calculate_AdValorem_RoundsTheValueToDollarsAndTheDutyHalfCentUp(string value, string percent, string expected)
    {
        RateQuote quote = Quote("8703.23.01.90", "JP", "2025-01-15", Base(new AdValoremRate(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture))));

        DutyBreakdown duty = Compute(quote, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), duty.Total.Amount);
    }

    [Theory]
    // 19 CFR 159.3(b): a specific rate of $1 or less per unit counts a fraction of a unit under one half as nothing and
    // one half or more as a whole unit.
    [InlineData("1000.4", "44.00")]
    [InlineData("1000.5", "44.04")] // 1,001 kg × 4.4¢ = $44.044
    [InlineData("0.4", "0.00")]
    public void Calculate_SpecificRateOfADollarOrLess_RoundsTheQuantityToWholeUnits(string kg, string expected)
    {
        RateQuote quote = Quote("0402.99.90.00", "AR", "2025-01-15", Base(new SpecificRate(0.044m, UnitOfMeasure.Kilogram, true)));

        DutyBreakdown duty = Compute(quote, 5_000m, Kg(decimal.Parse(kg, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), duty.Total.Amount);
    }

    [Fact]
    public void Calculate_SpecificRateAboveADollar_UsesTheExactQuantity()
    {
        // $1.99/pf. liter on 10.3 proof liters = $20.497 → $20.50.
        RateQuote quote = Quote("0402.99.90.00", "GB", "2025-01-15", Base(new SpecificRate(1.99m, UnitOfMeasure.ProofLiter, false)));

        DutyBreakdown duty = Compute(quote, 500m, [new Quantity(10.3m, UnitOfMeasure.ProofLiter)]);

        Assert.Equal(20.50m, duty.Total.Amount);
    }

    [Fact]
    public void Calculate_MetalContentShare_ChargesTheAdditionalDutyOnTheMetalValueOnly()
    {
        // docs/domain.md, "Worked examples", the aluminum derivative (2026-03-01): MFN 3.9% on $10,000 = $390; 232 50% on $4,000 of aluminium = $2,000.
        RateQuote quote = Quote("7326.90.86.88", "DE", "2026-03-01", Base(new AdValoremRate(3.9m)),
            Additional(Authority.Section232, "9903.85.08", 50m, share: 0.4m));

        DutyBreakdown duty = Compute(quote, 10_000m);

        Assert.Equal([390m, 2_000m], duty.Components.Select(c => c.Amount.Amount));
        Assert.Equal(2_390m, duty.Total.Amount);
    }

    [Fact]
    public void Calculate_FloorOverSpecificBase_UsesTheDollarAmountOfTheBase()
    {
        // 4.4¢/kg on 1,000 kg = $44 on $1,000 (AVE 4.4%): the 15% floor adds $150 − $44 = $106.
        RateQuote quote = Quote("0402.99.90.00", "JP", "2025-09-20", Base(new SpecificRate(0.044m, UnitOfMeasure.Kilogram, true)), Floor("9903.02.73", 15m));

        DutyBreakdown duty = Compute(quote, 1_000m, Kg(1_000m));

        Assert.Equal([44m, 106m], duty.Components.Select(c => c.Amount.Amount));
    }

    [Fact]
    public void Calculate_FloorAfterRounding_TotalIsTheAllInRateToTheCent()
    {
        // MFN 0.5% on $1,001 = $5.005 → $5.01; 15% of $1,001 = $150.15; the floor adds $145.14 so the total is $150.15.
        RateQuote quote = Quote("8703.23.01.90", "JP", "2025-09-20", Base(new AdValoremRate(0.5m)), Floor("9903.02.73", 15m));

        DutyBreakdown duty = Compute(quote, 1_001m);

        Assert.Equal(150.15m, duty.Total.Amount);
    }

    [Fact]
    public void Calculate_ClaimedProgramInSpecialColumn_UsesThePreferentialRate()
    {
        var special = new PreferentialRates([new PreferentialRate(FreeRate.Instance, ["AU", "S"]), new PreferentialRate(new AdValoremRate(1.2m), ["JP"])]);
        RateQuote quote = Quote("8703.23.01.90", "JP", "2025-01-15", "JP", Base(special));

        DutyBreakdown duty = Compute(quote, 1_000m);

        Assert.Equal(12m, duty.Total.Amount);
    }

    public static TheoryData<Rate, ImmutableArray<Quantity>, string, string> Errors => new()
    {
        { new SpecificRate(0.044m, UnitOfMeasure.Kilogram, true), [], "quantity1", "the rate \"{rate}\" needs a quantity in kg; the line gives none" },
        { new SpecificRate(0.044m, UnitOfMeasure.Kilogram, true), [new Quantity(3m, UnitOfMeasure.Number)], "unit1", "the rate \"{rate}\" needs a quantity in kg; the line gives 3 No., which does not convert to kg" },
        { new UnparsedRate("A duty upon the value of the repairs", "test"), [], "hts10", "the rate text \"A duty upon the value of the repairs\" is not a rate Levy can compute (test): needs manual review" },
        { new ReferenceRate("See 9822.04.40", []), [], "hts10", "the rate is stated by reference (\"See 9822.04.40\"): the duty needs the rate of the provision it names" },
        { new AdValoremRate(6m, "on the case"), [], "value", "the rate \"6% on the case\" is charged on on the case, which the line does not give" },
        { new PreferentialRates([new PreferentialRate(FreeRate.Instance, ["AU"])]), [], "program", "the quote gives the Special column \"Free (AU)\" but no program whose rate applies" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Calculate_RateNeedsDataTheLineLacks_NamesTheFieldAndReason(Rate rate, ImmutableArray<Quantity> quantities, string field, string reason)
    {
        RateQuote quote = Quote("0402.99.90.00", "AR", "2025-01-15", Base(rate));

        DutyResult result = DutyCalculator.Calculate(quote, new Money(1_000m), quantities);

        Assert.False(result.IsSuccess);
        // The rate's own text is used: how a specific rate prints is the formatter's business, not this test's.
        Assert.Equal(new LineError(field, reason.Replace("{rate}", rate.ToString(), StringComparison.Ordinal)), result.Error);
    }

    [Fact]
    public void Calculate_NegativeValue_IsAnErrorOnValue()
    {
        DutyResult result = DutyCalculator.Calculate(Quote("8703.23.01.90", "JP", "2025-01-15", Base(new AdValoremRate(2.5m))), new Money(-1m), []);

        Assert.Equal("value", result.Error.Field);
    }

    [Fact]
    public void Calculate_AnyQuoteAndValue_DutyIsNeverNegativeAndTotalIsTheSumOfRoundedComponents()
    {
        Gen.Select(Gen.Decimal[0m, 10_000_000m], Gen.Decimal[0m, 99m], Gen.Decimal[0m, 50m])
            .Sample((value, mfn, add) =>
            {
                RateQuote quote = Quote("8703.23.01.90", "JP", "2025-04-20", Base(new AdValoremRate(Math.Round(mfn, 2))),
                    Additional(Authority.Section232, "9903.94.01", Math.Round(add, 2)), Floor("9903.94.41", 15m));
                DutyBreakdown duty = Compute(quote, Math.Round(value, 2));
                Assert.True(duty.Total.Amount >= 0m);
                Assert.Equal(duty.Components.Sum(c => c.Amount.Amount), duty.Total.Amount);
                Assert.All(duty.Components, c => Assert.Equal(c.Amount.Amount, Math.Round(c.Amount.Amount, 2)));
            });
    }
}

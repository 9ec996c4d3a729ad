using CsCheck;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Tests.Rates;

/// <summary>Round trips of generated rates: <c>Parse(rate.ToString()) == rate</c>.</summary>
public partial class RateParserTests
{
    private static readonly string[] UnitSymbols =
        ["kg", "liters", "pf. liters", "No.", "doz.", "m²", "m³", "t", "thousands", "gross", "gr.lines", "Jwls.", "prs.", "clean kg", "bbl", "lin. m", "g", "m", "pack"];

    private static readonly string?[] QuantityBases =
        [null, null, "on drained weight", "of total sugars", "over 7", "including weight of container", "on copper content"];

    private static readonly string?[] ValueBases =
        [null, null, "on the case", "on the strap, band or bracelet", "of the fair retail value", "on the value of the telescopic sight, if any"];

    // Non-negative decimals with 0 to 4 decimal places, as the schedule writes them (4.4, 0.020668 is 6: cents add 2).
    private static readonly Gen<decimal> Amount =
        Gen.Select(Gen.Int[0, 99_999_999], Gen.Int[0, 4], (digits, scale) => new decimal(digits, 0, 0, false, (byte)scale));

    private static readonly Gen<Rate> GenAdValorem =
        Gen.Select(Amount, Gen.OneOf(ValueBases), (percent, basis) => (Rate)new AdValoremRate(percent, basis));

    private static readonly Gen<Rate> GenSpecific =
        Gen.Select(Amount, Gen.OneOf(UnitSymbols), Gen.Bool, Gen.OneOf(QuantityBases), (amount, unit, cents, basis) =>
            (Rate)new SpecificRate(cents ? amount * 0.01m : amount, UnitOfMeasure.Parse(unit), cents, basis));

    private static readonly Gen<Rate> GenTerm = Gen.OneOf(GenAdValorem, GenSpecific);

    private static readonly Gen<Rate> GenCompound = GenTerm.Array[2, 5].Select(parts => (Rate)new CompoundRate([.. parts]));

    private static readonly Gen<Rate> GenMixedFraction =
        Gen.Select(Gen.Int[0, 1000], Gen.Int[2, 16], Gen.Int[1, 15], (whole, denominator, numerator) =>
            (Rate)new AdValoremRate(whole + ((decimal)(numerator % denominator) / denominator)));

    [Fact]
    public void Parse_GeneratedAdValoremRate_RoundTrips()
    {
        GenAdValorem.Sample(RoundTripsIn(RateColumn.General));
    }

    [Fact]
    public void Parse_GeneratedSpecificRate_RoundTrips()
    {
        GenSpecific.Sample(RoundTripsIn(RateColumn.General));
    }

    [Fact]
    public void Parse_GeneratedCompoundRate_RoundTrips()
    {
        GenCompound.Sample(RoundTripsIn(RateColumn.Other));
    }

    [Fact]
    public void Parse_GeneratedMixedFractionPercentage_RoundTrips()
    {
        GenMixedFraction.Sample(RoundTripsIn(RateColumn.Other));
    }

    [Fact]
    public void Parse_GeneratedPreferentialRates_RoundTrip()
    {
        Gen<string> program = Gen.OneOf("A", "A+", "A*", "AU", "B", "BH", "CL", "E*", "JP", "KR", "P+", "S", "S+", "SG");
        Gen<PreferentialRate> group = Gen.Select(Gen.OneOf(GenTerm, GenCompound, Gen.Const<Rate>(FreeRate.Instance)), program.Array[1, 6],
            (rate, programs) => new PreferentialRate(rate, [.. programs]));
        Gen<Rate> cell = group.Array[1, 4].Select(groups => (Rate)new PreferentialRates([.. groups]));

        cell.Sample(RoundTripsIn(RateColumn.Special));
    }

    private static Func<Rate, bool> RoundTripsIn(RateColumn column) =>
        rate => RateParser.TryParse(rate.ToString(), column, out Rate? again) && again.Equals(rate);
}

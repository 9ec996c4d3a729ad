using System.Globalization;
using CsCheck;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using static Levy.Core.Tests.Calculation.TestQuotes;

namespace Levy.Core.Tests.Calculation;

public class EntryTests
{
    private static (EntryLine Line, DutyBreakdown Duty) Line(decimal value, string date, string origin = "JP", TransportMode? mode = null,
        string? program = null, EntryType? type = null, bool chapter99 = false)
    {
        var line = new EntryLine
        {
            Product = HtsCode.Parse("8703.23.01.90"),
            Origin = CountryCode.Parse(origin),
            Value = new Money(value),
            EntryDate = DateOnly.Parse(date, CultureInfo.InvariantCulture),
            Mode = mode,
            ClaimedProgram = program,
            EntryType = type,
            EntryId = "E1",
        };
        QuoteComponent[] components = chapter99
            ? [Base(new AdValoremRate(2.5m)), Additional(Authority.IeepaReciprocal, "9903.01.25", 10m)]
            : [Base(new AdValoremRate(2.5m))];
        DutyResult duty = DutyCalculator.Calculate(Quote("8703.23.01.90", origin, date, program, components), line.Value, []);
        return (line, duty.Breakdown!);
    }

    private static Entry Compute(params (EntryLine Line, DutyBreakdown Duty)[] lines)
    {
        EntryResult result = Entry.Calculate(lines.Select(l => l.Line).ToList(), lines.Select(l => l.Duty).ToList(), TestFees.Schedule);
        Assert.True(result.IsSuccess, result.Error.ToString());
        return result.Entry;
    }

    [Theory]
    // 19 CFR 24.23(b)(1): 0.3464% of the entered value, at least the minimum and at most the maximum of the fiscal year
    // of the entry date. FY2025 (89 FR 59126): $32.71 / $634.62. FY2026 (90 FR 34665): $33.58 / $651.50.
    [InlineData("40000", "2025-04-20", "138.56")]     // between the bounds
    [InlineData("5000", "2025-09-30", "32.71")]       // $17.32 → FY2025 minimum, last day of FY2025
    [InlineData("5000", "2025-10-01", "33.58")]       // first day of FY2026
    [InlineData("500000", "2025-09-30", "634.62")]    // $1,732.00 → FY2025 maximum
    [InlineData("500000", "2025-10-01", "651.50")]    // FY2026 maximum
    [InlineData("183206", "2025-04-20", "634.62")]    // $634.625584 → would round to $634.63; capped
    [InlineData("10001", "2025-04-20", "34.64")]      // $34.643464 → $34.64
    public void Calculate_FormalEntry_MpfIsAdValoremWithinTheFiscalYearBounds(string value, string date, string mpf)
    {
        Entry entry = Compute(Line(decimal.Parse(value, CultureInfo.InvariantCulture), date));

        Assert.Equal(EntryType.Formal, entry.Type);
        Assert.Equal(decimal.Parse(mpf, CultureInfo.InvariantCulture), entry.Mpf.Amount);
    }

    [Fact]
    public void Calculate_SeveralLines_MpfOnTheEntryTotalApportionedByValue()
    {
        Entry entry = Compute(Line(30_000m, "2025-04-20"), Line(10_000m, "2025-04-20"));

        Assert.Equal(138.56m, entry.Mpf.Amount);
        Assert.Equal([103.92m, 34.64m], entry.Lines.Select(l => l.Mpf.Amount));
    }

    [Fact]
    public void Calculate_MinimumOverThreeEqualLines_SharesAddUpToTheCent()
    {
        Entry entry = Compute(Line(1_000m, "2025-04-20"), Line(1_000m, "2025-04-20"), Line(1_000m, "2025-04-20"));

        Assert.Equal(32.71m, entry.Mpf.Amount);
        Assert.Equal([10.91m, 10.90m, 10.90m], entry.Lines.Select(l => l.Mpf.Amount));
    }

    [Fact]
    public void Calculate_MaximumCappedAtEntryLevel_NotPerLine()
    {
        // Two $150,000 lines would each be under the maximum ($519.60); together they reach it.
        Entry entry = Compute(Line(150_000m, "2025-04-20"), Line(150_000m, "2025-04-20"));

        Assert.Equal(634.62m, entry.Mpf.Amount);
        Assert.Equal([317.31m, 317.31m], entry.Lines.Select(l => l.Mpf.Amount));
    }

    [Theory]
    [InlineData(TransportMode.Vessel, "50.00")] // 19 CFR 24.24(a): 0.125% of $40,000
    [InlineData(TransportMode.Air, "0")]
    [InlineData(TransportMode.Truck, "0")]
    [InlineData(TransportMode.Rail, "0")]
    public void Calculate_Hmf_OnlyForVesselCargo(TransportMode mode, string hmf)
    {
        Entry entry = Compute(Line(40_000m, "2025-04-20", mode: mode));

        Assert.Equal(decimal.Parse(hmf, CultureInfo.InvariantCulture), entry.Hmf.Amount);
    }

    [Fact]
    public void Calculate_MixedModes_HmfOnTheVesselLinesOnly()
    {
        Entry entry = Compute(Line(30_001m, "2025-04-20", mode: TransportMode.Vessel), Line(10_000m, "2025-04-20", mode: TransportMode.Air));

        Assert.Equal(37.50m, entry.Hmf.Amount); // $37.50125
        Assert.Equal([37.50m, 0m], entry.Lines.Select(l => l.Hmf.Amount));
    }

    [Theory]
    // 19 CFR 143.21(a): informal up to $2,500; the flat informal MPF of the fiscal year.
    [InlineData("2000", "2025-06-01", false, EntryType.Informal, "2.62")]
    [InlineData("2500", "2025-10-01", false, EntryType.Informal, "2.69")]
    [InlineData("2500.01", "2025-06-01", false, EntryType.Formal, "32.71")]
    // Before 2025-04-30 an article over $250 classified in Chapter 99 subchapter III needed a formal entry.
    [InlineData("2000", "2025-04-20", true, EntryType.Formal, "32.71")]
    [InlineData("2000", "2025-04-20", false, EntryType.Informal, "2.62")]
    [InlineData("2000", "2025-06-01", true, EntryType.Informal, "2.62")]
    public void Calculate_EntryTypeNotDeclared_DecidedByValueAndDate(string value, string date, bool chapter99, EntryType type, string mpf)
    {
        Entry entry = Compute(Line(decimal.Parse(value, CultureInfo.InvariantCulture), date, chapter99: chapter99));

        Assert.Equal(type, entry.Type);
        Assert.Equal(decimal.Parse(mpf, CultureInfo.InvariantCulture), entry.Mpf.Amount);
    }

    [Fact]
    public void Calculate_DeclaredFormalEntry_PaysTheMinimumEvenUnderTheInformalLimit()
    {
        Entry entry = Compute(Line(600m, "2025-06-01", type: EntryType.Formal));

        Assert.Equal(EntryType.Formal, entry.Type);
        Assert.False(entry.IsDeMinimis);
        Assert.Equal(32.71m, entry.Mpf.Amount);
        Assert.Equal(15m, entry.Duty.Amount);
    }

    [Theory]
    // 19 U.S.C. 1321: $800 or less, free of duty; suspended for China/Hong Kong from 2025-05-02 (EO 14256) and for
    // every country from 2025-08-29 (EO 14324).
    [InlineData("JP", "2025-06-01", "800", true)]
    [InlineData("JP", "2025-06-01", "800.01", false)]
    [InlineData("CN", "2025-05-01", "500", true)]
    [InlineData("CN", "2025-05-02", "500", false)]
    [InlineData("HK", "2025-06-01", "500", false)]
    [InlineData("JP", "2025-08-28", "500", true)]
    [InlineData("JP", "2025-08-29", "500", false)]
    [InlineData("DE", "2026-03-01", "100", false)]
    public void Calculate_LowValueShipment_DeMinimisByDateAndCountry(string origin, string date, string value, bool deMinimis)
    {
        Entry entry = Compute(Line(decimal.Parse(value, CultureInfo.InvariantCulture), date, origin));

        Assert.Equal(deMinimis, entry.IsDeMinimis);
        if (deMinimis)
        {
            Assert.Equal(0m, entry.Total.Amount);
            Assert.All(entry.Lines, l => Assert.Equal(0m, l.Duty.Total.Amount));
        }
        else
        {
            Assert.True(entry.Duty.Amount > 0m);
            Assert.True(entry.Mpf.Amount > 0m);
        }
    }

    [Fact]
    public void Calculate_OneLineFromChinaInALowValueShipment_WholeShipmentIsDutiable()
    {
        Entry entry = Compute(Line(300m, "2025-06-01", "JP"), Line(300m, "2025-06-01", "CN"));

        Assert.False(entry.IsDeMinimis);
        Assert.Contains(entry.Notes, n => n.Contains("EO 14256", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_UsmcaClaimedLine_PaysNoMpfAndTheOtherLinesBearIt()
    {
        Entry entry = Compute(Line(30_000m, "2025-04-20", "MX", program: "S"), Line(10_000m, "2025-04-20", "MX"));

        Assert.Equal(34.64m, entry.Mpf.Amount); // 0.3464% of $10,000 only
        Assert.Equal([0m, 34.64m], entry.Lines.Select(l => l.Mpf.Amount));
    }

    [Fact]
    public void Calculate_AllLinesExempt_NoMpfAtAll()
    {
        Entry entry = Compute(Line(30_000m, "2025-04-20", "CA", program: "S"));

        Assert.Equal(0m, entry.Mpf.Amount);
    }

    [Fact]
    public void Calculate_EntryTotals_AddUpDutyByAuthorityAndFees()
    {
        Entry entry = Compute(Line(30_000m, "2025-06-01", mode: TransportMode.Vessel, chapter99: true), Line(10_000m, "2025-06-01", chapter99: true));

        Assert.Equal(1_000m, entry.DutyFor(Authority.Mfn).Amount);
        Assert.Equal(4_000m, entry.DutyFor(Authority.IeepaReciprocal).Amount);
        Assert.Equal(5_000m, entry.Duty.Amount);
        Assert.Equal(5_000m + 138.56m + 37.50m, entry.Total.Amount);
        Assert.Equal(entry.Total.Amount, entry.Lines.Sum(l => l.Total.Amount));
    }

    [Fact]
    public void Calculate_DateAfterTheLastFiscalYear_UsesTheLatestFiguresAndSaysSo()
    {
        // The test schedule ends with FY2026: an FY2027 entry takes FY2026's minimum ($33.58) rather than failing.
        Entry entry = Compute(Line(5_000m, "2026-10-01"));

        Assert.True(entry.MpfCarriedForward);
        Assert.Equal("FY2026", entry.MpfRates!.FiscalYear);
        Assert.Equal(33.58m, entry.Mpf.Amount);
        string note = Assert.Single(entry.Notes, n => n.StartsWith("MPF:", StringComparison.Ordinal));
        Assert.Contains("no figures for FY2027 (entry date 2026-10-01)", note, StringComparison.Ordinal);
        Assert.Contains("the FY2026 figures are used", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_DateWithinAFiscalYear_DoesNotCarryFiguresForward()
    {
        Entry entry = Compute(Line(5_000m, "2026-09-30"));

        Assert.False(entry.MpfCarriedForward);
        Assert.DoesNotContain(entry.Notes, n => n.StartsWith("MPF:", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_DateBeforeTheFirstFiscalYear_ErrorNamesTheDateAndCoverage()
    {
        (EntryLine line, DutyBreakdown duty) = Line(40_000m, "2024-09-30");

        EntryResult result = Entry.Calculate([line], [duty], TestFees.Schedule);

        Assert.Equal(new LineError("entry_date", "no Merchandise Processing Fee figures for entry date 2024-09-30 in the rulebook (fees.yaml covers 2024-10-01 to 2026-09-30)"), result.Error);
    }

    [Theory]
    [InlineData("2026-09-30", "FY2026")]
    [InlineData("2026-10-01", "FY2027")]
    [InlineData("2025-01-01", "FY2025")]
    public void FiscalYearOf_StartsOnTheFirstOfOctober(string date, string expected) =>
        Assert.Equal(expected, FeeSchedule.FiscalYearOf(DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Fact]
    public void Calculate_LinesWithDifferentDates_ErrorOnTheEntry()
    {
        var a = Line(1_000m, "2025-04-20");
        var b = Line(1_000m, "2025-04-21");

        EntryResult result = Entry.Calculate([a.Line, b.Line], [a.Duty, b.Duty], TestFees.Schedule);

        Assert.Equal("entry_date", result.Error.Field);
        Assert.Contains("2025-04-20 and 2025-04-21", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apportion_AnyAmountAndWeights_SharesAddUpExactly()
    {
        Gen.Select(Gen.Int[0, 10_000_000], Gen.Int[0, 1_000_000].Array[1, 20]).Sample((cents, weights) =>
        {
            var amount = new Money(cents / 100m);
            Money[] shares = Entry.Apportion(amount, weights.Select(w => (decimal)w).ToArray());
            Assert.Equal(amount.Amount, shares.Sum(s => s.Amount));
            Assert.All(shares, s => Assert.True(s.Amount >= 0m && s.Amount == Math.Round(s.Amount, 2)));
        });
    }
}

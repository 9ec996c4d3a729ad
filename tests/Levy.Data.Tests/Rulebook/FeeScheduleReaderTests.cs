using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Data.Rulebook;

namespace Levy.Data.Tests.Rulebook;

public class FeeScheduleReaderTests
{
    private static readonly FeeSchedule Fees = FeeScheduleReader.Read(RulebookFiles.Embedded);

    [Theory]
    // FY2025: 89 FR 59126 / CSMS #61572319. FY2026: CBP Dec. 25-10, 90 FR 34665 / CSMS #65741993.
    // FY2027: FR Doc. 2026-15530 (91 FR, No. 146, 2026-07-31).
    [InlineData("2024-10-01", "FY2025", "32.71", "634.62", "2.62")]
    [InlineData("2025-09-30", "FY2025", "32.71", "634.62", "2.62")]
    [InlineData("2025-10-01", "FY2026", "33.58", "651.50", "2.69")]
    [InlineData("2026-09-30", "FY2026", "33.58", "651.50", "2.69")]
    [InlineData("2026-10-01", "FY2027", "34.58", "670.86", "2.77")]
    [InlineData("2027-09-30", "FY2027", "34.58", "670.86", "2.77")]
    public void Read_EmbeddedFees_MpfFiguresByFiscalYear(string date, string year, string min, string max, string informal)
    {
        MpfRates mpf = Fees.FindMpf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))!;

        Assert.Equal(year, mpf.FiscalYear);
        Assert.Equal(0.003464m, mpf.AdValorem);
        Assert.Equal(decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture), mpf.Minimum.Amount);
        Assert.Equal(decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture), mpf.Maximum.Amount);
        Assert.Equal(decimal.Parse(informal, System.Globalization.CultureInfo.InvariantCulture), mpf.Informal.Amount);
        Assert.Contains("FR", mpf.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmbeddedFees_NoMpfFiguresOutsideTheFiscalYearsGiven()
    {
        Assert.Null(Fees.FindMpf(new DateOnly(2027, 10, 1)));
        Assert.Null(Fees.FindMpf(new DateOnly(2024, 9, 30)));
    }

    [Fact]
    public void Read_EmbeddedFees_AfterTheLastFiscalYearTheLatestFiguresAreOffered()
    {
        Assert.Equal("FY2027", Fees.LatestMpfBefore(new DateOnly(2027, 10, 1))!.FiscalYear);
        Assert.Null(Fees.LatestMpfBefore(new DateOnly(2027, 9, 30))); // FY2027 has its own figures
        Assert.Null(Fees.LatestMpfBefore(new DateOnly(2024, 9, 30))); // before the first: nothing to carry forward
    }

    [Fact]
    public void Read_EmbeddedFees_HmfInformalAndDeMinimis()
    {
        Assert.Equal(0.00125m, Fees.FindHmf(new DateOnly(2026, 3, 1))!.AdValorem);
        Assert.Equal(2_500m, Fees.Informal.Limit.Amount);
        Assert.Equal(new DateOnly(2025, 4, 30), Fees.Informal.Chapter99ExceptionSuspendedFrom);
        Assert.Equal(800m, Fees.DeMinimis.Threshold.Amount);
        Assert.Null(Fees.DeMinimis.FindSuspension(CountryCode.Parse("CN"), new DateOnly(2025, 5, 1)));
        Assert.Contains("14256", Fees.DeMinimis.FindSuspension(CountryCode.Parse("HK"), new DateOnly(2025, 5, 2))!.Citation, StringComparison.Ordinal);
        Assert.Contains("14324", Fees.DeMinimis.FindSuspension(CountryCode.Parse("JP"), new DateOnly(2025, 8, 29))!.Citation, StringComparison.Ordinal);
        Assert.True(Fees.IsMpfExempt("S"));
        Assert.False(Fees.IsMpfExempt("JO"));
    }

    [Fact]
    public void Read_OverlappingFiscalYears_RejectedNamingTheFile()
    {
        string folder = Directory.CreateTempSubdirectory("levy-fees").FullName;
        string yaml = RulebookFiles.Embedded.ReadText("fees.yaml").Replace("from: 2025-10-01", "from: 2025-09-01", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "fees.yaml"), yaml);

        var ex = Assert.Throws<RulebookException>(() => FeeScheduleReader.Read(RulebookFiles.FromFolder(folder)));

        Assert.StartsWith("rulebook/fees.yaml: MPF periods overlap", ex.Message, StringComparison.Ordinal);
    }
}

using Levy.Core.Refunds;

namespace Levy.Core.Tests.Refunds;

public class EntryDeadlinesTests
{
    private readonly RefundRules _rules = TestRefundRules.Create();

    [Fact]
    public void For_NoLiquidationDate_EstimatesSummaryDatePlus314Days()
    {
        EntryDeadlines d = EntryDeadlines.For(new DateOnly(2025, 10, 1), null, "01", true, new DateOnly(2026, 4, 21), _rules);

        Assert.True(d.LiquidationEstimated);
        Assert.Equal(new DateOnly(2026, 8, 11), d.Liquidation);
        Assert.False(d.Liquidated);
        Assert.Equal(RefundStanding.Phase1, d.Standing);
        Assert.Equal(new DateOnly(2026, 10, 29), d.Phase1Until);   // + 79 days: fewer than 80 after liquidation
        Assert.Equal(new DateOnly(2026, 11, 9), d.ReliquidationUntil); // + 90 days (19 U.S.C. 1501)
        Assert.Equal(new DateOnly(2027, 2, 7), d.ProtestUntil);   // + 180 days (19 U.S.C. 1514(c)(3))
        Assert.Equal(d.Phase1Until, d.NextDeadline);
    }

    [Theory]
    [InlineData("2026-03-01", "2026-04-21", RefundStanding.Phase1)]   // liquidated 51 days before: inside the 80 days
    [InlineData("2026-01-31", "2026-04-20", RefundStanding.Phase1)]   // on the day CAPE opened, entries liquidated after 2026-01-30
    [InlineData("2026-01-30", "2026-04-20", RefundStanding.Protest)]  // were in Phase 1 (CBP); this one, 80 days before, was not
    [InlineData("2025-10-01", "2026-04-21", RefundStanding.Final)]    // 202 days: past the 180-day protest period
    public void For_LiquidationDateFromTheFile_StandingByDaysSince(string liquidation, string asOf, RefundStanding expected)
    {
        EntryDeadlines d = EntryDeadlines.For(new DateOnly(2025, 3, 1), DateOnly.Parse(liquidation), "01", true, DateOnly.Parse(asOf), _rules);

        Assert.False(d.LiquidationEstimated);
        Assert.Equal(expected, d.Standing);
    }

    [Fact]
    public void For_ExcludedEntryType_LaterPhaseUntilTheProtestDeadline()
    {
        EntryDeadlines d = EntryDeadlines.For(new DateOnly(2025, 9, 1), null, "08", true, new DateOnly(2026, 4, 21), _rules);

        Assert.Equal(RefundStanding.LaterPhase, d.Standing);
        Assert.Equal(d.ProtestUntil, d.NextDeadline);
    }

    [Fact]
    public void For_NoIeepaPaid_NothingToClaim()
    {
        Assert.Equal(RefundStanding.NothingToClaim, EntryDeadlines.For(new DateOnly(2025, 9, 1), null, "01", false, new DateOnly(2026, 4, 21), _rules).Standing);
    }
}

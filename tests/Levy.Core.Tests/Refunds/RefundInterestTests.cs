using Levy.Core.Primitives;
using Levy.Core.Refunds;

namespace Levy.Core.Tests.Refunds;

public class RefundInterestTests
{
    private readonly RefundRules _rules = TestRefundRules.Create();

    [Fact]
    public void Compute_TenThousandDollarsSixMonthsAtSixPercent_MatchesTheHandComputation()
    {
        // $10,000.00 deposited 2025-03-15, refunded on reliquidation 2025-09-15: 184 days at the corporate rate of 6%
        // (Q1-Q3 2025), compounded daily: 10,000 x ((1 + 0.06/365)^184 - 1) = 10,000 x 0.0307060878829... = $307.06
        // (simple interest would be $302.47).
        InterestResult r = RefundInterest.Compute(new Money(10_000m), new DateOnly(2025, 3, 15), new DateOnly(2025, 9, 15), _rules, OverpaymentRateClass.Corporate);

        Assert.Equal(new Money(307.06m), r.Amount);
        Assert.Equal(184, r.Days);
        Assert.Equal(1.0307060878829558817m, Math.Round(r.Factor, 19));
        Assert.Equal(3, r.Segments.Length); // Q1, Q2 and Q3 2025
        Assert.False(r.UsesUnverifiedRates);
    }

    [Fact]
    public void Compute_NonCorporateImporter_UsesTheHigherRate()
    {
        // Same deposit at 7%: 10,000 x ((1 + 0.07/365)^184 - 1) = $359.14
        Assert.Equal(new Money(359.14m), RefundInterest.Compute(new Money(10_000m), new DateOnly(2025, 3, 15), new DateOnly(2025, 9, 15), _rules, OverpaymentRateClass.NonCorporate).Amount);
    }

    [Fact]
    public void Compute_AcrossAYearEndAndARateChange_CompoundsEachSpanAtItsRate()
    {
        // $25,000 from 2025-12-01 to 2026-05-01: 31 days (Dec 2025) and 90 days (Q1 2026) at 6%, 30 days (April 2026) at 5%:
        // 25,000 x ((1 + 0.06/365)^121 x (1 + 0.05/365)^30 - 1) = $607.21; the April rate is marked unverified.
        InterestResult r = RefundInterest.Compute(new Money(25_000m), new DateOnly(2025, 12, 1), new DateOnly(2026, 5, 1), _rules, OverpaymentRateClass.Corporate);

        Assert.Equal(new Money(607.21m), r.Amount);
        Assert.Equal([31, 90, 30], r.Segments.Select(s => s.Days));
        Assert.True(r.UsesUnverifiedRates);
    }

    [Fact]
    public void Compute_NoDaysOrNoPrincipal_Zero()
    {
        Assert.Equal(Money.Zero, RefundInterest.Compute(new Money(500m), new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1), _rules, OverpaymentRateClass.Corporate).Amount);
        Assert.Equal(Money.Zero, RefundInterest.Compute(Money.Zero, new DateOnly(2025, 6, 1), new DateOnly(2026, 6, 1), _rules, OverpaymentRateClass.Corporate).Amount);
    }

    [Fact]
    public void Compute_BeyondTheRates_SaysWhichDateHasNone()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            RefundInterest.Compute(new Money(1m), new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1), _rules, OverpaymentRateClass.Corporate));

        Assert.Contains("2027-01-01", e.Message, StringComparison.Ordinal);
    }
}

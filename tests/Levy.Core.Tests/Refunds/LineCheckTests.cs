using Levy.Core.Primitives;
using Levy.Core.Refunds;

namespace Levy.Core.Tests.Refunds;

/// <summary>Each flag from the rule that raises it; the flags on real lines through the engine are in
/// Levy.Refunds.Tests (LineCheckerTests).</summary>
public class LineCheckTests
{
    private static readonly DateOnly Summer = new(2025, 7, 1);
    private readonly RefundRules _rules = TestRefundRules.Create();

    private static DeclaredDuty Paid(decimal ordinary, decimal ieepa, decimal other = 0) =>
        new(new Money(ordinary), new Money(ieepa), new Money(other), ieepa > 0);

    private static LawfulDuty Law(decimal ieepa, decimal nonIeepa) => new(new Money(ieepa), new Money(nonIeepa), new Money(nonIeepa));

    [Fact]
    public void Check_IeepaPaidWhereTheLawChargedNone_IeepaNotChargedAndRefundable()
    {
        LineCheckResult r = LineCheck.Check(Summer, Paid(100, 1_000), Law(0, 100), _rules);

        Assert.Equal(RefundFlags.IeepaNotCharged, r.Flags);
        Assert.Equal(new Money(1_000m), r.Refundable);
        Assert.Contains("refundable all the same", RefundFlagReasons.Reason(RefundFlags.IeepaNotCharged, _rules), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IeepaChargedButNotDeclared_ExposureNotRefund()
    {
        LineCheckResult r = LineCheck.Check(Summer, Paid(100, 0), Law(1_000, 100), _rules);

        Assert.Equal(RefundFlags.IeepaUndeclared, r.Flags);
        Assert.Equal(Money.Zero, r.Refundable);
        Assert.Equal(new Money(1_000m), r.Exposure);
        Assert.Contains("Nothing is refundable", RefundFlagReasons.Reason(RefundFlags.IeepaUndeclared, _rules), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IeepaAmountOffByMoreThanTheTolerance_IeepaAmountDiffers()
    {
        Assert.Equal(RefundFlags.IeepaAmountDiffers, LineCheck.Check(Summer, Paid(100, 1_500), Law(1_000, 100), _rules).Flags);
        Assert.Equal(RefundFlags.None, LineCheck.Check(Summer, Paid(100, 1_000.99m), Law(1_000, 100), _rules).Flags); // within $1.00
    }

    [Fact]
    public void Check_OtherDutiesOff_NonIeepaDifferenceWithTheAmount()
    {
        // A Section 232 line that paid the reciprocal duty too: the reciprocal part is IEEPA, the 232 part is compared here.
        LineCheckResult r = LineCheck.Check(Summer, Paid(25, 0, other: 2_500), Law(0, 5_025), _rules);

        Assert.Equal(RefundFlags.NonIeepaDifference, r.Flags);
        Assert.Equal(new Money(-2_500m), r.NonIeepaDifference);
        Assert.Contains("CAPE does not correct these", RefundFlagReasons.Reason(RefundFlags.NonIeepaDifference, _rules), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-19", false)]
    [InlineData("2026-02-20", true)]
    [InlineData("2026-02-23", true)]
    [InlineData("2026-02-24", false)]
    public void Check_EnteredBetweenTheRulingAndTheEndOfCollection_VoidButCollected(string date, bool flagged)
    {
        LineCheckResult r = LineCheck.Check(DateOnly.Parse(date), Paid(100, 1_000), Law(1_000, 100), _rules);

        Assert.Equal(flagged, r.Flags.HasFlag(RefundFlags.VoidButCollected));
        Assert.Contains("2026-02-20", RefundFlagReasons.Reason(RefundFlags.VoidButCollected, _rules), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EngineCouldNotAnswer_NotCheckedButStillRefundable()
    {
        LineCheckResult r = LineCheck.Check(Summer, Paid(100, 700), null, _rules);

        Assert.Equal(RefundFlags.NotChecked, r.Flags);
        Assert.Equal(new Money(700m), r.Refundable);
    }

    [Fact]
    public void Reasons_EveryFlagHasANameAndAReason()
    {
        foreach (RefundFlags f in RefundFlagReasons.All)
        {
            Assert.Equal(f, RefundFlagReasons.Parse(RefundFlagReasons.Name(f)));
            Assert.True(RefundFlagReasons.Reason(f, _rules).Length > 80, f.ToString());
        }
    }
}

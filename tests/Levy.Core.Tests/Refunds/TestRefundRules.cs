using System.Collections.Immutable;
using Levy.Core.Primitives;
using Levy.Core.Refunds;

namespace Levy.Core.Tests.Refunds;

/// <summary>Refund rules built by hand, with the figures of rulebook/refunds.yaml (the reader's own tests compare them).</summary>
internal static class TestRefundRules
{
    internal static RefundRules Create()
    {
        static InterestQuarter Q(int y, int m, decimal non, decimal corp, decimal large, bool verified) =>
            new(new EffectivePeriod(new DateOnly(y, m, 1), new DateOnly(y, m, 1).AddMonths(3)), non / 100m, corp / 100m, large / 100m, $"Q{(m + 2) / 3} {y}", verified, null);
        return new RefundRules(
            new DateOnly(2026, 2, 20), new DateOnly(2026, 2, 24), 314, 90, 180, 80, 9999, ["08", "09", "47"],
            [new CapePhaseRule(1, new DateOnly(2026, 4, 20), "Unliquidated and liquidated within 80 days", "CSMS #68315804", true)],
            [
                Q(2025, 1, 7, 6, 4.5m, true), Q(2025, 4, 7, 6, 4.5m, true), Q(2025, 7, 7, 6, 4.5m, true), Q(2025, 10, 7, 6, 4.5m, true),
                Q(2026, 1, 7, 6, 4.5m, true), Q(2026, 4, 6, 5, 3.5m, false), Q(2026, 7, 6, 5, 3.5m, false), Q(2026, 10, 6, 5, 3.5m, false),
            ],
            1.00m,
            ImmutableDictionary<string, string>.Empty.Add("ruling", "Learning Resources, Inc. v. Trump").Add("collection_ended", "CSMS #67834313"));
    }
}

namespace Levy.Core.Refunds;

/// <summary>Where an entry stands for an IEEPA refund on a date.</summary>
public enum RefundStanding
{
    /// <summary>No IEEPA duty was paid on the entry: nothing to claim.</summary>
    NothingToClaim,

    /// <summary>CAPE Phase 1 takes it: unliquidated, or liquidated at most <see cref="RefundRules.Phase1DaysAfterLiquidation"/> days ago.</summary>
    Phase1,

    /// <summary>Its entry type is outside Phase 1 (reconciliation, drawback, duty deferral): a later phase.</summary>
    LaterPhase,

    /// <summary>Liquidated too long ago for Phase 1 but within the protest period: protest (CBP Form 19) to keep the claim.</summary>
    Protest,

    /// <summary>Liquidated more than the protest period ago: final, outside CAPE Phase 1 and protest.</summary>
    Final,
}

/// <summary>The dates that decide an entry's refund: its liquidation (from the file, or estimated), the end of the CAPE
/// Phase 1 window, of CBP's reliquidation window and of the protest period, and where it stands on a date.</summary>
/// <param name="Liquidation">The liquidation date.</param>
/// <param name="LiquidationEstimated">True when estimated as the entry summary date + <see cref="RefundRules.LiquidationDays"/>.</param>
/// <param name="Liquidated">True when liquidated on or before the as-of date.</param>
/// <param name="Phase1Until">The last day CAPE Phase 1 takes the entry (liquidation + 79 days: fewer than 80 days after it).</param>
/// <param name="ReliquidationUntil">The last day CBP may reliquidate on its own (liquidation + 90 days, 19 U.S.C. 1501).</param>
/// <param name="ProtestUntil">The last day to protest the liquidation (liquidation + 180 days, 19 U.S.C. 1514(c)(3)).</param>
/// <param name="Standing">Where the entry stands on the as-of date.</param>
/// <param name="NextDeadline">The next date that closes something for this entry, or null when nothing is left open.</param>
/// <param name="NextDeadlineWhat">What closes on <paramref name="NextDeadline"/>.</param>
public sealed record EntryDeadlines(
    DateOnly Liquidation,
    bool LiquidationEstimated,
    bool Liquidated,
    DateOnly Phase1Until,
    DateOnly ReliquidationUntil,
    DateOnly ProtestUntil,
    RefundStanding Standing,
    DateOnly? NextDeadline,
    string? NextDeadlineWhat)
{
    /// <summary>Works out the dates of an entry on a date.</summary>
    /// <param name="summaryDate">The entry summary date.</param>
    /// <param name="liquidation">The liquidation date from the file, or null to estimate it.</param>
    /// <param name="entryType">The two-digit entry type code, or null.</param>
    /// <param name="ieepaPaid">True when the entry paid IEEPA duty.</param>
    /// <param name="asOf">The date to judge on.</param>
    /// <param name="rules">The periods.</param>
    public static EntryDeadlines For(DateOnly summaryDate, DateOnly? liquidation, string? entryType, bool ieepaPaid, DateOnly asOf, RefundRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        DateOnly liq = liquidation ?? summaryDate.AddDays(rules.LiquidationDays);
        bool liquidated = liq <= asOf;
        // "Within 80 days of liquidation": on 2026-04-20, the day CAPE opened, CBP took entries liquidated after 2026-01-30,
        // that is fewer than 80 days before; the last day is liquidation + 79.
        DateOnly phase1 = liq.AddDays(rules.Phase1DaysAfterLiquidation - 1);
        DateOnly reliq = liq.AddDays(rules.ReliquidationDays);
        DateOnly protest = liq.AddDays(rules.ProtestDays);
        bool excludedType = entryType is not null && rules.Phase1ExcludedEntryTypes.Contains(entryType);
        RefundStanding standing = !ieepaPaid ? RefundStanding.NothingToClaim
            : asOf > protest ? RefundStanding.Final
            : asOf > phase1 ? RefundStanding.Protest
            : excludedType ? RefundStanding.LaterPhase
            : RefundStanding.Phase1;
        (DateOnly? next, string? what) = standing switch
        {
            RefundStanding.Phase1 => (phase1, $"the CAPE Phase 1 window closes (fewer than {rules.Phase1DaysAfterLiquidation} days after liquidation)"),
            RefundStanding.LaterPhase or RefundStanding.Protest => (protest, $"the protest period ends {rules.ProtestDays} days after liquidation (19 U.S.C. 1514(c)(3))"),
            _ => ((DateOnly?)null, (string?)null),
        };
        return new EntryDeadlines(liq, liquidation is null, liquidated, phase1, reliq, protest, standing, next, what);
    }
}

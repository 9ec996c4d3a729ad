using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Refunds;

/// <summary>Which 26 U.S.C. 6621 overpayment rate an importer's refund earns.</summary>
public enum OverpaymentRateClass
{
    /// <summary>A corporation: the "corporate overpayments" column of CBP's quarterly notice (short-term rate + 2 points).
    /// Levy's default (docs/refunds.md, "Which rate").</summary>
    Corporate,

    /// <summary>Any other importer: short-term rate + 3 points.</summary>
    NonCorporate,

    /// <summary>The rate of 26 U.S.C. 6621(a)(1), last sentence, for the part of a corporate overpayment over $10,000
    /// (short-term rate + ½ point). CBP's customs notices do not publish it; kept for comparison only.</summary>
    CorporateOver10000,
}

/// <summary>The overpayment rates in force for a calendar quarter, as CBP publishes them, with the source.</summary>
/// <param name="Period">The quarter, <c>[start, end)</c>.</param>
/// <param name="NonCorporate">The non-corporate overpayment rate (0.07 for 7%).</param>
/// <param name="Corporate">The corporate overpayment rate.</param>
/// <param name="CorporateOver10000">The rate for the part of a corporate overpayment over $10,000.</param>
/// <param name="Source">The Federal Register notice (or the IRS ruling) the rates come from.</param>
/// <param name="Verified">False when the rates were not found in a primary source and are carried or derived (see <paramref name="Note"/>).</param>
/// <param name="Note">Why a rate is not verified, or other remarks.</param>
public sealed record InterestQuarter(EffectivePeriod Period, decimal NonCorporate, decimal Corporate, decimal CorporateOver10000,
    string Source, bool Verified, string? Note)
{
    /// <summary>The annual rate of a class.</summary>
    public decimal RateFor(OverpaymentRateClass rateClass) => rateClass switch
    {
        OverpaymentRateClass.NonCorporate => NonCorporate,
        OverpaymentRateClass.CorporateOver10000 => CorporateOver10000,
        _ => Corporate,
    };
}

/// <summary>A phase of CBP's CAPE (Consolidated Administration and Processing of Entries) refund process.</summary>
/// <param name="Number">1, 2, 3…</param>
/// <param name="Opened">The day CAPE began accepting declarations for the phase, or null when not announced.</param>
/// <param name="Covers">What the phase covers, in a sentence.</param>
/// <param name="Source">The CSMS message or filing it comes from.</param>
/// <param name="Verified">False when only secondary sources describe it.</param>
public sealed record CapePhaseRule(int Number, DateOnly? Opened, string Covers, string Source, bool Verified);

/// <summary>The dated rules of IEEPA refunds: the ruling, the last day of collection, the statutory periods of
/// liquidation, reliquidation and protest, the CAPE phases and limits, and the quarterly interest rates.</summary>
/// <remarks>
/// <para>Read from <c>rulebook/refunds.yaml</c>, where every figure has its source. Immutable and thread-safe.</para>
/// </remarks>
public sealed class RefundRules
{
    /// <summary>Creates the rules.</summary>
    /// <exception cref="ArgumentException">The quarters overlap or leave a gap, or a figure is out of range.</exception>
    public RefundRules(
        DateOnly rulingDate,
        DateOnly collectionEnded,
        int liquidationDays,
        int reliquidationDays,
        int protestDays,
        int phase1DaysAfterLiquidation,
        int maxEntriesPerDeclaration,
        ImmutableArray<string> phase1ExcludedEntryTypes,
        ImmutableArray<CapePhaseRule> phases,
        ImmutableArray<InterestQuarter> quarters,
        decimal toleranceUsd,
        ImmutableDictionary<string, string> sources)
    {
        if (collectionEnded <= rulingDate)
        {
            throw new ArgumentException("The last day of collection must be after the ruling.", nameof(collectionEnded));
        }

        if (liquidationDays <= 0 || reliquidationDays <= 0 || protestDays <= 0 || phase1DaysAfterLiquidation < 0 || maxEntriesPerDeclaration <= 0)
        {
            throw new ArgumentException("Periods and limits must be positive.");
        }

        if (quarters.IsDefaultOrEmpty)
        {
            throw new ArgumentException("At least one interest quarter is needed.", nameof(quarters));
        }

        for (int i = 1; i < quarters.Length; i++)
        {
            if (quarters[i - 1].Period.End != quarters[i].Period.Start)
            {
                throw new ArgumentException($"Interest quarters must follow one another without gap or overlap: {quarters[i - 1].Period} then {quarters[i].Period}.", nameof(quarters));
            }
        }

        RulingDate = rulingDate;
        CollectionEnded = collectionEnded;
        LiquidationDays = liquidationDays;
        ReliquidationDays = reliquidationDays;
        ProtestDays = protestDays;
        Phase1DaysAfterLiquidation = phase1DaysAfterLiquidation;
        MaxEntriesPerDeclaration = maxEntriesPerDeclaration;
        Phase1ExcludedEntryTypes = phase1ExcludedEntryTypes.IsDefault ? [] : phase1ExcludedEntryTypes;
        Phases = phases.IsDefault ? [] : phases;
        Quarters = quarters;
        Tolerance = new Money(toleranceUsd);
        Sources = sources;
    }

    /// <summary>The day the Supreme Court held that IEEPA does not authorise tariffs (Learning Resources, Inc. v. Trump).</summary>
    public DateOnly RulingDate { get; }

    /// <summary>The first entry date on which CBP no longer collected the IEEPA duties; entries from <see cref="RulingDate"/>
    /// to the day before were charged a duty already held void.</summary>
    public DateOnly CollectionEnded { get; }

    /// <summary>Days from the entry summary date at which CBP's ACE liquidates an entry by default (314).</summary>
    public int LiquidationDays { get; }

    /// <summary>Days after liquidation within which CBP may reliquidate on its own (19 U.S.C. 1501: 90).</summary>
    public int ReliquidationDays { get; }

    /// <summary>Days after liquidation within which a protest may be filed (19 U.S.C. 1514(c)(3): 180).</summary>
    public int ProtestDays { get; }

    /// <summary>CAPE Phase 1 takes liquidated entries up to this many days after liquidation (80).</summary>
    public int Phase1DaysAfterLiquidation { get; }

    /// <summary>The most entry numbers in one CAPE Declaration (9,999).</summary>
    public int MaxEntriesPerDeclaration { get; }

    /// <summary>Entry types CAPE Phase 1 refuses (08 duty deferral, 09 reconciliation, 47 drawback).</summary>
    public ImmutableArray<string> Phase1ExcludedEntryTypes { get; }

    /// <summary>The CAPE phases known.</summary>
    public ImmutableArray<CapePhaseRule> Phases { get; }

    /// <summary>The quarterly overpayment rates, in order, without gaps.</summary>
    public ImmutableArray<InterestQuarter> Quarters { get; }

    /// <summary>Differences between declared and computed amounts up to this are reported as equal (per line rounding).</summary>
    public Money Tolerance { get; }

    /// <summary>The source of each figure, by its key in refunds.yaml.</summary>
    public ImmutableDictionary<string, string> Sources { get; }

    /// <summary>The quarter containing a date, or null when the data does not reach it.</summary>
    public InterestQuarter? QuarterOn(DateOnly date)
    {
        foreach (InterestQuarter q in Quarters)
        {
            if (q.Period.Contains(date))
            {
                return q;
            }
        }

        return null;
    }

    /// <summary>The source of a figure, or an empty string.</summary>
    public string SourceOf(string key) => Sources.GetValueOrDefault(key, string.Empty);
}

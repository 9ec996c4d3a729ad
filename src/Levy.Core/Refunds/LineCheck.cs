using Levy.Core.Primitives;

namespace Levy.Core.Refunds;

/// <summary>What an entry summary line declared and paid, split the way a refund needs it.</summary>
/// <param name="Ordinary">The duty paid on the chapter 1–97 number (MFN, Special or column 2).</param>
/// <param name="Ieepa">The duty paid on IEEPA Chapter 99 numbers (fentanyl and reciprocal together).</param>
/// <param name="Other">The duty paid on other Chapter 99 numbers (Sections 232, 301, 201, 122…).</param>
/// <param name="IeepaDeclared">True when an IEEPA Chapter 99 number was declared, even with no duty.</param>
public readonly record struct DeclaredDuty(Money Ordinary, Money Ieepa, Money Other, bool IeepaDeclared)
{
    /// <summary>Everything that is not IEEPA.</summary>
    public Money NonIeepa => Ordinary + Other;
}

/// <summary>What the law charged on a line on its entry date, as the engine computes it.</summary>
/// <param name="Ieepa">The IEEPA duty the rulebook charged.</param>
/// <param name="NonIeepa">The other duties the rulebook charged (with the IEEPA measures in force).</param>
/// <param name="WithoutIeepa">The whole duty the line owes with no IEEPA measure at all (the <c>no-ieepa</c> scenario).</param>
public readonly record struct LawfulDuty(Money Ieepa, Money NonIeepa, Money WithoutIeepa);

/// <summary>The result of checking one line.</summary>
/// <param name="Flags">What was found.</param>
/// <param name="Refundable">The IEEPA duty paid: what CAPE refunds.</param>
/// <param name="Exposure">IEEPA duty the law charged that was not declared.</param>
/// <param name="IeepaDifference">IEEPA paid minus IEEPA charged by the law (0 when not checked).</param>
/// <param name="NonIeepaDifference">Other duties paid minus other duties charged by the law (0 when not checked).</param>
public readonly record struct LineCheckResult(RefundFlags Flags, Money Refundable, Money Exposure, Money IeepaDifference, Money NonIeepaDifference);

/// <summary>Checks what a line paid against what the law charged: the rules behind each <see cref="RefundFlags"/>.</summary>
/// <remarks>Pure and thread-safe. The reasons are in <see cref="RefundFlagReasons.Reason"/> and docs/refunds.md.</remarks>
public static class LineCheck
{
    /// <summary>Checks a line.</summary>
    /// <param name="entryDate">The entry date.</param>
    /// <param name="declared">What it declared and paid.</param>
    /// <param name="lawful">What the law charged, or null when the engine could not tell.</param>
    /// <param name="rules">Dates and tolerance.</param>
    public static LineCheckResult Check(DateOnly entryDate, DeclaredDuty declared, LawfulDuty? lawful, RefundRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        RefundFlags flags = RefundFlags.None;
        bool paidIeepa = declared.Ieepa > Money.Zero;
        if (paidIeepa && entryDate >= rules.RulingDate && entryDate < rules.CollectionEnded)
        {
            flags |= RefundFlags.VoidButCollected;
        }

        if (lawful is not { } law)
        {
            return new LineCheckResult(flags | RefundFlags.NotChecked, declared.Ieepa, Money.Zero, Money.Zero, Money.Zero);
        }

        Money exposure = Money.Zero;
        Money ieepaDifference = declared.Ieepa - law.Ieepa;
        if (paidIeepa && law.Ieepa == Money.Zero)
        {
            flags |= RefundFlags.IeepaNotCharged;
        }
        else if (!paidIeepa && law.Ieepa > Money.Zero)
        {
            flags |= RefundFlags.IeepaUndeclared;
            exposure = law.Ieepa;
        }
        else if (paidIeepa && Abs(ieepaDifference) > rules.Tolerance)
        {
            flags |= RefundFlags.IeepaAmountDiffers;
        }

        Money nonIeepaDifference = declared.NonIeepa - law.NonIeepa;
        if (Abs(nonIeepaDifference) > rules.Tolerance)
        {
            flags |= RefundFlags.NonIeepaDifference;
        }

        return new LineCheckResult(flags, declared.Ieepa, exposure, ieepaDifference, nonIeepaDifference);
    }

    private static Money Abs(Money m) => new(Math.Abs(m.Amount));
}

using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Refunds;

/// <summary>The interest on a refunded overpayment of duties: 19 U.S.C. 1505(c), from the date of deposit to the date of
/// liquidation or reliquidation, at the overpayment rate of 26 U.S.C. 6621 for each quarter, compounded daily
/// (26 U.S.C. 6622(a)).</summary>
/// <remarks>
/// <para>Each day from <c>from</c> (inclusive) to <c>to</c> (exclusive) multiplies the balance by 1 + r/n, where r is the
/// annual rate of the quarter containing the day and n the number of days in its year (365, or 366 in a leap year),
/// the daily compounding of 26 U.S.C. 6622. The product is computed exactly in <see cref="decimal"/> and the interest is
/// rounded once, to the cent, half a cent going up.</para>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public static class RefundInterest
{
    /// <summary>Computes the interest.</summary>
    /// <param name="principal">The overpayment refunded.</param>
    /// <param name="from">The date of deposit (interest runs from this day).</param>
    /// <param name="to">The date of liquidation or reliquidation (interest runs to, not including, this day).</param>
    /// <param name="rules">The quarterly rates.</param>
    /// <param name="rateClass">Which overpayment rate applies.</param>
    /// <returns>The interest and how it was computed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The principal is negative.</exception>
    /// <exception cref="InvalidOperationException">A day of the span has no quarter in the rules.</exception>
    public static InterestResult Compute(Money principal, DateOnly from, DateOnly to, RefundRules rules, OverpaymentRateClass rateClass)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegative(principal.Amount);
        if (to <= from || principal.Amount == 0)
        {
            return new InterestResult(Money.Zero, 0, 1m, [], false);
        }

        decimal factor = 1m;
        var segments = ImmutableArray.CreateBuilder<InterestSegment>();
        bool unverified = false;
        DateOnly day = from;
        while (day < to)
        {
            InterestQuarter q = rules.QuarterOn(day)
                ?? throw new InvalidOperationException($"No overpayment rate is known for {day:yyyy-MM-dd} (rulebook/refunds.yaml covers {rules.Quarters[0].Period.Start:yyyy-MM-dd} to {rules.Quarters[^1].Period.End:yyyy-MM-dd}).");
            DateOnly segmentEnd = q.Period.End is { } e && e < to ? e : to;
            // A segment must not cross a year end either: the daily divisor is the length of the day's year.
            DateOnly yearEnd = new(day.Year + 1, 1, 1);
            if (yearEnd < segmentEnd)
            {
                segmentEnd = yearEnd;
            }

            int days = segmentEnd.DayNumber - day.DayNumber;
            decimal rate = q.RateFor(rateClass);
            decimal daily = 1m + rate / (DateTime.IsLeapYear(day.Year) ? 366m : 365m);
            for (int i = 0; i < days; i++)
            {
                factor *= daily;
            }

            segments.Add(new InterestSegment(day, segmentEnd, rate, days, q.Source, q.Verified));
            unverified |= !q.Verified;
            day = segmentEnd;
        }

        Money interest = new Money(principal.Amount * (factor - 1m)).RoundToCents();
        return new InterestResult(interest, to.DayNumber - from.DayNumber, factor, segments.ToImmutable(), unverified);
    }
}

/// <summary>Interest on a refund.</summary>
/// <param name="Amount">The interest, rounded to the cent.</param>
/// <param name="Days">The number of days it ran.</param>
/// <param name="Factor">The compound factor (balance at the end per dollar of principal).</param>
/// <param name="Segments">The spans of one rate.</param>
/// <param name="UsesUnverifiedRates">True when a rate used was not found in a primary source (see refunds.yaml).</param>
public sealed record InterestResult(Money Amount, int Days, decimal Factor, ImmutableArray<InterestSegment> Segments, bool UsesUnverifiedRates);

/// <summary>A span of days at one annual rate.</summary>
/// <param name="From">First day.</param>
/// <param name="Until">The day after the last.</param>
/// <param name="Rate">The annual rate.</param>
/// <param name="Days">The number of days.</param>
/// <param name="Source">Where the rate comes from.</param>
/// <param name="Verified">Whether the rate was found in a primary source.</param>
public sealed record InterestSegment(DateOnly From, DateOnly Until, decimal Rate, int Days, string Source, bool Verified);

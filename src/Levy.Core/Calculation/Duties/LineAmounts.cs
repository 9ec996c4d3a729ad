using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Duties;

/// <summary>What one line of an entry owes: its duty and its share of the entry's fees.</summary>
/// <param name="Duty">The duty breakdown (zero amounts for de minimis goods).</param>
/// <param name="Mpf">The line's share of the Merchandise Processing Fee.</param>
/// <param name="Hmf">The line's share of the Harbor Maintenance Fee.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct LineAmounts(DutyBreakdown Duty, Money Mpf, Money Hmf)
{
    /// <summary>Duty plus fees.</summary>
    public Money Total => Duty.Total + Mpf + Hmf;
}

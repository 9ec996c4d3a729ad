using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Entries;

/// <summary>Duty-free de minimis treatment (19 U.S.C. 1321(a)(2)(C)): a shipment valued at or under the threshold is
/// released free of duty, unless the treatment is suspended for its origin on its entry date.</summary>
/// <remarks>
/// <para>The threshold and the suspensions are data (rulebook <c>fees.yaml</c>): EO 14256 suspended the treatment for
/// products of China and Hong Kong from 2025-05-02; EO 14324 for all countries from 2025-08-29.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DeMinimisRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="threshold">The value at or under which a shipment qualifies.</param>
    /// <param name="citation">The statute.</param>
    /// <param name="suspensions">Periods in which the treatment is not available, by origin.</param>
    /// <exception cref="ArgumentNullException"><paramref name="citation"/> or <paramref name="suspensions"/> is null.</exception>
    public DeMinimisRule(Money threshold, string citation, IEnumerable<DeMinimisSuspension> suspensions)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(suspensions);
        Threshold = threshold;
        Citation = citation;
        Suspensions = suspensions.ToImmutableArray();
    }

    /// <summary>The value at or under which a shipment qualifies ($800).</summary>
    public Money Threshold { get; }

    /// <summary>The statute.</summary>
    public string Citation { get; }

    /// <summary>The suspensions, in the order given.</summary>
    public ImmutableArray<DeMinimisSuspension> Suspensions { get; }

    /// <summary>The suspension that denies the treatment to goods of <paramref name="origin"/> entered on
    /// <paramref name="entryDate"/>, or null when the treatment is available.</summary>
    public DeMinimisSuspension? FindSuspension(CountryCode origin, DateOnly entryDate)
    {
        foreach (DeMinimisSuspension s in Suspensions)
        {
            if (s.Covers(origin, entryDate))
            {
                return s;
            }
        }

        return null;
    }
}

using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Entries;

/// <summary>A period in which de minimis treatment is not available for goods of some origins (all, when
/// <see cref="Countries"/> is empty).</summary>
/// <param name="Period">The entry dates covered.</param>
/// <param name="Countries">The countries of origin covered; empty for every country.</param>
/// <param name="Citation">The instrument.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DeMinimisSuspension(EffectivePeriod Period, ImmutableArray<CountryCode> Countries, string Citation)
{
    /// <summary>True when the suspension covers goods of <paramref name="origin"/> entered on <paramref name="entryDate"/>.</summary>
    public bool Covers(CountryCode origin, DateOnly entryDate) =>
        Period.Contains(entryDate) && (Countries.IsDefaultOrEmpty || Countries.Contains(origin));

    /// <inheritdoc/>
    public bool Equals(DeMinimisSuspension? other) =>
        other is not null && Period == other.Period && Citation == other.Citation && Countries.SequenceEqual(other.Countries);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Period, Citation, Countries.Length);
}

using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Countries;

/// <summary>A trading partner: its ISO 3166-1 alpha-2 code, its U.S. Census Bureau country code and its English name.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Iso">The ISO 3166-1 alpha-2 code.</param>
/// <param name="CensusCode">The four-digit Census Bureau (Schedule C) code used in U.S. trade statistics.</param>
/// <param name="Name">The English short name.</param>
/// <param name="Aliases">Other names people use (<c>South Korea</c>, <c>UK</c>, <c>Czechia</c>).</param>
public sealed record Country(CountryCode Iso, string CensusCode, string Name, ImmutableArray<string> Aliases)
{
    /// <inheritdoc/>
    public bool Equals(Country? other) => other is not null && Iso == other.Iso && CensusCode == other.CensusCode && Name == other.Name;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Iso, CensusCode);

    /// <summary><c>Japan (JP)</c>.</summary>
    public override string ToString() => $"{Name} ({Iso})";
}

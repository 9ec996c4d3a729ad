using Levy.Core.Countries;
using Levy.Core.Primitives;

namespace Levy.Web.Contracts;

/// <summary>A country of origin.</summary>
/// <param name="Iso">The ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">The English short name.</param>
/// <param name="CensusCode">The Census Bureau (Schedule C) code.</param>
/// <param name="Aliases">Other names that resolve to it.</param>
public sealed record CountryView(CountryCode Iso, string Name, string CensusCode, IReadOnlyList<string> Aliases)
{
    /// <summary>The view of a country.</summary>
    public static CountryView From(Country country) => new(country.Iso, country.Name, country.CensusCode, country.Aliases);
}

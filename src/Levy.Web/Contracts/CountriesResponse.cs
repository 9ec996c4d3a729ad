namespace Levy.Web.Contracts;

/// <summary>Countries matching a query, best first (<c>GET /api/v1/countries?q=</c>), or all of them by name.</summary>
/// <param name="Query">The query, or null when none was given.</param>
/// <param name="Countries">The countries.</param>
public sealed record CountriesResponse(string? Query, IReadOnlyList<CountryView> Countries);

using Levy.Core.Primitives;

namespace Levy.Web.Contracts;

/// <summary>How the rate on a product from a country changed over time (<c>GET /api/v1/history</c>): consecutive
/// periods over which the quote stays the same.</summary>
/// <param name="Product">The HTS code.</param>
/// <param name="Origin">The country of origin.</param>
/// <param name="OriginName">The country's name.</param>
/// <param name="From">The first date of the series.</param>
/// <param name="To">The last date of the series.</param>
/// <param name="Periods">The periods, in date order, covering <paramref name="From"/> to <paramref name="To"/>.</param>
public sealed record HistoryResponse(HtsCode Product, CountryCode Origin, string OriginName, DateOnly From, DateOnly To, IReadOnlyList<HistoryPeriodView> Periods);

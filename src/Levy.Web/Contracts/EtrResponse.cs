using Levy.Core.Reports;

namespace Levy.Web.Contracts;

/// <summary>The daily effective tariff rate on one country's goods (<c>GET /api/v1/etr</c>): the unweighted mean over
/// its product-country pairs in force each day, in total and by authority, as <c>levy etr --country JP --json</c>.</summary>
/// <param name="Scenario">The rulebook that answered.</param>
/// <param name="Country">The ISO code of the country.</param>
/// <param name="CountryName">Its name.</param>
/// <param name="Products">The products of the panel the series comes from.</param>
/// <param name="ProductScope">The codes the server's panels are restricted to (setting <c>Levy:PanelProducts</c>); left
/// out when they cover every product.</param>
/// <param name="BuildSeconds">How long the panel took to build when first asked for (later answers come from memory).</param>
/// <param name="Series">The series, as steps of days with the same rates (fractions of value: 0.1446 for 14.46%).</param>
public sealed record EtrResponse(string Scenario, string Country, string CountryName, int Products, IReadOnlyList<string>? ProductScope,
    double BuildSeconds, RateSeriesView Series);

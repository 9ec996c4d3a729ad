using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Levy.Web.Contracts;

/// <summary>The query of <c>GET /api/v1/etr</c>.</summary>
public sealed record EtrQuery
{
    /// <summary>The country of origin.</summary>
    [FromQuery(Name = "country"), Description("One country: ISO code (JP), name (Japan) or Census code (5880). Groups (EU, all) are for `levy etr`.")]
    public string? Country { get; init; }

    /// <summary>The first day of the series.</summary>
    [FromQuery(Name = "from"), Description("First day (yyyy-MM-dd). Default: the first day of the data.")]
    public string? From { get; init; }

    /// <summary>The last day of the series.</summary>
    [FromQuery(Name = "to"), Description("Last day (yyyy-MM-dd). Default: the last day of the data.")]
    public string? To { get; init; }

    /// <summary>The authorities whose components are shown.</summary>
    [FromQuery(Name = "authority"), Description("Show only this authority's component beside the total (repeatable): Mfn, Section232, Section301, IeepaFentanyl, IeepaReciprocal, Section122, Section201, Other. Default: all.")]
    public string[]? Authority { get; init; }

    /// <summary>The rulebook.</summary>
    [FromQuery(Name = "scenario"), Description("The rulebook: actual (default) or a scenario of GET /api/v1/scenarios.")]
    public string? Scenario { get; init; }
}

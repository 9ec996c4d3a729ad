using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Core.Reports;
using Levy.Data;
using Levy.Web.Analysis;
using Levy.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Levy.Web.Endpoints;

/// <summary>Effective tariff rates: the daily mean rate on one country's goods, in total and by authority
/// (<c>GET /api/v1/etr</c>), from the country's panel under the rulebook asked (<see cref="PanelCache"/>).</summary>
public static class EtrEndpoints
{
    /// <summary>Maps the endpoint under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapEtrEndpoints(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Effective rates");
        api.MapGet("/etr", GetEtr)
            .WithName("GetEffectiveRates")
            .WithSummary("The daily effective tariff rate on one country's goods: the unweighted mean over its products, in total and by authority, as steps of days with the same rates. Built on first use (seconds), then answered from memory; 503 with Retry-After while building.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<EtrResponse>, ProblemHttpResult>> GetEtr(
        [AsParameters] EtrQuery query, LevyData data, PanelCache panels, HttpContext context)
    {
        if (QueryInput.SingleCountry(data.Countries, query.Country, "country", out Country country) is { } badCountry)
        {
            return badCountry;
        }

        if (QueryInput.DateRange(data.Catalogue, query.From, query.To, out DateOnly from, out DateOnly to) is { } badRange)
        {
            return badRange;
        }

        var authorities = new List<Authority>();
        foreach (string text in query.Authority ?? [])
        {
            if (QueryInput.Choice(text, "authority", out Authority? authority) is { } badAuthority)
            {
                return badAuthority;
            }

            authorities.Add(authority!.Value);
        }

        if (QueryInput.Scenario(data, query.Scenario, "scenario", out string scenario) is { } badScenario)
        {
            return badScenario;
        }

        PanelLookup lookup = await panels.GetAsync(scenario, country.Iso, context.RequestAborted);
        if (lookup.Panel is not { } panel)
        {
            return ScenarioEndpoints.NotReady(context, lookup, $"The panel of {country.Name} under {scenario}");
        }

        RateSeries series = from == panel.Series.From && to == panel.Series.To ? panel.Series : panel.Series.Slice(from, to);
        return TypedResults.Ok(new EtrResponse(scenario, country.Iso.Value, country.Name, panel.Summary.Products, panels.ProductScope,
            lookup.BuildSeconds, RateSeriesView.Create(series, authorities.Count > 0 ? authorities.Distinct().ToList() : null)));
    }
}

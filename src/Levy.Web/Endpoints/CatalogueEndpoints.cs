using System.ComponentModel;
using Levy.Core.Countries;
using Levy.Core.Reports;
using Levy.Data;
using Levy.Web.Analysis;
using Levy.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Levy.Web.Endpoints;

/// <summary>What the data holds: the HTS revisions (<c>GET /api/v1/revisions</c>), the countries
/// (<c>GET /api/v1/countries</c>, <c>GET /api/v1/countries/{key}</c>) and the server's state (<c>GET /api/v1/health</c>).</summary>
public static class CatalogueEndpoints
{
    private const int MaxCountries = 300;

    /// <summary>Maps the endpoints under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Catalogue");
        api.MapGet("/revisions", GetRevisions)
            .WithName("GetRevisions")
            .WithSummary("Every HTS revision of the data: when it took effect, the legal date of its main action and what changed.");
        api.MapGet("/countries", GetCountries)
            .WithName("GetCountries")
            .WithSummary("Countries matching what a user typed (ISO code, name, alias or Census code), best first; all countries without q.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/countries/{key}", GetCountry)
            .WithName("GetCountry")
            .WithSummary("Resolves one country by ISO code (JP), name (Japan), alias (South Korea) or Census code (5880).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/health", GetHealth)
            .WithName("GetHealth")
            .WithSummary("Whether the server is up, where its data comes from, how much of it is loaded (revisions, country panels), and the garbage collector's work so far.");
        return app;
    }

    private static Ok<RevisionsResponse> GetRevisions(LevyData data)
    {
        var present = data.Archive.Available.Select(r => r.Id).ToHashSet();
        return TypedResults.Ok(new RevisionsResponse(data.Catalogue.FirstDate, data.Catalogue.Horizon,
            RevisionView.ListFrom(data.Catalogue, present.Contains)));
    }

    private static Results<Ok<CountriesResponse>, ProblemHttpResult> GetCountries(
        [Description("What the user typed so far: JP, jap, Korea, 5880. Empty lists every country by name.")] string? q,
        LevyData data)
    {
        if (QueryInput.Text(q, "q") is { } tooLong)
        {
            return tooLong;
        }

        IReadOnlyList<Country> found = data.Countries.Search(q, MaxCountries);
        return TypedResults.Ok(new CountriesResponse(q, found.Select(CountryView.From).ToList()));
    }

    private static Results<Ok<CountryView>, ProblemHttpResult> GetCountry(
        [Description("An ISO code, name, alias or Census code.")] string key,
        LevyData data)
    {
        if (QueryInput.Text(key, "key") is { } tooLong)
        {
            return tooLong;
        }

        return data.Countries.TryResolve(key, out Country? country)
            ? TypedResults.Ok(CountryView.From(country))
            : Problems.UnknownCountry("key", new UnknownCountryException(key, data.Countries.Suggest(key)), StatusCodes.Status404NotFound);
    }

    private static Ok<HealthResponse> GetHealth(LevyData data, PanelCache panels) =>
        TypedResults.Ok(new HealthResponse("ok", data.Location.Source, data.Catalogue.Revisions.Length, data.Archive.LoadedCount,
            data.Catalogue.FirstDate, data.Catalogue.Horizon, MemoryView.Now(), panels.Count, panels.ProductScope));
}

using System.ComponentModel;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Panels;
using Levy.Core.Reports;
using Levy.Data;
using Levy.Web.Analysis;
using Levy.Web.Contracts;
using Levy.Web.Quotes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Levy.Web.Endpoints;

/// <summary>Scenarios: the rulebooks the API can answer under (<c>GET /api/v1/scenarios</c>), one product quoted under two
/// of them (<c>GET /api/v1/scenarios/compare</c>), and a country's goods under two of them
/// (<c>GET /api/v1/scenarios/compare/aggregate</c>, from the panels of <see cref="PanelCache"/>). <c>quote</c>,
/// <c>history</c> and <c>etr</c> take <c>scenario=</c> as well.</summary>
public static class ScenarioEndpoints
{
    private const int MaxTop = 500;

    /// <summary>Maps the endpoints under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapScenarioEndpoints(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Scenarios");
        api.MapGet("/scenarios", GetScenarios)
            .WithName("GetScenarios")
            .WithSummary("The rulebooks the API can answer under: actual (what happened) and the shipped scenarios, each with what it changes, why, and its sources.");
        api.MapGet("/scenarios/compare", GetComparison)
            .WithName("CompareQuotes")
            .WithSummary("One product from one country on one date quoted under two rulebooks, base (default actual) and scenario, with the other parameters of GET /api/v1/quote: both quotes, and the difference in total and per authority.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/scenarios/compare/aggregate", GetAggregate)
            .WithName("CompareCountry")
            .WithSummary("How a scenario changes the rates on one country's goods over 2025-2026: the mean over all products, per HS chapter and per product. Built on first use (seconds), then answered from memory; 503 with Retry-After while building.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Ok<ScenariosResponse> GetScenarios(LevyData data) =>
        TypedResults.Ok(new ScenariosResponse([.. data.ScenarioNames.Select(n => ScenarioView.From(data.ScenarioEngine(n).Scenario))]));

    /// <summary>Takes every parameter of <c>GET /api/v1/quote</c>; its <c>scenario</c> is the one compared with <c>base</c>.</summary>
    private static Results<Ok<QuoteComparisonView>, ProblemHttpResult> GetComparison(
        [AsParameters] QuoteQuery query,
        [FromQuery(Name = "base"), Description("The baseline: actual (default) or a scenario.")] string? baseline,
        LevyData data, TimeProvider clock, IQuoteService quotes)
    {
        if (ReadScenarios(data, baseline, query.Scenario, out string a, out string b) is { } badScenario)
        {
            return badScenario;
        }

        if (QuoteEndpoints.ReadQuoteRequest(query, data, clock, out QuoteRequest request) is { } problem)
        {
            return problem;
        }

        if (QueryInput.Flag(query.Explain, "explain", out bool explain) is { } badExplain)
        {
            return badExplain;
        }

        request = request with { Trace = explain };
        if (QuoteEndpoints.Ask(() => quotes.Quote(request, a), query, out RateQuote baseQuote) is { } refused)
        {
            return refused;
        }

        if (QuoteEndpoints.Ask(() => quotes.Quote(request, b), query, out RateQuote scenarioQuote) is { } refusedToo)
        {
            return refusedToo;
        }

        return TypedResults.Ok(QuoteComparisonView.Create(View(baseQuote, a), View(scenarioQuote, b)));

        QuoteView View(RateQuote quote, string scenario) => QuoteEndpoints.View(quote, scenario, explain, data, clock);
    }

    private static async Task<Results<Ok<ScenarioComparisonReport>, ProblemHttpResult>> GetAggregate(
        [FromQuery(Name = "base"), Description("The baseline: actual (default) or a scenario.")] string? baseline,
        [Description("The scenario to compare with the baseline, such as japan-no-deal.")] string? scenario,
        [Description("One country: ISO code (JP), name (Japan) or Census code (5880). Groups are for `levy scenario compare`.")] string? country,
        [Description("How many changed products to list, largest change first (1 to 500). Default: 20.")] string? top,
        LevyData data, PanelCache panels, HttpContext context)
    {
        if (ReadScenarios(data, baseline, scenario, out string a, out string b) is { } badScenario)
        {
            return badScenario;
        }

        if (QueryInput.SingleCountry(data.Countries, country, "country", out Country origin) is { } badCountry)
        {
            return badCountry;
        }

        if (QueryInput.Integer(Levy.Core.Inputs.UserInputs.Top, top, MaxTop, 20, out int listed) is { } badTop)
        {
            return badTop;
        }

        PanelLookup[] found = await Task.WhenAll(
            panels.GetAsync(a, origin.Iso, context.RequestAborted), panels.GetAsync(b, origin.Iso, context.RequestAborted));
        if (Array.Find(found, f => f.Panel is null) is { } missing)
        {
            return NotReady(context, missing, $"The panels of {origin.Name} under {a} and {b}");
        }

        ScenarioComparison comparison = ScenarioComparison.Compare(found[0].Panel!, found[1].Panel!);
        return TypedResults.Ok(ScenarioComparisonReport.Create(comparison, a, b, listed, Math.Round(found[0].BuildSeconds + found[1].BuildSeconds, 2)));
    }

    /// <summary>The 503 of a panel that is not there yet, saying why and when to ask again.</summary>
    internal static ProblemHttpResult NotReady(HttpContext context, PanelLookup lookup, string what) =>
        Problems.NotReady(context, lookup.BuildsAhead > 0
            ? $"The server is building {lookup.BuildsAhead} panels already (one at a time); ask again in {lookup.RetryAfterSeconds} s."
            : $"{what} are being built: each is about a million product plans, seconds of work, done once and then kept in memory. Ask again in {lookup.RetryAfterSeconds} s.",
            lookup.RetryAfterSeconds);

    /// <summary>Reads the baseline (default <c>actual</c>) and the scenario (required).</summary>
    private static ProblemHttpResult? ReadScenarios(LevyData data, string? baseText, string? scenarioText, out string baseline, out string scenario)
    {
        scenario = null!;
        if (QueryInput.Scenario(data, baseText, "base", out baseline) is { } badBase)
        {
            return badBase;
        }

        if (string.IsNullOrWhiteSpace(scenarioText))
        {
            return Problems.Missing("scenario", $"a scenario to compare with {baseline}: {string.Join(", ", data.ScenarioNames)}");
        }

        return QueryInput.Scenario(data, scenarioText, "scenario", out scenario);
    }
}

using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Primitives;
using Levy.Core.Reports;
using Levy.Core.Schedule;
using Levy.Data;
using Levy.Web.Contracts;
using Levy.Web.Quotes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Levy.Web.Endpoints;

/// <summary>Rates: a quote for a product, origin and date with its full explanation (<c>GET /api/v1/quote</c>), and how
/// it changed over time (<c>GET /api/v1/history</c>). The host reads and checks the query; the answer comes from the
/// <see cref="IQuoteService"/>, whose complaints about the request become problem documents too.</summary>
public static class QuoteEndpoints
{
    /// <summary>Maps the endpoints under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapQuoteEndpoints(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Rates");
        api.MapGet("/quote", GetQuote)
            .WithName("GetQuote")
            .WithSummary("The duties on a product from a country on a date: each component with its Chapter 99 heading and legal citation, the total, the measures that did not apply and the assumptions made.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/history", GetHistory)
            .WithName("GetHistory")
            .WithSummary("How the duty on a product from a country changed over 2025-2026: the periods over which the quote stays the same, with what starts each.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static Results<Ok<QuoteView>, ProblemHttpResult> GetQuote(
        [AsParameters] QuoteQuery query, LevyData data, TimeProvider clock, IQuoteService quotes)
    {
        if (ReadQuoteRequest(query, data, clock, out QuoteRequest request) is { } problem)
        {
            return problem;
        }

        if (QueryInput.Flag(query.Explain, "explain", out bool explain) is { } badExplain)
        {
            return badExplain;
        }

        if (QueryInput.Scenario(data, query.Scenario, "scenario", out string scenario) is { } badScenario)
        {
            return badScenario;
        }

        if (Ask(() => quotes.Quote(request with { Trace = explain }, scenario), query, out RateQuote quote) is { } refused)
        {
            return refused;
        }

        QuoteView view = QuoteView.From(quote, data.Countries);
        return TypedResults.Ok(view with { Scenario = scenario, Trace = explain ? view.Trace : null });
    }

    private static Results<Ok<HistoryReport>, ProblemHttpResult> GetHistory([AsParameters] HistoryQuery query, LevyData data, IQuoteService quotes)
    {
        RevisionCatalogue catalogue = data.Catalogue;
        if (QueryInput.Code(query.Product, "product", out HtsCode product) is { } badProduct)
        {
            return badProduct;
        }

        if (QueryInput.Country(data.Countries, query.Origin, "origin", out Country country) is { } badOrigin)
        {
            return badOrigin;
        }

        if (QueryInput.DateRange(catalogue, query.From, query.To, out DateOnly from, out DateOnly to) is { } badRange)
        {
            return badRange;
        }

        if (QueryInput.Program(query.Program, "program", out string? program) is { } badProgram)
        {
            return badProgram;
        }

        if (QueryInput.Scenario(data, query.Scenario, "scenario", out string scenario) is { } badScenario)
        {
            return badScenario;
        }

        var template = new QuoteRequest
        {
            Product = product, Origin = country.Iso, EntryDate = from, ClaimedProgram = program, Conditions = [.. query.Declare ?? []],
        };
        var asked = new QuoteQuery { Product = query.Product, Origin = query.Origin, Program = query.Program, Declare = query.Declare };
        if (Ask(() => quotes.History(template, from, to, scenario), asked, out IReadOnlyList<HistorySegment> segments) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(HistoryReport.Create(template, from, to, segments, data.Countries, catalogue) with { Scenario = scenario });
    }

    /// <summary>Reads and checks every parameter of a quote but the rulebook; null when all are good.</summary>
    internal static ProblemHttpResult? ReadQuoteRequest(QuoteQuery query, LevyData data, TimeProvider clock, out QuoteRequest request)
    {
        request = null!;
        if (QueryInput.Code(query.Product, "product", out HtsCode product) is { } badProduct)
        {
            return badProduct;
        }

        if (QueryInput.Country(data.Countries, query.Origin, "origin", out Country country) is { } badOrigin)
        {
            return badOrigin;
        }

        if (QueryInput.DateOrToday(query.Date, "date", clock, out DateOnly date) is { } badDate)
        {
            return badDate;
        }

        if (QueryInput.DateInData(data.Catalogue, date, "date", out _) is { } outside)
        {
            return outside;
        }

        DateOnly loading = default;
        if ((query.LoadingDate is null ? null : QueryInput.Date(query.LoadingDate, "loadingDate", out loading)) is { } badLoading)
        {
            return badLoading;
        }

        if (QueryInput.Quantities(query.Quantity, "quantity", out IReadOnlyList<Quantity> quantities) is { } badQuantity)
        {
            return badQuantity;
        }

        ProblemHttpResult?[] problems =
        [
            QueryInput.Program(query.Program, "program", out string? program),
            QueryInput.Decimal(query.Value, "value", 0m, 1_000_000_000_000m, out decimal? value),
            QueryInput.Choice(query.Mode, "mode", out TransportMode? mode),
            QueryInput.Decimal(query.UsContent, "usContent", 0m, 1m, out decimal? usContent),
            QueryInput.Decimal(query.Steel, "steel", 0m, 1m, out decimal? steel),
            QueryInput.Decimal(query.Aluminum, "aluminum", 0m, 1m, out decimal? aluminum),
            QueryInput.Decimal(query.Copper, "copper", 0m, 1m, out decimal? copper),
            QueryInput.Choice(query.Stacking, "stacking", out StackingMode? stacking),
        ];
        if (Array.Find(problems, p => p is not null) is { } problem)
        {
            return problem;
        }

        request = new QuoteRequest
        {
            Product = product,
            Origin = country.Iso,
            EntryDate = date,
            LoadingDate = query.LoadingDate is null ? null : loading,
            ClaimedProgram = program,
            CustomsValue = value,
            Quantities = [.. quantities],
            Mode = mode,
            UsContentShare = usContent,
            Metal = new MetalContent(steel, aluminum, copper),
            Conditions = [.. query.Declare ?? []],
            Stacking = stacking ?? StackingMode.Legal,
        };
        return null;
    }

    /// <summary>Asks the engine; its complaints about the request become problem documents naming the parameter.</summary>
    internal static ProblemHttpResult? Ask<T>(Func<T> ask, QuoteQuery query, out T answer)
    {
        answer = default!;
        try
        {
            answer = ask();
            return null;
        }
        catch (UnknownProductException e)
        {
            return Problems.UnknownCode("product", e);
        }
        catch (DateOutsideDataException e)
        {
            return Problems.OutsideData("date", e);
        }
        catch (UnknownCountryException e)
        {
            return Problems.UnknownCountry("origin", e);
        }
        catch (InvalidQuoteRequestException e)
        {
            (string field, string? value) = e.Field switch
            {
                "product" => ("product", query.Product),
                "program" => ("program", query.Program),
                "loading_date" => ("loadingDate", query.LoadingDate),
                "steel_share" => ("steel", query.Steel),
                "aluminum_share" => ("aluminum", query.Aluminum),
                "copper_share" => ("copper", query.Copper),
                "us_content_share" => ("usContent", query.UsContent),
                "steel_share,aluminum_share,copper_share" => ("steel,aluminum,copper", $"{query.Steel},{query.Aluminum},{query.Copper}"),
                "origin" => ("origin", query.Origin),
                "conditions" => ("declare", string.Join(",", query.Declare ?? [])),
                _ => (e.Field, null),
            };
            return Problems.BadInput(field, value, ProblemTitles.InvalidQuoteRequest, e.Message);
        }
    }
}

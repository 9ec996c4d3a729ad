using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Primitives;
using Levy.Core.Reports;
using Levy.Core.Schedule;
using Levy.Data;
using Levy.Web.Contracts;
using Levy.Web.Quotes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Levy.Web.Endpoints;

/// <summary>Rates: a quote for a product, origin and date with its full explanation (<c>GET /api/v1/quote</c>), and how
/// it changed over time (<c>GET /api/v1/history</c>). Inputs are checked here; the answer comes from the registered
/// <see cref="IQuoteService"/>, and is 501 while none is registered.</summary>
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
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapGet("/history", GetHistory)
            .WithName("GetHistory")
            .WithSummary("How the rate on a product from a country changed over 2025-2026: the periods over which the quote stays the same, with the policy event that starts each.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status501NotImplemented);
        return app;
    }

    private static Results<Ok<QuoteReport>, ProblemHttpResult> GetQuote(
        [AsParameters] QuoteQuery query, LevyData data, TimeProvider clock, [FromServices] IQuoteService? quotes)
    {
        if (ReadQuoteRequest(query, data, clock, out QuoteRequest request, out Country country) is { } problem)
        {
            return problem;
        }

        return quotes is null ? Problems.EngineUnavailable() : TypedResults.Ok(QuoteReport.From(quotes.Quote(request), country.Name));
    }

    private static Results<Ok<HistoryResponse>, ProblemHttpResult> GetHistory(
        [AsParameters] HistoryQuery query, LevyData data, [FromServices] IQuoteService? quotes)
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

        DateOnly from = catalogue.FirstDate, to = catalogue.Horizon;
        if ((query.From is null ? null : QueryInput.Date(query.From, "from", out from)) is { } badFrom)
        {
            return badFrom;
        }

        if ((query.To is null ? null : QueryInput.Date(query.To, "to", out to)) is { } badTo)
        {
            return badTo;
        }

        if (to < from)
        {
            return Problems.BadInput("to", query.To, ProblemTitles.InvalidDateRange, $"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}).");
        }

        if ((QueryInput.DateInData(catalogue, from, "from", out HtsRevision first) ?? QueryInput.DateInData(catalogue, to, "to", out _)) is { } outside)
        {
            return outside;
        }

        if (QueryInput.Product(data.Archive.Get(catalogue.ForDate(to).Id), product, "product", out _) is { } unknown
            && data.Archive.Get(first.Id).FindProduct(product) is null)
        {
            return unknown;
        }

        if (QueryInput.Program(query.Program, "program", out string? program) is { } badProgram)
        {
            return badProgram;
        }

        if (quotes is null)
        {
            return Problems.EngineUnavailable();
        }

        var request = new QuoteRequest { Product = product, Origin = country.Iso, EntryDate = from, ClaimedProgram = program };
        IReadOnlyList<QuotePeriod> periods = quotes.History(request, from, to);
        Dictionary<DateOnly, string> events = EventsByDate(catalogue);
        return TypedResults.Ok(new HistoryResponse(product, country.Iso, country.Name, from, to, periods
            .Select(p => new HistoryPeriodView(p.From, p.To, QuoteReport.Percent(p.Quote.TotalAdValorem), p.Quote.Chapter99Headings.ToList(),
                p.Quote.Revision.ShortName, events.GetValueOrDefault(p.From)))
            .ToList()));
    }

    /// <summary>Reads and checks every parameter of a quote; null when all are good.</summary>
    internal static ProblemHttpResult? ReadQuoteRequest(QuoteQuery query, LevyData data, TimeProvider clock, out QuoteRequest request, out Country country)
    {
        request = null!;
        country = null!;
        if (QueryInput.Code(query.Product, "product", out HtsCode product) is { } badProduct)
        {
            return badProduct;
        }

        if (QueryInput.Country(data.Countries, query.Origin, "origin", out country) is { } badOrigin)
        {
            return badOrigin;
        }

        if (QueryInput.DateOrToday(query.Date, "date", clock, out DateOnly date) is { } badDate)
        {
            return badDate;
        }

        if (QueryInput.DateInData(data.Catalogue, date, "date", out HtsRevision revision) is { } outside)
        {
            return outside;
        }

        if (QueryInput.Product(data.Archive.Get(revision.Id), product, "product", out _) is { } unknown)
        {
            return unknown;
        }

        DateOnly loading = default;
        if ((query.LoadingDate is null ? null : QueryInput.Date(query.LoadingDate, "loadingDate", out loading)) is { } badLoading)
        {
            return badLoading;
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
            Mode = mode,
            UsContentShare = usContent,
            Metal = new MetalContent(steel, aluminum, copper),
            Stacking = stacking ?? StackingMode.Legal,
        };
        return null;
    }

    /// <summary>The policy event of each revision, by the day it takes legal effect (or the day the revision does).</summary>
    private static Dictionary<DateOnly, string> EventsByDate(RevisionCatalogue catalogue)
    {
        var events = new Dictionary<DateOnly, string>();
        foreach (HtsRevision r in catalogue.Revisions)
        {
            if (r.PolicyEvent is { } e)
            {
                events.TryAdd(r.PolicyEffectiveDate ?? r.EffectiveDate, e);
            }
        }

        return events;
    }
}

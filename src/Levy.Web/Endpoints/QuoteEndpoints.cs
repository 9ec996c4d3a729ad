using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Inputs;
using Levy.Core.Primitives;
using Levy.Core.Reports;
using Levy.Core.Schedule;
using Levy.Data;
using Levy.Data.Batch;
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

        return TypedResults.Ok(View(quote, scenario, explain, data, clock));
    }

    /// <summary>The view of a quote as the API answers it: its rulebook, its trace when asked, and how current the data is.</summary>
    internal static QuoteView View(RateQuote quote, string scenario, bool explain, LevyData data, TimeProvider clock)
    {
        QuoteView view = QuoteView.From(quote, data.Countries);
        return (view with { Scenario = scenario, Trace = explain ? view.Trace : null })
            .WithFreshness(data.Catalogue.Freshness(quote.Request.EntryDate, QueryInput.Today(clock), quote.Revision));
    }

    private static Results<Ok<HistoryReport>, ProblemHttpResult> GetHistory([AsParameters] HistoryQuery query, LevyData data, IQuoteService quotes,
        TimeProvider clock)
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

        HistoryReport report = HistoryReport.Create(template, from, to, segments, data.Countries, catalogue, data.Timeline) with { Scenario = scenario };
        return TypedResults.Ok(report.WithFreshness(report.FreshnessOn(catalogue, QueryInput.Today(clock))));
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

        if (QueryInput.Quantities(query.Quantity, out IReadOnlyList<Quantity> quantities) is { } badQuantity)
        {
            return badQuantity;
        }

        ProblemHttpResult?[] problems =
        [
            QueryInput.Program(query.Program, "program", out string? program),
            QueryInput.Number(UserInputs.CustomsValue, query.Value, out decimal? value),
            QueryInput.Choice(UserInputs.Mode, query.Mode, out string? mode),
            QueryInput.Number(UserInputs.UsContentShare, query.UsContent, out decimal? usContent),
            QueryInput.Number(UserInputs.SteelShare, query.Steel, out decimal? steel),
            QueryInput.Number(UserInputs.AluminumShare, query.Aluminum, out decimal? aluminum),
            QueryInput.Number(UserInputs.CopperShare, query.Copper, out decimal? copper),
            QueryInput.Choice(UserInputs.Stacking, query.Stacking, out string? stacking),
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
            Mode = mode is null ? null : DutyColumns.ModeOf(mode),
            UsContentShare = usContent,
            Metal = new MetalContent(steel, aluminum, copper),
            Conditions = [.. query.Declare ?? []],
            Stacking = stacking == "additive" ? StackingMode.Additive : StackingMode.Legal,
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
            // The engine names the inputs at fault as the input table's batch columns (several joined with commas); the
            // problem names them as this API does, with the values given.
            InputField?[] inputs = [.. e.Field.Split(',').Select(UserInputs.OfEngineField)];
            if (inputs.Any(i => i?.Api is null))
            {
                return Problems.BadInput(e.Field, null, ProblemTitles.InvalidQuoteRequest, e.Message);
            }

            string? given = inputs.Length == 1 ? query.Given(inputs[0]!) : string.Join(",", inputs.Select(i => query.Given(i!)));
            return Problems.BadInput(string.Join(",", inputs.Select(i => i!.Api)), given, ProblemTitles.InvalidQuoteRequest, e.Message);
        }
    }
}

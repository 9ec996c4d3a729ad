using System.ComponentModel;
using Levy.Core.Primitives;
using Levy.Core.Reports;
using Levy.Core.Schedule;
using Levy.Core.Search;
using Levy.Data;
using Levy.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Levy.Web.Endpoints;

/// <summary>The schedule itself: one line by code (<c>GET /api/v1/lines/{code}</c>) and full-text search
/// (<c>GET /api/v1/search</c>), in the revision in force on a date or a named revision.</summary>
public static class LookupEndpoints
{
    /// <summary>Maps the endpoints under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapLookupEndpoints(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Schedule");
        api.MapGet("/lines/{code}", GetLine)
            .WithName("GetLine")
            .WithSummary("One HTS line: description path, units, the rate columns as printed and as read, footnotes and the Chapter 99 headings they name.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/search", Search)
            .WithName("Search")
            .WithSummary("Finds HTS lines by words in their description path (best first), or lists the lines under a code prefix.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static Results<Ok<LookupReport>, ProblemHttpResult> GetLine(
        [Description("The HTS code as people type it: 8703.23.01.90, 8703230190, 8703.23.01 or 8703.")] string code,
        [Description("Date of entry (yyyy-MM-dd); the revision whose text governs entries that day is read (the one a quote reads). Default: today.")] string? date,
        [Description("A revision by name (2025_rev_10, 2026_basic) instead of a date.")] string? revision,
        LevyData data,
        TimeProvider clock)
    {
        if (QueryInput.Code(code, "code", out HtsCode hts) is { } badCode)
        {
            return badCode;
        }

        if (QueryInput.Schedule(data, clock, date, revision, out TariffSchedule schedule, out DateOnly? forDate) is { } badSchedule)
        {
            return badSchedule;
        }

        if (QueryInput.Product(schedule, hts, "code", out HtsProduct product) is { } unknown)
        {
            return unknown;
        }

        LookupReport report = LookupReport.From(data.Catalogue, data.Timeline, schedule, product, forDate);
        return TypedResults.Ok(forDate is { } day ? report.WithFreshness(data.Catalogue.Freshness(day, QueryInput.Today(clock), schedule.Revision)) : report);
    }

    private static Results<Ok<SearchReport>, ProblemHttpResult> Search(
        [Description("Words to look for (passenger motor vehicles), or an HTS code or prefix (8703.23).")] string? q,
        [Description("Date of entry (yyyy-MM-dd); the revision in force that day is searched. Default: today.")] string? date,
        [Description("A revision by name instead of a date.")] string? revision,
        [Description("How many results, from 1 to the server's maximum (50 by default). Default: 10.")] string? limit,
        [Description("true to return only 10-digit statistical lines (the codes an entry declares).")] string? statistical,
        LevyData data,
        TimeProvider clock,
        IOptions<LevyOptions> options)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Problems.Missing("q", "words such as \"passenger car\" or a code prefix such as 8703.23");
        }

        if (QueryInput.Text(q, "q") is { } tooLong)
        {
            return tooLong;
        }

        if (QueryInput.Integer(Levy.Core.Inputs.UserInputs.SearchLimit, limit, options.Value.MaxSearchResults, 10, out int max) is { } badLimit)
        {
            return badLimit;
        }

        if (QueryInput.Flag(statistical, "statistical", out bool statisticalOnly) is { } badFlag)
        {
            return badFlag;
        }

        if (QueryInput.Schedule(data, clock, date, revision, out TariffSchedule schedule, out _) is { } badSchedule)
        {
            return badSchedule;
        }

        IReadOnlyList<SearchHit> hits = data.SearchIndex(schedule).Search(q, max, statisticalOnly);
        return TypedResults.Ok(SearchReport.From(q, schedule, hits));
    }
}

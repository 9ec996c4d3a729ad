using System.ComponentModel;
using System.Globalization;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Data;
using Levy.Data.Rulebook;
using Levy.Refunds.Checking;
using Levy.Refunds.Claims;
using Levy.Refunds.Import;
using Levy.Refunds.Ledger;
using Levy.Refunds.Reports;
using Levy.Web.Refunds;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Levy.Web.Endpoints;

/// <summary>IEEPA refunds on the web (<c>POST /api/v1/refunds/analyze</c>): an ES-003 export (CSV or XLSX) in, processed
/// on the server — imported into a ledger, every line checked against the law — and the summary, flags, deadlines, totals
/// and Phase 1 declarations out. The upload is kept only when asked (<c>store=true</c>) and a ledger is configured
/// (<see cref="RefundOptions.Ledger"/>); otherwise it goes into a temporary SQLite file deleted before the answer.</summary>
public static class RefundEndpoints
{
    private const string Csv = "text/csv", Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Maps the endpoint under <c>/api/v1/refunds</c>.</summary>
    public static IEndpointRouteBuilder MapRefundEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        long limit = app.ServiceProvider.GetRequiredService<IOptions<RefundOptions>>().Value.MaxUploadBytes;
        app.MapGroup("/api/v1/refunds").WithTags("Refunds")
            .MapPost("/analyze", Analyze)
            .WithName("AnalyzeRefunds")
            .WithSummary("Import an ES-003 line-tariff export (text/csv or XLSX body), check every line against the law, and answer the flags, deadlines, totals by month and the CAPE Phase 1 declarations.")
            .Accepts<string>(Csv, Xlsx)
            .Produces<RefundAnalysis>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new RequestSizeLimitAttribute(limit));
        return app;
    }

    private static async Task<Results<Ok<RefundAnalysis>, ProblemHttpResult>> Analyze(
        HttpRequest request,
        [Description("The file name, for messages (default upload.csv or upload.xlsx).")] string? name,
        [Description("true to keep the upload in the server's ledger (needs Refunds:Ledger).")] string? store,
        [Description("Judge deadlines and phases on this date (yyyy-MM-dd; default today).")] string? asOf,
        [Description("corporate (default), noncorporate or corporate-large: the importer's overpayment rate for interest.")] string? rateClass,
        LevyData data,
        TimeProvider clock,
        IOptions<RefundOptions> options,
        CancellationToken cancellationToken)
    {
        string? mediaType = request.ContentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        TableFormat format;
        if (mediaType is Csv or "application/csv" or "text/plain")
        {
            format = TableFormat.Csv;
        }
        else if (mediaType is Xlsx)
        {
            format = TableFormat.Xlsx;
        }
        else
        {
            return TypedResults.Problem($"Send the export as {Csv} or {Xlsx} (got {mediaType ?? "no Content-Type"}).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: ProblemTitles.UnsupportedMediaType,
                extensions: new Dictionary<string, object?> { ["field"] = "Content-Type", ["value"] = request.ContentType });
        }

        if (QueryInput.Flag(store, "store", out bool keep) is { } badStore)
        {
            return badStore;
        }

        DateOnly day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Problems.BadInput("asOf", asOf, ProblemTitles.InvalidDate, $"\"{asOf}\" is not a date (yyyy-MM-dd).");
        }

        if (StatusView.ParseRateClass(rateClass) is not { } rates)
        {
            return Problems.BadInput("rateClass", rateClass, ProblemTitles.InvalidChoice, $"\"{rateClass}\" is not corporate, noncorporate or corporate-large.");
        }

        RefundOptions settings = options.Value;
        if (keep && settings.Ledger is null)
        {
            return Problems.BadInput("store", store, ProblemTitles.ConflictingParameters,
                "This server keeps no ledger (Refunds:Ledger is not set): uploads are analysed and forgotten. Send store=false, or use levy refund import.");
        }

        if (request.ContentLength > settings.MaxUploadBytes)
        {
            return TooLarge(settings.MaxUploadBytes);
        }

        var body = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(body, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(settings.MaxUploadBytes);
        }

        body.Position = 0;
        string file = Path.GetFileName(name ?? (format == TableFormat.Xlsx ? "upload.xlsx" : "upload.csv"));
        string? temporary = keep ? null : Path.Combine(Path.GetTempPath(), $"levy-refunds-{Guid.NewGuid():N}.db");
        try
        {
            RefundAnalysis analysis = await Task.Run(() => Run(data, keep ? settings.Ledger! : temporary!, keep, body, file, format, day, rates, settings.ListLimit, clock, cancellationToken), cancellationToken);
            return TypedResults.Ok(analysis);
        }
        catch (RefundInputException e)
        {
            return Problems.BadInput(e.Field, null, ProblemTitles.InvalidBatch, e.Message, new() { ["line"] = e.Line });
        }
        finally
        {
            if (temporary is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(temporary);
            }
        }
    }

    private static RefundAnalysis Run(LevyData data, string db, bool stored, Stream body, string file, TableFormat format, DateOnly asOf,
        OverpaymentRateClass rates, int limit, TimeProvider clock, CancellationToken cancellationToken)
    {
        RefundRules rules = RefundRulesReader.Read(data.Rulebook);
        LedgerDatabase database = LedgerDatabase.Open(db);
        ImportResult import = new LedgerImporter(database, IeepaHeadings.From(data.Policy.Rulebook), LineChecker.For(data, rules), clock)
            .Import(body, file, format, null, cancellationToken);
        var ledger = new RefundLedger(database, rules, clock);
        var declarations = new List<DeclarationPreview>();
        int n = 0;
        foreach (EntryClaim[] part in ledger.Claims(asOf).Where(c => c.Deadlines.Standing == RefundStanding.Phase1 && c.DeclarationId is null).Chunk(rules.MaxEntriesPerDeclaration))
        {
            declarations.Add(new DeclarationPreview(string.Create(CultureInfo.InvariantCulture, $"cape-phase1-{asOf:yyyyMMdd}-{++n:D3}.csv"),
                part.Aggregate(Money.Zero, (s, c) => s + c.Ieepa).Amount, [.. part.Select(c => c.Entry.Compact)]));
        }

        return new RefundAnalysis(stored, ImportView.From(import),
            CheckView.From(import.LinesChecked, 0, ledger.FlagCounts(), ledger.FlaggedLines(null, limit), rules),
            DeadlinesView.From(ledger, asOf, limit), ReportView.From(RefundReport.Build(ledger, ReportDimension.Month, asOf, rates)), declarations);
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"The upload is larger than {limit:N0} bytes; split the export, or import it with levy refund import.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: ProblemTitles.TooLarge);
}

using System.ComponentModel;
using System.IO.Pipelines;
using System.Text;
using Levy.Core.Calculation.Duties;
using Levy.Data;
using Levy.Data.Batch;
using Levy.Data.Rulebook;
using Levy.Web.Hosting;
using Levy.Web.Quotes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Levy.Web.Endpoints;

/// <summary>The money of entry lines (<c>POST /api/v1/duty</c>): a CSV or JSON Lines body with the columns of
/// <c>levy duty --file</c> (docs/duty.md), answered with one row per input row in the same format, streamed as the rows
/// are computed. The body is limited to <see cref="LevyOptions.MaxBatchBytes"/>.</summary>
/// <remarks>Every input row yields one output row (an error row naming line and field when it cannot be computed). An
/// answer that cannot finish once streaming has begun (the status line is already sent) ends with one more record, of
/// field <c>(batch)</c>, saying after how many rows it stopped, and the failure is logged: the client never takes a cut
/// answer for a whole one.</remarks>
public static partial class DutyEndpoints
{
    /// <summary>The response header that gives the publication date of the newest HTS revision in the data.</summary>
    public const string DataAsOfHeader = "Levy-Data-As-Of";

    private const string Csv = "text/csv", JsonLines = "application/x-ndjson";

    /// <summary>Maps the endpoint under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapDutyEndpoints(this IEndpointRouteBuilder app)
    {
        long limit = app.ServiceProvider.GetRequiredService<IOptions<LevyOptions>>().Value.MaxBatchBytes;
        app.MapGroup("/api/v1").WithTags("Duty")
            .MapPost("/duty", Compute)
            .WithName("ComputeDuty")
            .WithSummary("Duty per component, MPF and HMF for each entry line of a CSV (text/csv) or JSON Lines (application/x-ndjson) body, streamed back one row per input row in the same format.")
            .Accepts<string>(Csv, JsonLines)
            .Produces<string>(StatusCodes.Status200OK, Csv, JsonLines)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new RequestSizeLimitAttribute(limit));
        return app;
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Compute(
        HttpRequest request,
        [Description("true to compare with the declared_* amounts of the input (a broker's bill) and add compare and differences.")] string? compare,
        LevyData data,
        IQuoteService quotes,
        IOptions<LevyOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        string? mediaType = request.ContentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        bool jsonLines = mediaType is JsonLines or "application/jsonl" or "application/jsonlines";
        if (!jsonLines && mediaType is not (Csv or "application/csv"))
        {
            return TypedResults.Problem($"Send the lines as {Csv} or {JsonLines} (got {mediaType ?? "no Content-Type"}); the columns are those of levy duty --file.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: ProblemTitles.UnsupportedMediaType,
                extensions: new Dictionary<string, object?> { ["field"] = "Content-Type", ["value"] = request.ContentType });
        }

        if (QueryInput.Flag(compare, "compare", out bool comparing) is { } badCompare)
        {
            return badCompare;
        }

        long limit = options.Value.MaxBatchBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        // The body is read whole (it is bounded) so that a body over the limit is refused before any row is answered.
        var body = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(body, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        body.Position = 0;
        var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        IEnumerable<InputRow> rows = jsonLines
            ? DutyInputReader.ReadJsonLines(reader, "request body", comparing)
            : DutyInputReader.ReadCsv(reader, "request body", comparing);
        IEnumerator<InputRow> cursor = rows.GetEnumerator();
        bool any;
        try
        {
            any = cursor.MoveNext(); // reads the header: a wrong one is refused before the answer starts
        }
        catch (DutyInputException e)
        {
            cursor.Dispose();
            return Problems.BadInput(e.Column ?? "header", null, ProblemTitles.InvalidBatch, e.Message);
        }

        // Rows entered after the data's newest revision say so in their own "stale" column; the header names the date.
        DateOnly dataAsOf = data.Catalogue.Newest.EffectiveDate;
        request.HttpContext.Response.Headers[DataAsOfHeader] = dataAsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var batch = new DutyBatch(request => quotes.Quote(request, PolicyRulebookReader.Actual), data.Fees, comparing, dataAsOf);
        ILogger logger = loggers.CreateLogger(typeof(DutyEndpoints).FullName!);
        return TypedResults.Stream(output => Stream(batch, Remaining(cursor, any, cancellationToken), jsonLines, comparing, dataAsOf, output, logger, cancellationToken),
            jsonLines ? JsonLines : Csv);
    }

    /// <summary>Runs the batch on a worker thread into a pipe (the batch writes synchronously) and copies the pipe to the
    /// response as it fills. A failure after the first byte cannot change the status any more: it is logged and told
    /// in-band, as a last record of field <c>(batch)</c>.</summary>
    internal static async Task Stream(DutyBatch batch, IEnumerable<InputRow> rows, bool jsonLines, bool compare, DateOnly dataAsOf, Stream response,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        Task run = Task.Run(() =>
        {
            try
            {
                using var writer = new StreamWriter(pipe.Writer.AsStream(), new UTF8Encoding(false), 1 << 16);
                using var output = new CountingOutput(jsonLines ? new JsonLinesDutyOutput(writer, compare, dataAsOf) : new CsvDutyOutput(writer, compare, dataAsOf));
                try
                {
                    batch.Run(rows, output, cancellationToken: cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    LogStopped(logger, output.Rows, e);
                    string reason = Levy.Core.Inputs.InputMessages.Format(BatchMessages.StreamStopped, output.Rows, "an unexpected error, logged by the server");
                    var failure = new Levy.Core.Calculation.Duties.LineError(BatchMessages.BatchField, reason);
                    output.Write(new OutputRow(new InputRow(0, string.Empty, null, null, failure, null), null, null, failure, null));
                }
            }
            catch (Exception e)
            {
                pipe.Writer.Complete(e);
            }
        }, cancellationToken);
        try
        {
            await pipe.Reader.CopyToAsync(response, cancellationToken);
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
            await run;
        }
    }

    private static IEnumerable<InputRow> Remaining(IEnumerator<InputRow> cursor, bool any, CancellationToken cancellationToken)
    {
        using (cursor)
        {
            for (bool more = any; more; more = cursor.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return cursor.Current;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "POST /api/v1/duty stopped after {Rows} rows; the answer ends with a (batch) error record")]
    private static partial void LogStopped(ILogger logger, long rows, Exception exception);

    /// <summary>Counts the rows written, for the record that says where an answer stopped.</summary>
    private sealed class CountingOutput(IDutyOutput inner) : IDutyOutput
    {
        public long Rows { get; private set; }

        public void Write(OutputRow row)
        {
            inner.Write(row);
            Rows++;
        }

        public void Dispose() => inner.Dispose();
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"The body is larger than {limit:N0} bytes; split the lines into several requests.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: ProblemTitles.TooLarge);
}

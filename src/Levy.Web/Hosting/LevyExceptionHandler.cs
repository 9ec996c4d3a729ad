using Levy.Core.Schedule;
using Levy.Data.Locating;
using Levy.Web.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Levy.Web.Hosting;

/// <summary>Turns the exceptions that escape an endpoint into problem documents without stack traces: a date outside the
/// data is 422, data missing from the data folder is 503, and anything else is logged and answered with a plain 500.</summary>
internal sealed partial class LevyExceptionHandler(IProblemDetailsService problems, ILogger<LevyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        (int status, string title, string detail) = exception switch
        {
            DateOutsideDataException e => (StatusCodes.Status422UnprocessableEntity, ProblemTitles.DateOutsideData, e.Message),
            DataNotFoundException => (StatusCodes.Status503ServiceUnavailable, ProblemTitles.DataUnavailable,
                "A file of the data folder that this request needs is missing; `levy data info` on the server says which."),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error",
                "The server failed to answer this request; the error is in its log."),
        };

        if (status >= 500)
        {
            LogFailure(logger, context.Request.Method, context.Request.Path, exception);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, PathString path, Exception exception);
}

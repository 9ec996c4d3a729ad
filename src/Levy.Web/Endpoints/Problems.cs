using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Schedule;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Levy.Web.Endpoints;

/// <summary>Builds the RFC 9457 problem details of the API. Every input problem names the parameter in <c>field</c> and
/// echoes what was sent in <c>value</c>, so a client can point at the box to fix.</summary>
internal static class Problems
{
    /// <summary>400: a parameter is malformed or not allowed.</summary>
    internal static ProblemHttpResult BadInput(string field, string? value, string title, string detail, Dictionary<string, object?>? more = null) =>
        Problem(StatusCodes.Status400BadRequest, title, detail, field, value, more);

    /// <summary>400: a required parameter is missing.</summary>
    internal static ProblemHttpResult Missing(string field, string example) =>
        BadInput(field, null, ProblemTitles.MissingParameter, $"The parameter \"{field}\" is required: give {example}.");

    /// <summary>404: a well-formed HTS code that the revision does not print; names the nearest code that it does.</summary>
    internal static ProblemHttpResult UnknownCode(string field, UnknownProductException e) =>
        Problem(StatusCodes.Status404NotFound, ProblemTitles.UnknownCode, e.Message, field, e.Code.ToString(), new()
        {
            ["revision"] = e.Revision.ShortName,
            ["nearest"] = e.Nearest?.ToString(),
        });

    /// <summary>400 (query parameter) or 404 (path): a country that matches no code or name; names the nearest one.</summary>
    internal static ProblemHttpResult UnknownCountry(string field, UnknownCountryException e, int status = StatusCodes.Status400BadRequest) =>
        Problem(status, ProblemTitles.UnknownCountry, e.Message, field, e.Input, new()
        {
            ["nearest"] = e.Nearest?.Iso.Value,
        });

    /// <summary>422: a well-formed date that no revision of the data covers; gives the range that is covered.</summary>
    internal static ProblemHttpResult OutsideData(string field, DateOutsideDataException e) =>
        Problem(StatusCodes.Status422UnprocessableEntity, ProblemTitles.DateOutsideData, e.Message, field, e.Date.ToString("yyyy-MM-dd"), new()
        {
            ["firstDate"] = e.First.ToString("yyyy-MM-dd"),
            ["horizon"] = e.Horizon.ToString("yyyy-MM-dd"),
        });

    private static ProblemHttpResult Problem(int status, string title, string detail, string field, string? value, Dictionary<string, object?>? more)
    {
        var extensions = new Dictionary<string, object?> { ["field"] = field, ["value"] = value };
        foreach ((string key, object? v) in more ?? [])
        {
            extensions[key] = v;
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }
}

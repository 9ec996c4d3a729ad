namespace Levy.Web.Endpoints;

/// <summary>The titles of the problem details the API returns, one per kind of problem (RFC 9457 <c>title</c>: the same
/// for every occurrence of the kind; the <c>detail</c> says what was wrong this time). Tests assert against these.</summary>
internal static class ProblemTitles
{
    internal const string MissingParameter = "Missing parameter";
    internal const string InvalidCode = "Invalid HTS code";
    internal const string UnknownCode = "Unknown HTS code";
    internal const string InvalidDate = "Invalid date";
    internal const string DateOutsideData = "Date outside the data";
    internal const string InvalidRevision = "Invalid HTS revision";
    internal const string ConflictingParameters = "Conflicting parameters";
    internal const string UnknownCountry = "Unknown country";
    internal const string InvalidNumber = "Invalid number";
    internal const string InvalidChoice = "Invalid choice";
    internal const string InvalidProgram = "Invalid program";
    internal const string QueryTooLong = "Query too long";
    internal const string InvalidQuoteRequest = "Request not possible";
    internal const string DataUnavailable = "Data not available";
    internal const string InvalidDateRange = "Invalid date range";
    internal const string InvalidBatch = "Invalid batch input";
    internal const string UnsupportedMediaType = "Unsupported media type";
    internal const string TooLarge = "Request body too large";
    internal const string UnknownScenario = "Unknown scenario";
    internal const string NotReady = "Not ready yet";
    internal const string InvalidText = "Invalid text";
    internal const string LedgerUnavailable = "Ledger not available";
}

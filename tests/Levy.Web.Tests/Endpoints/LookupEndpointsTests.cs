using System.Net;
using System.Text.Json;
using Levy.Web.Endpoints;

namespace Levy.Web.Tests.Endpoints;

public sealed class LookupEndpointsTests(LevyWebFactory factory) : IClassFixture<LevyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetLine_JapaneseCarOnADate_SameFieldsAsTheCliJson()
    {
        JsonElement line = await ApiAssert.Json(await _client.GetAsync("/api/v1/lines/8703230190?date=2025-04-20", Cancel));

        Assert.Equal("8703.23.01.90", line.GetProperty("code").GetString());
        // The revision whose text governs entries that day (the one a quote reads), not Rev. 12, published 2025-04-14,
        // whose changes take legal effect on 2025-05-14; the report says so.
        Assert.Equal("2025_rev_10", line.GetProperty("revision").GetString());
        Assert.Equal("2025-04-20", line.GetProperty("date").GetString());
        Assert.Equal("2025-04-09", line.GetProperty("inForceFrom").GetString());
        Assert.Equal("2025-04-15", line.GetProperty("governsFrom").GetString());
        Assert.Equal("2025-05-02", line.GetProperty("governsUntil").GetString());
        Assert.StartsWith("On 2025-04-20 the schedule in force by publication was 2025 Revision 12", line.GetProperty("revisionNote").GetString(), StringComparison.Ordinal);
        Assert.False(line.GetProperty("stale").GetBoolean());
        Assert.Equal("8703.23.01", line.GetProperty("rateSource").GetString());
        Assert.Equal("2.5%", line.GetProperty("general").GetProperty("printed").GetString());
        Assert.Equal("Used", line.GetProperty("descriptionPath").EnumerateArray().Last().GetString());
        Assert.Contains(line.GetProperty("chapter99").EnumerateArray(), h => h.GetProperty("code").GetString() == "9903.88.01");
    }

    [Fact]
    public async Task GetLine_ByRevision_HasNoDate()
    {
        JsonElement line = await ApiAssert.Json(await _client.GetAsync("/api/v1/lines/8703.23.01.90?revision=2026_rev_10", Cancel));

        Assert.Equal("2026_rev_10", line.GetProperty("revision").GetString());
        Assert.False(line.TryGetProperty("date", out _), "null fields are left out, as in the CLI's JSON");
        Assert.False(line.TryGetProperty("stale", out _), "a revision named has no date to be stale about");
    }

    [Theory]
    [InlineData("/api/v1/lines/8703.2?date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.InvalidCode, "code", "8703.2")]
    [InlineData("/api/v1/lines/87x3?date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.InvalidCode, "code", "87x3")]
    [InlineData("/api/v1/lines/8703.23.01.90?date=20/04/2025", HttpStatusCode.BadRequest, ProblemTitles.InvalidDate, "date", "20/04/2025")]
    [InlineData("/api/v1/lines/8703.23.01.90?date=2024-12-31", HttpStatusCode.UnprocessableEntity, ProblemTitles.DateOutsideData, "date", "2024-12-31")]
    [InlineData("/api/v1/lines/8703.23.01.90?revision=2025_rev_99", HttpStatusCode.BadRequest, ProblemTitles.InvalidRevision, "revision", "2025_rev_99")]
    [InlineData("/api/v1/lines/8703.23.01.90?revision=2025_rev_7&date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.ConflictingParameters, "revision", "2025_rev_7")]
    public async Task GetLine_BadInput_ProblemNamesTheParameter(string url, HttpStatusCode status, string title, string field, string value)
    {
        await ApiAssert.Problem(await _client.GetAsync(url, Cancel), status, title, field, value);
    }

    [Fact]
    public async Task GetLine_UnknownCode_404WithTheNearestCode()
    {
        JsonElement problem = await ApiAssert.Problem(await _client.GetAsync("/api/v1/lines/8703.23.01.99?revision=2026_rev_10", Cancel),
            HttpStatusCode.NotFound, ProblemTitles.UnknownCode, "code", "8703.23.01.99");

        Assert.Equal("8703.23.01.90", problem.GetProperty("nearest").GetString());
        Assert.Equal("Unknown HTS code 8703.23.01.99 in 2026 Revision 10 (nearest: 8703.23.01.90).", problem.Detail());
    }

    [Fact]
    public async Task GetLine_DateOutsideData_422GivesTheCoveredRange()
    {
        JsonElement problem = await ApiAssert.Problem(await _client.GetAsync("/api/v1/lines/8703.23.01.90?date=2027-01-01", Cancel),
            HttpStatusCode.UnprocessableEntity, ProblemTitles.DateOutsideData, "date");

        Assert.Equal("2025-01-01", problem.GetProperty("firstDate").GetString());
        Assert.Equal("2026-12-31", problem.GetProperty("horizon").GetString());
    }

    [Fact]
    public async Task Search_Words_StatisticalLinesOfTheRevisionInForce()
    {
        JsonElement report = await ApiAssert.Json(await _client.GetAsync("/api/v1/search?q=passenger%20car&date=2025-04-20&limit=5&statistical=true", Cancel));

        Assert.Equal("2025_rev_10", report.GetProperty("revision").GetString()); // the text governing 2025-04-20, as for a quote
        JsonElement[] results = [.. report.GetProperty("results").EnumerateArray()];
        Assert.Equal(5, results.Length);
        Assert.All(results, r => Assert.Equal(13, r.GetProperty("code").GetString()!.Length));
        Assert.StartsWith("8703.", results[0].GetProperty("code").GetString());
        Assert.Equal(1, results[0].GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Search_CodePrefix_ListsLinesUnderIt()
    {
        JsonElement report = await ApiAssert.Json(await _client.GetAsync("/api/v1/search?q=8703.23.01&revision=2026_rev_10&limit=50", Cancel));

        Assert.All(report.GetProperty("results").EnumerateArray(), r => Assert.StartsWith("8703.23.01", r.GetProperty("code").GetString()));
        Assert.Contains(report.GetProperty("results").EnumerateArray(), r => r.GetProperty("code").GetString() == "8703.23.01.90");
    }

    [Theory]
    [InlineData("/api/v1/search?date=2025-04-20", ProblemTitles.MissingParameter, "q", null)]
    [InlineData("/api/v1/search?q=car&limit=0", ProblemTitles.InvalidNumber, "limit", "0")]
    [InlineData("/api/v1/search?q=car&limit=51", ProblemTitles.InvalidNumber, "limit", "51")]
    [InlineData("/api/v1/search?q=car&limit=ten", ProblemTitles.InvalidNumber, "limit", "ten")]
    [InlineData("/api/v1/search?q=car&statistical=maybe", ProblemTitles.InvalidChoice, "statistical", "maybe")]
    public async Task Search_BadInput_400NamesTheParameter(string url, string title, string field, string? value)
    {
        await ApiAssert.Problem(await _client.GetAsync(url, Cancel), HttpStatusCode.BadRequest, title, field, value);
    }

    [Fact]
    public async Task Search_OverlongQuery_400()
    {
        string words = string.Join(' ', Enumerable.Repeat("car", 60));

        await ApiAssert.Problem(await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(words)}&date=2025-04-20", Cancel),
            HttpStatusCode.BadRequest, ProblemTitles.QueryTooLong, "q");
    }
}

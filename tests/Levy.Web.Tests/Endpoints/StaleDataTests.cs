using System.Net;
using System.Text;
using System.Text.Json;
using Levy.Web.Endpoints;

namespace Levy.Web.Tests.Endpoints;

/// <summary>Issue 9.8 on the API: an answer about a date after the newest revision's publication (2026 Revision 10,
/// 2026-06-08) carries <c>dataAsOf</c>, <c>stale</c> and the notice; the host's clock says how old the data is.</summary>
public sealed class StaleDataTests(StaleDataTests.December2026 factory) : IClassFixture<StaleDataTests.December2026>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The host with its clock stopped at 2026-12-02, noon UTC.</summary>
    public sealed class December2026() : ClockedFactory(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetQuote_NoDate_IsTodayAndStale()
    {
        JsonElement quote = await ApiAssert.Json(await _client.GetAsync("/api/v1/quote?product=8703.23.01.90&origin=JP", Cancel));

        Assert.Equal("2026-12-02", quote.GetProperty("entryDate").GetString());
        Assert.Equal("2026-06-08", quote.GetProperty("dataAsOf").GetString());
        Assert.True(quote.GetProperty("stale").GetBoolean());
        Assert.Equal(
            "Data may be out of date: this answer reads HTS 2026 Revision 10, the newest revision Levy has, published 2026-06-08 "
            + "(177 days ago), and 2026-12-02 is after that, so USITC may have published revisions since. Update with `levy data sync`.",
            quote.GetProperty("dataNotice").GetString());
    }

    [Fact]
    public async Task GetQuote_EarlierDate_NotStale()
    {
        JsonElement quote = await ApiAssert.Json(await _client.GetAsync("/api/v1/quote?product=8703.23.01.90&origin=JP&date=2025-04-20", Cancel));

        Assert.False(quote.GetProperty("stale").GetBoolean());
        Assert.False(quote.TryGetProperty("dataNotice", out _));
    }

    [Fact]
    public async Task GetHistory_ToTheEndOfTheData_IsStale_ToAnEarlierDateIsNot()
    {
        JsonElement all = await ApiAssert.Json(await _client.GetAsync("/api/v1/history?product=8703.23.01.90&origin=JP", Cancel));
        JsonElement early = await ApiAssert.Json(await _client.GetAsync("/api/v1/history?product=8703.23.01.90&origin=JP&to=2025-12-31", Cancel));

        Assert.True(all.GetProperty("stale").GetBoolean());
        Assert.Contains("2026-12-31 is after that", all.GetProperty("dataNotice").GetString(), StringComparison.Ordinal);
        Assert.False(early.GetProperty("stale").GetBoolean());
        Assert.Equal("2025_rev_23 – 2026_rev_3", all.GetProperty("segments").EnumerateArray()
            .Single(s => s.GetProperty("from").GetString() == "2025-09-16").GetProperty("revisions").GetString());
    }

    [Fact]
    public async Task GetScenarioComparison_BothQuotesSayIt()
    {
        JsonElement c = await ApiAssert.Json(await _client.GetAsync("/api/v1/scenarios/compare?scenario=japan-no-deal&product=8703.23.01.90&origin=JP&date=2026-10-01", Cancel));

        Assert.True(c.GetProperty("baselineQuote").GetProperty("stale").GetBoolean());
        Assert.True(c.GetProperty("scenarioQuote").GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task GetLine_NoDate_IsStale()
    {
        JsonElement line = await ApiAssert.Json(await _client.GetAsync("/api/v1/lines/8703.23.01.90", Cancel));

        Assert.Equal("2026-12-02", line.GetProperty("date").GetString());
        Assert.True(line.GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task PostDuty_HeaderNamesTheDataDate_RowsSayStale_Fy2027FeesApply()
    {
        string csv = "id,hts10,origin,value,entry_date\nA,8703.23.01.90,JP,40000,2025-04-20\nB,8703.23.01.90,JP,5000,2026-10-05\n";

        HttpResponseMessage response = await _client.PostAsync("/api/v1/duty", new StringContent(csv, Encoding.UTF8, "text/csv"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-06-08", Assert.Single(response.Headers.GetValues(DutyEndpoints.DataAsOfHeader)));
        string[] lines = (await response.Content.ReadAsStringAsync(Cancel)).TrimEnd('\n').Split('\n');
        string[] header = lines[0].Split(',');
        Dictionary<string, string> Row(int i) => header.Zip(lines[i].Split(',')).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("false", Row(1)["stale"]);
        Assert.Equal("true", Row(2)["stale"]);
        Assert.Equal("ok", Row(2)["status"]); // FY2027 MPF figures: no longer refused
        Assert.Equal("34.58", Row(2)["mpf"]);
    }
}

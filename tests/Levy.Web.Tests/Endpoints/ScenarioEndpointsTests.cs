using System.Net;
using System.Text.Json;
using Levy.Web.Endpoints;

namespace Levy.Web.Tests.Endpoints;

/// <summary>The scenarios, and quotes and histories under them, against the real engines on the shared data (each
/// scenario's engine is built once for the process by <see cref="Levy.Data.LevyData.ScenarioEngine"/>).</summary>
public sealed class ScenarioEndpointsTests(LevyWebFactory factory) : IClassFixture<LevyWebFactory>
{
    private static readonly string[] Known = ["actual", "floor-15-all", "japan-no-deal", "no-ieepa", "s122-extended"];
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetScenarios_ListsActualThenEachScenarioWithWhatItChangesAndItsSources()
    {
        JsonElement body = await ApiAssert.Json(await _client.GetAsync("/api/v1/scenarios", Cancel));

        JsonElement[] scenarios = [.. body.GetProperty("scenarios").EnumerateArray()];
        Assert.Equal(Known, scenarios.Select(s => s.GetProperty("id").GetString()));
        JsonElement noDeal = scenarios[2];
        Assert.Equal("Japan gets no deal", noDeal.GetProperty("title").GetString());
        Assert.Contains("never implemented", noDeal.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(noDeal.GetProperty("sources").EnumerateArray(), s => s.GetString()!.StartsWith("EO 14345", StringComparison.Ordinal));
        string[] changes = [.. noDeal.GetProperty("changes").EnumerateArray().Select(c => c.GetString()!)];
        Assert.Contains("Removed s232-autos-japan (9903.94.40, 9903.94.41).", changes);
        Assert.Contains(changes, c => c.StartsWith("Added scenario-japan-annex-i-kept: Heading 9903.01.53", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetQuote_JapaneseCarUnderJapanNoDeal_27Point5PercentAndSaysWhichRulebook()
    {
        JsonElement actual = await ApiAssert.Json(await _client.GetAsync("/api/v1/quote?product=8703.23.01.90&origin=JP&date=2025-10-01", Cancel));
        JsonElement noDeal = await ApiAssert.Json(await _client.GetAsync("/api/v1/quote?product=8703.23.01.90&origin=JP&date=2025-10-01&scenario=japan-no-deal", Cancel));

        Assert.Equal(("actual", "15"), (actual.GetProperty("scenario").GetString(), actual.GetProperty("totalPercent").GetRawText()));
        Assert.Equal(("japan-no-deal", "27.5"), (noDeal.GetProperty("scenario").GetString(), noDeal.GetProperty("totalPercent").GetRawText()));
        Assert.Contains("9903.94.01", noDeal.GetProperty("chapter99").EnumerateArray().Select(h => h.GetString()));
    }

    [Fact]
    public async Task GetHistory_JapaneseCarUnderJapanNoDeal_Stays27Point5FromApril2025()
    {
        JsonElement history = await ApiAssert.Json(await _client.GetAsync("/api/v1/history?product=8703.23.01.90&origin=JP&scenario=japan-no-deal", Cancel));

        Assert.Equal("japan-no-deal", history.GetProperty("scenario").GetString());
        string[] totals = [.. history.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("totalPercent").GetRawText()).Distinct()];
        Assert.Equal(["2.5", "27.5"], totals); // the deal's 15% never comes
    }

    [Fact]
    public async Task Compare_JapaneseCarOnOctober1_15Against27Point5_TheDifferenceIsSection232()
    {
        JsonElement c = await ApiAssert.Json(await _client.GetAsync(
            "/api/v1/scenarios/compare?base=actual&scenario=japan-no-deal&product=8703.23.01.90&origin=Japan&date=2025-10-01", Cancel));

        Assert.Equal(("actual", "japan-no-deal"), (c.GetProperty("baseline").GetString(), c.GetProperty("scenario").GetString()));
        Assert.Equal("15", c.GetProperty("baselineTotalPercent").GetRawText());
        Assert.Equal("27.5", c.GetProperty("scenarioTotalPercent").GetRawText());
        Assert.Equal("12.5", c.GetProperty("differencePoints").GetRawText());
        JsonElement[] changed = [.. c.GetProperty("authorities").EnumerateArray().Where(a => a.GetProperty("changed").GetBoolean())];
        JsonElement s232 = Assert.Single(changed);
        Assert.Equal("Section232", s232.GetProperty("authority").GetString());
        Assert.Equal(("12.5", "25", "12.5"), (s232.GetProperty("baseline").GetRawText(), s232.GetProperty("scenario").GetRawText(), s232.GetProperty("difference").GetRawText()));
        Assert.StartsWith("9903.94.4", s232.GetProperty("baselineHeadings")[0].GetString());   // the deal's 15% all-in
        Assert.Equal("9903.94.01", s232.GetProperty("scenarioHeadings")[0].GetString());        // 25% on top of MFN
        Assert.Equal("actual", c.GetProperty("baselineQuote").GetProperty("scenario").GetString());
        Assert.Equal("27.5", c.GetProperty("scenarioQuote").GetProperty("totalPercent").GetRawText());
    }

    [Fact]
    public async Task Compare_WithoutBase_ComparesWithActual()
    {
        JsonElement c = await ApiAssert.Json(await _client.GetAsync(
            "/api/v1/scenarios/compare?scenario=no-ieepa&product=8703.23.01.20&origin=CN&date=2025-06-10", Cancel));

        Assert.Equal("actual", c.GetProperty("baseline").GetString());
        Assert.Equal(("72.5", "52.5", "-20"), (c.GetProperty("baselineTotalPercent").GetRawText(), c.GetProperty("scenarioTotalPercent").GetRawText(),
            c.GetProperty("differencePoints").GetRawText()));
    }

    [Theory]
    [InlineData("/api/v1/quote?product=8703.23.01.90&origin=JP&date=2025-10-01&scenario=japan-deal", "scenario", "japan-deal")]
    [InlineData("/api/v1/history?product=8703.23.01.90&origin=JP&scenario=Japan-No-Deal", "scenario", "Japan-No-Deal")]
    [InlineData("/api/v1/scenarios/compare?scenario=nope&product=8703.23.01.90&origin=JP&date=2025-10-01", "scenario", "nope")]
    [InlineData("/api/v1/scenarios/compare?base=real&scenario=japan-no-deal&product=8703.23.01.90&origin=JP&date=2025-10-01", "base", "real")]
    [InlineData("/api/v1/etr?country=JP&scenario=japan", "scenario", "japan")]
    [InlineData("/api/v1/scenarios/compare/aggregate?scenario=jp&country=JP", "scenario", "jp")]
    public async Task UnknownScenario_400NamesTheParameterAndListsTheKnownOnes(string url, string field, string value)
    {
        JsonElement problem = await ApiAssert.Problem(await _client.GetAsync(url, Cancel), HttpStatusCode.BadRequest, ProblemTitles.UnknownScenario, field, value);

        Assert.Equal(Known, problem.GetProperty("known").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains("japan-no-deal", problem.Detail(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/scenarios/compare?product=8703.23.01.90&origin=JP&date=2025-10-01", HttpStatusCode.BadRequest, ProblemTitles.MissingParameter, "scenario")]
    [InlineData("/api/v1/scenarios/compare?scenario=japan-no-deal&origin=JP&date=2025-10-01", HttpStatusCode.BadRequest, ProblemTitles.MissingParameter, "product")]
    [InlineData("/api/v1/scenarios/compare?scenario=japan-no-deal&product=8703.23.01.99&origin=JP&date=2025-10-01", HttpStatusCode.NotFound, ProblemTitles.UnknownCode, "product")]
    [InlineData("/api/v1/scenarios/compare?scenario=japan-no-deal&product=8703.23.01.90&origin=Japn&date=2025-10-01", HttpStatusCode.BadRequest, ProblemTitles.UnknownCountry, "origin")]
    [InlineData("/api/v1/scenarios/compare?scenario=japan-no-deal&product=8703.23.01.90&origin=JP&date=2027-01-01", HttpStatusCode.UnprocessableEntity, ProblemTitles.DateOutsideData, "date")]
    [InlineData("/api/v1/scenarios/compare/aggregate?country=JP", HttpStatusCode.BadRequest, ProblemTitles.MissingParameter, "scenario")]
    [InlineData("/api/v1/scenarios/compare/aggregate?scenario=japan-no-deal", HttpStatusCode.BadRequest, ProblemTitles.MissingParameter, "country")]
    [InlineData("/api/v1/scenarios/compare/aggregate?scenario=japan-no-deal&country=EU", HttpStatusCode.BadRequest, ProblemTitles.InvalidChoice, "country")]
    [InlineData("/api/v1/scenarios/compare/aggregate?scenario=japan-no-deal&country=JP&top=0", HttpStatusCode.BadRequest, ProblemTitles.InvalidNumber, "top")]
    public async Task Compare_BadInput_ProblemNamesTheParameter(string url, HttpStatusCode status, string title, string field)
    {
        await ApiAssert.Problem(await _client.GetAsync(url, Cancel), status, title, field);
    }
}

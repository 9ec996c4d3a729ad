using System.Net;
using System.Text.Json;
using Levy.Core.Calculation;
using Levy.Web.Endpoints;
using Levy.Web.Tests.Quotes;

namespace Levy.Web.Tests.Endpoints;

/// <summary>The quote and history endpoints against a stand-in engine (<see cref="FakeQuoteService"/>): how the host reads
/// the query, checks it, and renders the engine's answer; and the 501 answer while no engine is registered.</summary>
public sealed class QuoteEndpointsTests : IClassFixture<EngineFactory>
{
    private readonly FakeQuoteService _engine;
    private readonly HttpClient _client;

    public QuoteEndpointsTests(EngineFactory factory)
    {
        _engine = factory.Engine;
        _engine.Requests.Clear();
        _engine.Failure = null;
        _client = factory.CreateClient();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetQuote_CarFromJapanInApril2025_TotalComponentsHeadingsAndCitations()
    {
        JsonElement quote = await ApiAssert.Json(await _client.GetAsync("/api/v1/quote?product=8703.23.01.90&origin=Japan&date=2025-04-20", Cancel));

        Assert.Equal("8703.23.01.90", quote.GetProperty("product").GetString());
        Assert.Equal("JP", quote.GetProperty("origin").GetString());
        Assert.Equal("Japan", quote.GetProperty("originName").GetString());
        Assert.Equal("2025_rev_12", quote.GetProperty("revision").GetString());
        Assert.Equal(27.5m, quote.GetProperty("totalPercent").GetDecimal());
        Assert.Equal("27.5", quote.GetProperty("totalPercent").GetRawText());
        Assert.Equal(["9903.94.01"], quote.GetProperty("chapter99").EnumerateArray().Select(h => h.GetString()));
        JsonElement autos = quote.GetProperty("components")[1];
        Assert.Equal("section232", autos.GetProperty("authority").GetString());
        Assert.Equal("additional", autos.GetProperty("kind").GetString());
        Assert.Equal(25m, autos.GetProperty("percent").GetDecimal());
        Assert.Contains("Proclamation 10908", autos.GetProperty("citation").GetString());
        Assert.Equal("additional", autos.GetProperty("printedRate").GetProperty("kind").GetString());
        Assert.Equal("9903.01.25", quote.GetProperty("notApplied")[0].GetProperty("heading").GetString());
        Assert.NotEmpty(quote.GetProperty("assumptions").EnumerateArray());
    }

    [Fact]
    public async Task GetQuote_OptionalInputs_ReachTheEngine()
    {
        await ApiAssert.Json(await _client.GetAsync(
            "/api/v1/quote?product=8703230190&origin=5880&date=2025-04-20&program=jp&loadingDate=2025-03-30&value=40000&mode=Vessel" +
            "&usContent=0.1&steel=0.2&aluminum=0.05&copper=0&stacking=additive", Cancel));

        QuoteRequest r = Assert.Single(_engine.Requests);
        Assert.Equal("JP", r.Origin.Value);
        Assert.Equal("JP", r.ClaimedProgram);
        Assert.Equal(new DateOnly(2025, 3, 30), r.LoadingDate);
        Assert.Equal(40000m, r.CustomsValue);
        Assert.Equal(TransportMode.Vessel, r.Mode);
        Assert.Equal(0.1m, r.UsContentShare);
        Assert.Equal(new MetalContent(0.2m, 0.05m, 0m), r.Metal);
        Assert.Equal(StackingMode.Additive, r.Stacking);
    }

    [Theory]
    [InlineData("origin=JP&date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.MissingParameter, "product", null)]
    [InlineData("product=8703.23.01.90&date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.MissingParameter, "origin", null)]
    [InlineData("product=8703.2&origin=JP&date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.InvalidCode, "product", "8703.2")]
    [InlineData("product=8703.23.01.90&origin=Japn&date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.UnknownCountry, "origin", "Japn")]
    [InlineData("product=8703.23.01.90&origin=JP&date=2025-4-20", HttpStatusCode.BadRequest, ProblemTitles.InvalidDate, "date", "2025-4-20")]
    [InlineData("product=8703.23.01.90&origin=JP&date=2024-06-01", HttpStatusCode.UnprocessableEntity, ProblemTitles.DateOutsideData, "date", "2024-06-01")]
    [InlineData("product=8703.23.01.99&origin=JP&date=2025-04-20", HttpStatusCode.NotFound, ProblemTitles.UnknownCode, "product", "8703.23.01.99")]
    [InlineData("product=8703.23.01.90&origin=JP&date=2025-04-20&program=USMCA", HttpStatusCode.BadRequest, ProblemTitles.InvalidProgram, "program", "USMCA")]
    [InlineData("product=8703.23.01.90&origin=JP&date=2025-04-20&value=-5", HttpStatusCode.BadRequest, ProblemTitles.InvalidNumber, "value", "-5")]
    [InlineData("product=8703.23.01.90&origin=JP&date=2025-04-20&steel=1.5", HttpStatusCode.BadRequest, ProblemTitles.InvalidNumber, "steel", "1.5")]
    [InlineData("product=8703.23.01.90&origin=JP&date=2025-04-20&mode=boat", HttpStatusCode.BadRequest, ProblemTitles.InvalidChoice, "mode", "boat")]
    [InlineData("product=8703.23.01.90&origin=JP&date=2025-04-20&mode=1", HttpStatusCode.BadRequest, ProblemTitles.InvalidChoice, "mode", "1")]
    [InlineData("product=8703.23.01.90&origin=JP&date=2025-04-20&loadingDate=soon", HttpStatusCode.BadRequest, ProblemTitles.InvalidDate, "loadingDate", "soon")]
    public async Task GetQuote_BadInput_ProblemNamesTheParameter_AndTheEngineIsNotCalled(string query, HttpStatusCode status, string title, string field, string? value)
    {
        await ApiAssert.Problem(await _client.GetAsync("/api/v1/quote?" + query, Cancel), status, title, field, value);

        Assert.Empty(_engine.Requests);
    }

    [Fact]
    public async Task GetQuote_EngineFails_500WithoutStackTraceOrMessage()
    {
        _engine.Failure = new InvalidOperationException("secret internals at Levy.Core.Something");

        HttpResponseMessage response = await _client.GetAsync("/api/v1/quote?product=8703.23.01.90&origin=JP&date=2025-04-20", Cancel);

        JsonElement problem = await ApiAssert.Problem(response, HttpStatusCode.InternalServerError, "Unexpected error");
        string body = problem.GetRawText();
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task GetHistory_PeriodsWithTheirEvents()
    {
        JsonElement history = await ApiAssert.Json(await _client.GetAsync(
            "/api/v1/history?product=8703.23.01.90&origin=JP&from=2025-01-01&to=2025-12-31", Cancel));

        JsonElement[] periods = [.. history.GetProperty("periods").EnumerateArray()];
        Assert.Equal(["2.5", "27.5", "15"], periods.Select(p => p.GetProperty("totalPercent").GetRawText()));
        Assert.Equal(["2025-01-01", "2025-04-03", "2025-09-16"], periods.Select(p => p.GetProperty("from").GetString()));
        Assert.Equal("2025-04-02", periods[0].GetProperty("to").GetString());
        Assert.Equal("2025-12-31", periods[2].GetProperty("to").GetString());
        Assert.Equal(["9903.94.01"], periods[1].GetProperty("chapter99").EnumerateArray().Select(h => h.GetString()));
        Assert.Contains("232", periods[1].GetProperty("event").GetString());
        Assert.Equal("Japan", history.GetProperty("originName").GetString());
    }

    [Theory]
    [InlineData("origin=JP", ProblemTitles.MissingParameter, "product")]
    [InlineData("product=8703.23.01.90&origin=JP&from=2025-06-01&to=2025-05-01", ProblemTitles.InvalidDateRange, "to")]
    [InlineData("product=8703.23.01.90&origin=JP&from=2025-13-01", ProblemTitles.InvalidDate, "from")]
    public async Task GetHistory_BadInput_400NamesTheParameter(string query, string title, string field)
    {
        await ApiAssert.Problem(await _client.GetAsync("/api/v1/history?" + query, Cancel), HttpStatusCode.BadRequest, title, field);
    }
}

/// <summary>The same endpoints with no engine registered (the state of main until the rate engine lands).</summary>
public sealed class QuoteEndpointsWithoutEngineTests(LevyWebFactory factory) : IClassFixture<LevyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/quote?product=8703.23.01.90&origin=JP&date=2025-04-20")]
    [InlineData("/api/v1/history?product=8703.23.01.90&origin=JP")]
    public async Task Get_NoEngine_501Problem(string url)
    {
        await ApiAssert.Problem(await _client.GetAsync(url, TestContext.Current.CancellationToken), HttpStatusCode.NotImplemented, ProblemTitles.EngineUnavailable);
    }

    [Fact]
    public async Task GetQuote_NoEngine_InputIsStillChecked()
    {
        await ApiAssert.Problem(await _client.GetAsync("/api/v1/quote?product=8703.23.01.90&origin=Atlantis&date=2025-04-20", TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest, ProblemTitles.UnknownCountry, "origin", "Atlantis");
    }
}

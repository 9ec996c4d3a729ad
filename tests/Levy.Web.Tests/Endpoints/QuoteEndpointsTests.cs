using System.Net;
using System.Text.Json;
using Levy.Web.Endpoints;

namespace Levy.Web.Tests.Endpoints;

/// <summary>The quote and history endpoints against the real rate engine on the shared data.</summary>
public sealed class QuoteEndpointsTests(LevyWebFactory factory) : IClassFixture<LevyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetQuote_JapaneseCarInApril2025_27Point5PercentWithSection232Autos()
    {
        JsonElement quote = await ApiAssert.Json(await _client.GetAsync("/api/v1/quote?product=8703.23.01.30&origin=Japan&date=2025-04-20", Cancel));

        Assert.Equal("8703.23.01.30", quote.GetProperty("product").GetString());
        Assert.Equal("JP", quote.GetProperty("origin").GetString());
        Assert.Equal("Japan", quote.GetProperty("originName").GetString());
        Assert.Equal("27.5", quote.GetProperty("totalPercent").GetRawText());
        Assert.Contains("9903.94.01", quote.GetProperty("chapter99").EnumerateArray().Select(h => h.GetString()));
        JsonElement autos = quote.GetProperty("components").EnumerateArray().Single(c => c.TryGetProperty("heading", out JsonElement h) && h.GetString() == "9903.94.01");
        Assert.Equal("Section232", autos.GetProperty("authority").GetString());
        Assert.Equal("25", autos.GetProperty("percent").GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(autos.GetProperty("citation").GetString()));
        Assert.Equal("Mfn", quote.GetProperty("components")[0].GetProperty("authority").GetString());
        Assert.False(quote.TryGetProperty("trace", out _), "the trace comes only with explain=true");
    }

    [Fact]
    public async Task GetQuote_LaptopListedWholeAsAnAutoPart_StatesTheChoice()
    {
        JsonElement quote = await ApiAssert.Json(await _client.GetAsync("/api/v1/quote?product=8471.30.01.00&origin=DE&date=2025-10-01", Cancel));

        JsonElement choice = Assert.Single(quote.GetProperty("choices").EnumerateArray());
        Assert.Equal("not-a-vehicle-part", choice.GetProperty("condition").GetString());
        Assert.Equal("15", choice.GetProperty("assumedPercent").GetRawText());
        Assert.Equal("0", choice.GetProperty("declaredPercent").GetRawText());
    }

    [Fact]
    public async Task GetQuote_Explain_IncludesTheTrace()
    {
        JsonElement quote = await ApiAssert.Json(await _client.GetAsync("/api/v1/quote?product=8703.23.01.30&origin=JP&date=2025-04-20&explain=true", Cancel));

        Assert.NotEmpty(quote.GetProperty("trace").EnumerateArray());
    }

    [Fact]
    public async Task GetHistory_JapaneseCar_From2Point5To27Point5To15()
    {
        JsonElement history = await ApiAssert.Json(await _client.GetAsync(
            "/api/v1/history?product=8703.23.01.30&origin=JP&from=2025-01-01&to=2025-12-31", Cancel));

        JsonElement[] segments = [.. history.GetProperty("segments").EnumerateArray()];
        Assert.Equal("2025-01-01", segments[0].GetProperty("from").GetString());
        Assert.Equal("2025-12-31", segments[^1].GetProperty("to").GetString());
        string[] totals = [.. segments.Select(s => s.GetProperty("totalPercent").GetRawText()).Distinct()];
        Assert.Equal(["2.5", "27.5", "15"], totals);
        JsonElement autos = segments.First(s => s.GetProperty("totalPercent").GetRawText() == "27.5");
        Assert.Equal("2025-04-03", autos.GetProperty("from").GetString());
        Assert.Contains("9903.94.01", autos.GetProperty("chapter99").EnumerateArray().Select(h => h.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(autos.GetProperty("event").GetString()));
        for (int i = 1; i < segments.Length; i++)
        {
            Assert.Equal(DateOnly.Parse(segments[i - 1].GetProperty("to").GetString()!).AddDays(1), DateOnly.Parse(segments[i].GetProperty("from").GetString()!));
        }
    }

    [Theory]
    [InlineData("origin=JP&date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.MissingParameter, "product", null)]
    [InlineData("product=8703.23.01.30&date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.MissingParameter, "origin", null)]
    [InlineData("product=8703.2&origin=JP&date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.InvalidCode, "product", "8703.2")]
    [InlineData("product=8703&origin=JP&date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.InvalidQuoteRequest, "product", "8703")]
    [InlineData("product=8703.23.01.30&origin=Japn&date=2025-04-20", HttpStatusCode.BadRequest, ProblemTitles.UnknownCountry, "origin", "Japn")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-4-20", HttpStatusCode.BadRequest, ProblemTitles.InvalidDate, "date", "2025-4-20")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2024-06-01", HttpStatusCode.UnprocessableEntity, ProblemTitles.DateOutsideData, "date", "2024-06-01")]
    [InlineData("product=8703.23.01.99&origin=JP&date=2025-04-20", HttpStatusCode.NotFound, ProblemTitles.UnknownCode, "product", "8703.23.01.99")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&program=USMCA", HttpStatusCode.BadRequest, ProblemTitles.InvalidProgram, "program", "USMCA")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&program=KR", HttpStatusCode.BadRequest, ProblemTitles.InvalidQuoteRequest, "program", "KR")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&loadingDate=2025-05-01", HttpStatusCode.BadRequest, ProblemTitles.InvalidQuoteRequest, "loadingDate", "2025-05-01")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&declare=magic", HttpStatusCode.BadRequest, ProblemTitles.InvalidQuoteRequest, "declare", "magic")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&value=-5", HttpStatusCode.BadRequest, ProblemTitles.InvalidNumber, "value", "-5")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&steel=1.5", HttpStatusCode.BadRequest, ProblemTitles.InvalidNumber, "steel", "1.5")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&quantity=lots", HttpStatusCode.BadRequest, ProblemTitles.InvalidNumber, "quantity", "lots")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&mode=boat", HttpStatusCode.BadRequest, ProblemTitles.InvalidChoice, "mode", "boat")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&mode=1", HttpStatusCode.BadRequest, ProblemTitles.InvalidChoice, "mode", "1")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&explain=yes", HttpStatusCode.BadRequest, ProblemTitles.InvalidChoice, "explain", "yes")]
    [InlineData("product=8703.23.01.30&origin=JP&date=2025-04-20&loadingDate=soon", HttpStatusCode.BadRequest, ProblemTitles.InvalidDate, "loadingDate", "soon")]
    [InlineData("product=9903.94.01&origin=JP&date=2025-05-01", HttpStatusCode.BadRequest, ProblemTitles.InvalidQuoteRequest, "product", "9903.94.01")]
    [InlineData("product=8703.23.01.30&origin=US&date=2025-05-01", HttpStatusCode.BadRequest, ProblemTitles.InvalidQuoteRequest, "origin", "US")]
    [InlineData("product=8482.10.50.68&origin=DE&date=2025-10-01&steel=0.8&aluminum=0.8", HttpStatusCode.BadRequest, ProblemTitles.InvalidQuoteRequest, "steel,aluminum,copper", "0.8,0.8,")]
    public async Task GetQuote_BadInput_ProblemNamesTheParameter(string query, HttpStatusCode status, string title, string field, string? value)
    {
        await ApiAssert.Problem(await _client.GetAsync("/api/v1/quote?" + query, Cancel), status, title, field, value);
    }

    [Fact]
    public async Task GetQuote_UnknownProduct_404WithTheNearestCode()
    {
        JsonElement problem = await ApiAssert.Problem(await _client.GetAsync("/api/v1/quote?product=8703.23.01.99&origin=JP&date=2025-04-20", Cancel),
            HttpStatusCode.NotFound, ProblemTitles.UnknownCode, "product");

        Assert.StartsWith("8703.23.01.", problem.GetProperty("nearest").GetString());
    }

    [Theory]
    [InlineData("origin=JP", ProblemTitles.MissingParameter, "product")]
    [InlineData("product=8703.23.01.30&origin=JP&from=2025-06-01&to=2025-05-01", ProblemTitles.InvalidDateRange, "to")]
    [InlineData("product=8703.23.01.30&origin=JP&from=2025-13-01", ProblemTitles.InvalidDate, "from")]
    public async Task GetHistory_BadInput_400NamesTheParameter(string query, string title, string field)
    {
        await ApiAssert.Problem(await _client.GetAsync("/api/v1/history?" + query, Cancel), HttpStatusCode.BadRequest, title, field);
    }
}

using System.Net;
using System.Text.Json;
using Levy.Web.Endpoints;
using Microsoft.AspNetCore.Hosting;

namespace Levy.Web.Tests.Endpoints;

/// <summary>Effective-rate series and country comparisons from real panels of Japan, restricted to cars and rubber tubes
/// (<c>Levy:PanelProducts</c>) so that each panel builds in well under a second; the whole-schedule numbers are measured in
/// docs/web.md. The panels are built once for the class (one host, one cache).</summary>
public sealed class EtrEndpointsTests(PanelFactory factory) : IClassFixture<PanelFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static JsonElement StepOn(JsonElement series, string day) =>
        series.GetProperty("steps").EnumerateArray().Single(s => string.CompareOrdinal(s.GetProperty("from").GetString(), day) <= 0
            && string.CompareOrdinal(day, s.GetProperty("to").GetString()) <= 0);

    [Fact]
    public async Task GetEtr_JapanCarsAndTubes_15PercentOnOctober1UnderTheDealAndMoreWithout()
    {
        JsonElement actual = await ApiAssert.Json(await _client.GetAsync("/api/v1/etr?country=JP", Cancel));
        JsonElement noDeal = await ApiAssert.Json(await _client.GetAsync("/api/v1/etr?country=Japan&scenario=japan-no-deal", Cancel));

        Assert.Equal(("actual", "JP", "Japan"), (actual.GetProperty("scenario").GetString(), actual.GetProperty("country").GetString(), actual.GetProperty("countryName").GetString()));
        Assert.Equal(PanelFactory.Products, actual.GetProperty("productScope").EnumerateArray().Select(p => p.GetString()));
        JsonElement series = actual.GetProperty("series");
        Assert.Equal(("2025-01-01", "2026-12-31"), (series.GetProperty("from").GetString(), series.GetProperty("to").GetString()));
        JsonElement october = StepOn(series, "2025-10-01");
        Assert.Equal(0.15, october.GetProperty("total").GetDouble(), 6);   // cars 15% all-in (Section 232 deal), tubes at the 15% floor
        Assert.Equal(actual.GetProperty("products").GetInt32(), (int)october.GetProperty("pairs").GetDouble());
        double sum = october.GetProperty("byAuthority").EnumerateObject().Sum(a => a.Value.GetDouble());
        Assert.Equal(0.15, sum, 6);                                         // the components add up to the total
        double without = StepOn(noDeal.GetProperty("series"), "2025-10-01").GetProperty("total").GetDouble();
        Assert.InRange(without, 0.265, 0.275);                              // tubes 26.5% (24% Annex I), cars 27.5%
        Assert.Equal("japan-no-deal", noDeal.GetProperty("scenario").GetString());
    }

    [Fact]
    public async Task GetEtr_RangeAndOneAuthority_StepsWithinTheRangeShowingOnlyThatComponent()
    {
        JsonElement body = await ApiAssert.Json(await _client.GetAsync("/api/v1/etr?country=JP&from=2025-04-01&to=2025-04-30&authority=ieepareciprocal", Cancel));

        JsonElement[] steps = [.. body.GetProperty("series").GetProperty("steps").EnumerateArray()];
        Assert.Equal("2025-04-01", steps[0].GetProperty("from").GetString());
        Assert.Equal("2025-04-30", steps[^1].GetProperty("to").GetString());
        Assert.All(steps, s => Assert.Equal(["IeepaReciprocal"], s.GetProperty("byAuthority").EnumerateObject().Select(p => p.Name)));
        Assert.Contains(steps, s => s.GetProperty("from").GetString() == "2025-04-09"); // the one day of Annex I
        Assert.Contains(steps, s => s.GetProperty("from").GetString() == "2025-04-10"); // the pause
    }

    [Fact]
    public async Task CompareAggregate_JapanNoDeal_RaisesTheMeanFromApril10AndListsTheLargestChanges()
    {
        JsonElement c = await ApiAssert.Json(await _client.GetAsync("/api/v1/scenarios/compare/aggregate?base=actual&scenario=japan-no-deal&country=JP&top=3", Cancel));

        Assert.Equal(["JP"], c.GetProperty("countries").EnumerateArray().Select(x => x.GetString()));
        JsonElement aggregate = c.GetProperty("aggregate");
        Assert.True(aggregate.GetProperty("scenario").GetDouble() > aggregate.GetProperty("baseline").GetDouble());
        Assert.Equal(aggregate.GetProperty("scenario").GetDouble() - aggregate.GetProperty("baseline").GetDouble(), aggregate.GetProperty("difference").GetDouble(), 9);
        Assert.Equal("2025-04-10", c.GetProperty("differentFrom").GetString());  // tubes: no pause for Japan
        Assert.Equal("2026-12-31", c.GetProperty("differentUntil").GetString()); // cars: 27.5% instead of 15% to the end
        Assert.Equal(c.GetProperty("productsCompared").GetInt32(), c.GetProperty("productsChanged").GetInt32()); // every car and tube line rises
        JsonElement[] products = [.. c.GetProperty("products").EnumerateArray()];
        Assert.Equal(3, products.Length);
        Assert.All(products, p => Assert.True(p.GetProperty("difference").GetDouble() > 0));
        Assert.Equal([40, 87], c.GetProperty("chapters").EnumerateArray().Select(ch => ch.GetProperty("chapter").GetInt32()));
        Assert.True(c.GetProperty("seconds").GetDouble() >= 0);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, ProblemTitles.MissingParameter, "country")]
    [InlineData("country=EU", HttpStatusCode.BadRequest, ProblemTitles.InvalidChoice, "country")]
    [InlineData("country=all", HttpStatusCode.BadRequest, ProblemTitles.InvalidChoice, "country")]
    [InlineData("country=Atlantis", HttpStatusCode.BadRequest, ProblemTitles.UnknownCountry, "country")]
    [InlineData("country=US", HttpStatusCode.BadRequest, ProblemTitles.InvalidChoice, "country")]
    [InlineData("country=JP&authority=232", HttpStatusCode.BadRequest, ProblemTitles.InvalidChoice, "authority")]
    [InlineData("country=JP&from=2025-06-01&to=2025-05-01", HttpStatusCode.BadRequest, ProblemTitles.InvalidDateRange, "to")]
    [InlineData("country=JP&from=2025-6-1", HttpStatusCode.BadRequest, ProblemTitles.InvalidDate, "from")]
    [InlineData("country=JP&from=2024-12-01", HttpStatusCode.UnprocessableEntity, ProblemTitles.DateOutsideData, "from")]
    public async Task GetEtr_BadInput_ProblemNamesTheParameter(string query, HttpStatusCode status, string title, string field)
    {
        await ApiAssert.Problem(await _client.GetAsync("/api/v1/etr?" + query, Cancel), status, title, field);
    }

    [Fact]
    public async Task GetEtr_PanelNotBuiltWithinTheWait_503WithRetryAfterThenTheSeries()
    {
        await using var impatient = new ImpatientFactory();
        HttpClient client = impatient.CreateClient();

        HttpResponseMessage first = await client.GetAsync("/api/v1/etr?country=KR", Cancel);

        JsonElement problem = await ApiAssert.Problem(first, HttpStatusCode.ServiceUnavailable, ProblemTitles.NotReady);
        int retryAfter = problem.GetProperty("retryAfter").GetInt32();
        Assert.True(retryAfter >= 1);
        Assert.Equal(TimeSpan.FromSeconds(retryAfter), first.Headers.RetryAfter?.Delta);
        Assert.Contains("Korea", problem.Detail(), StringComparison.Ordinal);
        HttpResponseMessage later;
        int tries = 0;
        do
        {
            await Task.Delay(100, Cancel);
            later = await client.GetAsync("/api/v1/etr?country=KR", Cancel);
        }
        while (later.StatusCode == HttpStatusCode.ServiceUnavailable && ++tries < 300);

        JsonElement body = await ApiAssert.Json(later);
        Assert.Equal("KR", body.GetProperty("country").GetString());
    }

    /// <summary>A host that never waits for a panel, so the first request for one is answered 503.</summary>
    private sealed class ImpatientFactory : PanelFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Levy:PanelWaitSeconds", "0");
        }
    }
}

using System.Net;
using System.Text.Json;
using Levy.Web.Endpoints;

namespace Levy.Web.Tests.Endpoints;

public sealed class CatalogueEndpointsTests(LevyWebFactory factory) : IClassFixture<LevyWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetRevisions_ListsEveryRevisionInForceOrder()
    {
        JsonElement body = await ApiAssert.Json(await _client.GetAsync("/api/v1/revisions", Cancel));

        Assert.Equal("2025-01-01", body.GetProperty("firstDate").GetString());
        Assert.Equal("2026-12-31", body.GetProperty("horizon").GetString());
        JsonElement[] revisions = [.. body.GetProperty("revisions").EnumerateArray()];
        Assert.Equal(LevyWebFactory.Data.Catalogue.Revisions.Length, revisions.Length);
        Assert.Equal("2025_basic", revisions[0].GetProperty("id").GetString());
        Assert.Equal("2025 Basic", revisions[0].GetProperty("name").GetString());
        Assert.True(revisions.All(r => r.GetProperty("filePresent").GetBoolean()));
        JsonElement autos = revisions.Single(r => r.GetProperty("id").GetString() == "2025_rev_6");
        Assert.Equal("2025-04-03", autos.GetProperty("policyEffectiveDate").GetString());
        Assert.False(body.TryGetProperty("dataFolder", out _), "the server's folders are not shown to clients");
    }

    [Theory]
    [InlineData("jap", "JP")]
    [InlineData("JP", "JP")]
    [InlineData("5880", "JP")]
    [InlineData("south korea", "KR")]
    public async Task GetCountries_Query_BestMatchFirst(string q, string iso)
    {
        JsonElement body = await ApiAssert.Json(await _client.GetAsync($"/api/v1/countries?q={Uri.EscapeDataString(q)}", Cancel));

        Assert.Equal(q, body.GetProperty("query").GetString());
        JsonElement first = body.GetProperty("countries")[0];
        Assert.Equal(iso, first.GetProperty("iso").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("censusCode").GetString()));
    }

    [Fact]
    public async Task GetCountries_NoQuery_AllByName()
    {
        JsonElement body = await ApiAssert.Json(await _client.GetAsync("/api/v1/countries", Cancel));

        string[] names = [.. body.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
        Assert.True(names.Length > 200, $"{names.Length} countries");
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task GetCountry_Resolves_Or404WithTheNearest()
    {
        JsonElement japan = await ApiAssert.Json(await _client.GetAsync("/api/v1/countries/Japan", Cancel));
        JsonElement problem = await ApiAssert.Problem(await _client.GetAsync("/api/v1/countries/Japn", Cancel),
            HttpStatusCode.NotFound, ProblemTitles.UnknownCountry, "key", "Japn");

        Assert.Equal("JP", japan.GetProperty("iso").GetString());
        Assert.Equal("JP", problem.GetProperty("nearest").GetString());
    }

    [Fact]
    public async Task GetHealth_SaysWhereTheDataComesFrom()
    {
        JsonElement health = await ApiAssert.Json(await _client.GetAsync("/api/v1/health", Cancel));

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(LevyWebFactory.Data.Catalogue.Revisions.Length, health.GetProperty("revisions").GetInt32());
        Assert.Equal(TestData.UsesFolder ? "--data-dir" : "embedded bundle", health.GetProperty("dataSource").GetString());
        Assert.True(health.GetProperty("memory").GetProperty("heapMegabytes").GetInt64() > 0);
        Assert.True(health.GetProperty("memory").GetProperty("gcPauseMilliseconds").GetDouble() >= 0);
    }
}

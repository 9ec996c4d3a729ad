using System.Net;
using System.Text.Json;
using Levy.Core.Calculation;
using Levy.Web.Tests.Quotes;

namespace Levy.Web.Tests.Endpoints;

/// <summary>How the host reads a quote's query into a request, and what clients get when the engine fails, against a
/// stand-in engine (<see cref="FakeQuoteService"/>).</summary>
public sealed class QuoteRequestTests : IClassFixture<EngineFactory>
{
    private readonly FakeQuoteService _engine;
    private readonly HttpClient _client;

    public QuoteRequestTests(EngineFactory factory)
    {
        _engine = factory.Engine;
        _engine.Requests.Clear();
        _engine.Failure = null;
        _client = factory.CreateClient();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetQuote_OptionalInputs_ReachTheEngine()
    {
        await ApiAssert.Json(await _client.GetAsync(
            "/api/v1/quote?product=8703230190&origin=5880&date=2025-04-20&program=jp&loadingDate=2025-03-30&value=40000&mode=Vessel" +
            "&usContent=0.1&steel=0.2&aluminum=0.05&copper=0&stacking=additive&quantity=1500kg&quantity=2%20No.&declare=civil-aircraft", Cancel));

        QuoteRequest r = Assert.Single(_engine.Requests);
        Assert.Equal("8703.23.01.90", r.Product.ToString());
        Assert.Equal("JP", r.Origin.Value);
        Assert.Equal(new DateOnly(2025, 4, 20), r.EntryDate);
        Assert.Equal("JP", r.ClaimedProgram);
        Assert.Equal(new DateOnly(2025, 3, 30), r.LoadingDate);
        Assert.Equal(40000m, r.CustomsValue);
        Assert.Equal(TransportMode.Vessel, r.Mode);
        Assert.Equal(0.1m, r.UsContentShare);
        Assert.Equal(new MetalContent(0.2m, 0.05m, 0m), r.Metal);
        Assert.Equal(StackingMode.Additive, r.Stacking);
        Assert.Equal(["1500 kg", "2 No."], r.Quantities.Select(q => q.ToString()));
        Assert.Equal(["civil-aircraft"], r.Conditions);
    }

    [Fact]
    public async Task GetQuote_Defaults_LegalStackingNoProgramNoQuantities()
    {
        await ApiAssert.Json(await _client.GetAsync("/api/v1/quote?product=8703.23.01.90&origin=JP&date=2025-04-20", Cancel));

        QuoteRequest r = Assert.Single(_engine.Requests);
        Assert.Null(r.ClaimedProgram);
        Assert.Null(r.CustomsValue);
        Assert.Equal(StackingMode.Legal, r.Stacking);
        Assert.Empty(r.Quantities);
        Assert.Empty(r.Conditions);
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
}

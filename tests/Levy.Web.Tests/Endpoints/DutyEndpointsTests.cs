using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Levy.Web.Endpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Levy.Web.Tests.Endpoints;

/// <summary><c>POST /api/v1/duty</c>: entry lines in, one row per line out, in the same format, with the real engine.</summary>
public sealed class DutyEndpointsTests(DutyEndpointsTests.SmallBatchFactory factory) : IClassFixture<DutyEndpointsTests.SmallBatchFactory>
{
    private const int Limit = 4096;
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The host with a 4 KiB batch limit.</summary>
    public sealed class SmallBatchFactory : LevyWebFactory
    {
        /// <inheritdoc/>
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Levy:MaxBatchBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static StringContent Body(string text, string mediaType) => new(text, Encoding.UTF8, mediaType);

    [Fact]
    public async Task Post_CsvLinesOfTheCarFromJapan_OneCsvRowPerLineWithDutyAndFees()
    {
        string csv = "id,hts10,origin,value,entry_date,mode\nA1,8703.23.01.90,JP,40000,2025-04-20,vessel\nA2,8703.23.01.90,JP,\"$40,000\",2025-09-20,air\n";

        HttpResponseMessage response = await _client.PostAsync("/api/v1/duty", Body(csv, "text/csv"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        string[] lines = (await response.Content.ReadAsStringAsync(Cancel)).TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        string[] header = lines[0].Split(',');
        Dictionary<string, string> Row(int i) => header.Zip(lines[i].Split(',')).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("ok", Row(1)["status"]);
        Assert.Equal("11000.00", Row(1)["duty_total"]);
        Assert.Equal("50.00", Row(1)["hmf"]);
        Assert.Equal("A2", Row(2)["id"]);
        Assert.Equal("6000.00", Row(2)["duty_total"]);
        Assert.Equal("0.00", Row(2)["hmf"]);
    }

    [Fact]
    public async Task Post_JsonLinesWithABadLine_ErrorRowNamesTheFieldAndTheBatchGoesOn()
    {
        string jsonl = """
            {"id":"ok","hts10":"8703.23.01.90","origin":"JP","value":40000,"entry_date":"2025-04-20"}
            {"id":"bad","hts10":"8703.23.01.99","origin":"JP","value":40000,"entry_date":"2025-04-20"}
            {"id":"ok2","hts10":"8703.23.01.90","origin":"JP","value":1000,"entry_date":"2025-04-20"}
            """;

        HttpResponseMessage response = await _client.PostAsync("/api/v1/duty", Body(jsonl, "application/x-ndjson"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        JsonElement[] rows = [.. (await response.Content.ReadAsStringAsync(Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())];
        Assert.Equal(["ok", "bad", "ok2"], rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(11000m, rows[0].GetProperty("dutyTotal").GetDecimal());
        Assert.Equal("error", rows[1].GetProperty("status").GetString());
        Assert.Equal("hts10", rows[1].GetProperty("error").GetProperty("field").GetString());
        Assert.Contains("nearest: 8703.23.01.90", rows[1].GetProperty("error").GetProperty("reason").GetString());
        Assert.Equal("ok", rows[2].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Post_Compare_SaysWhereTheBillDiffers()
    {
        string csv = "id,hts10,origin,value,entry_date,mode,declared_duty_total\nB1,8703.23.01.90,JP,40000,2025-04-20,vessel,10000.00\n";

        string body = await (await _client.PostAsync("/api/v1/duty?compare=true", Body(csv, "text/csv"), Cancel)).Content.ReadAsStringAsync(Cancel);

        string[] lines = body.TrimEnd('\n').Split('\n');
        int compare = Array.IndexOf(lines[0].Split(','), "compare");
        Assert.True(compare >= 0, lines[0]);
        Assert.Equal("differ", lines[1].Split(',')[compare]);
    }

    [Fact]
    public async Task Post_WrongHeader_400BeforeAnyRow()
    {
        await ApiAssert.Problem(await _client.PostAsync("/api/v1/duty", Body("a;b\n1;2\n", "text/csv"), Cancel),
            HttpStatusCode.BadRequest, ProblemTitles.InvalidBatch, "header");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task Post_OtherMediaType_415(string mediaType)
    {
        HttpResponseMessage response = await _client.PostAsync("/api/v1/duty", Body("{}", mediaType), Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_DeclaredLengthOverTheLimit_413()
    {
        string csv = "id,hts10,origin,value,entry_date\n" + string.Concat(Enumerable.Repeat("A,8703.23.01.90,JP,40000,2025-04-20\n", 200));

        await ApiAssert.Problem(await _client.PostAsync("/api/v1/duty", Body(csv, "text/csv"), Cancel),
            HttpStatusCode.RequestEntityTooLarge, ProblemTitles.TooLarge);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimitOnKestrel_413()
    {
        using var kestrel = new SmallBatchFactory();
        kestrel.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        kestrel.StartServer();
        string address = kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        byte[] big = Encoding.UTF8.GetBytes("id,hts10,origin,value,entry_date\n" + string.Concat(Enumerable.Repeat("A,8703.23.01.90,JP,40000,2025-04-20\n", 200)));
        var content = new StreamContent(new UnknownLengthStream(big));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        HttpResponseMessage response = await client.PostAsync("/api/v1/duty", content, Cancel);

        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        await ApiAssert.Problem(response, HttpStatusCode.RequestEntityTooLarge, ProblemTitles.TooLarge);
    }

    [Theory]
    [InlineData("GET", "/api/v1/duty", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/v1/nothing-here", HttpStatusCode.NotFound)]
    public async Task OtherRequests_ProblemDocuments(string method, string url, HttpStatusCode status)
    {
        HttpResponseMessage response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Cancel);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    /// <summary>A stream that does not tell its length, so that HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

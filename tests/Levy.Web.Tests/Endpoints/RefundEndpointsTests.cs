using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Levy.Core.Refunds;
using Levy.Refunds.Generation;
using Microsoft.AspNetCore.Hosting;

namespace Levy.Web.Tests.Endpoints;

/// <summary><c>POST /api/v1/refunds/analyze</c>: an ES-003 export in, the checked summary out, with the real engine.</summary>
public sealed class RefundEndpointsTests(RefundEndpointsTests.RefundFactory factory) : IClassFixture<RefundEndpointsTests.RefundFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A generated export of about 1,200 rows.</summary>
    internal static readonly Lazy<string> Export = new(() =>
    {
        using var writer = new StringWriter();
        new Es003Generator(LevyWebFactory.Data.Engine, IeepaHeadings.From(LevyWebFactory.Data.Policy.Rulebook)).Write(writer, new GeneratorOptions { Rows = 1_200, Seed = 9 });
        return writer.ToString();
    });

    /// <summary>The host with a ledger to keep uploads in and a 256 KiB upload limit.</summary>
    public sealed class RefundFactory : LevyWebFactory
    {
        /// <summary>The ledger file.</summary>
        public string Ledger { get; } = Path.Combine(Directory.CreateTempSubdirectory("levy-web-ledger").FullName, "levy.db");

        /// <inheritdoc/>
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Refunds:Ledger", Ledger);
            builder.UseSetting("Refunds:MaxUploadBytes", (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task<HttpResponseMessage> Post(string body, string query, string type = "text/csv")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return await _client.PostAsync($"/api/v1/refunds/analyze?{query}", content, Cancel);
    }

    [Fact]
    public async Task Analyze_GeneratedExport_SummaryFlagsDeadlinesAndDeclarations()
    {
        HttpResponseMessage response = await Post(Export.Value, "name=es003.csv&asOf=2026-04-21");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        JsonElement a = doc.RootElement;
        Assert.False(a.GetProperty("stored").GetBoolean());
        JsonElement import = a.GetProperty("import");
        Assert.Equal(import.GetProperty("rows").GetInt32(), import.GetProperty("rowsInLines").GetInt32() + import.GetProperty("errorRows").GetInt32());
        Assert.Equal(import.GetProperty("linesAdded").GetInt32(), import.GetProperty("linesChecked").GetInt32());
        Assert.Equal(6, a.GetProperty("check").GetProperty("flags").GetArrayLength());
        decimal phase1 = a.GetProperty("byMonth").GetProperty("total").GetProperty("phase1").GetDecimal();
        Assert.Equal(phase1, a.GetProperty("declarations").EnumerateArray().Sum(d => d.GetProperty("ieepaPaid").GetDecimal()));
        Assert.All(a.GetProperty("declarations").EnumerateArray().SelectMany(d => d.GetProperty("entries").EnumerateArray()),
            e => Assert.True(EntryNumber.TryParse(e.GetString(), out _, out _)));
        Assert.NotEmpty(a.GetProperty("deadlines").GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Analyze_StoreTrue_KeepsItInTheConfiguredLedger_AndAgainChangesNothing()
    {
        HttpResponseMessage first = await Post(Export.Value, "store=true&asOf=2026-04-21");
        HttpResponseMessage second = await Post(Export.Value, "store=true&asOf=2026-04-21");

        using JsonDocument a = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Cancel));
        using JsonDocument b = JsonDocument.Parse(await second.Content.ReadAsStringAsync(Cancel));
        Assert.True(a.RootElement.GetProperty("stored").GetBoolean());
        Assert.True(File.Exists(factory.Ledger));
        int added = a.RootElement.GetProperty("import").GetProperty("linesAdded").GetInt32() + a.RootElement.GetProperty("import").GetProperty("linesUnchanged").GetInt32();
        Assert.Equal(0, b.RootElement.GetProperty("import").GetProperty("linesAdded").GetInt32());
        Assert.Equal(added, b.RootElement.GetProperty("import").GetProperty("linesUnchanged").GetInt32());
    }

    [Fact]
    public async Task Analyze_WrongHeader_ProblemNamingTheFileAndLine()
    {
        HttpResponseMessage response = await Post("Entry,Line\n1,2\n", "name=odd.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("header", doc.RootElement.GetProperty("field").GetString());
        Assert.StartsWith("odd.csv, line 1, header", doc.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("asOf=2026-13-01", "asOf")]
    [InlineData("rateClass=big", "rateClass")]
    [InlineData("store=maybe", "store")]
    public async Task Analyze_BadParameter_ProblemNamingIt(string query, string field)
    {
        HttpResponseMessage response = await Post(Export.Value, query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(field, doc.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Analyze_TooLargeOrWrongType_413And415()
    {
        HttpResponseMessage large = await Post(new string('x', 300 * 1024), "name=big.csv");
        HttpResponseMessage json = await Post("{}", "name=x.json", "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }
}

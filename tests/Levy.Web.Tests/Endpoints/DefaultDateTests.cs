using System.Text.Json;

namespace Levy.Web.Tests.Endpoints;

/// <summary>Without a date, the endpoints use today by the host's clock (an injected <see cref="TimeProvider"/>).</summary>
public sealed class DefaultDateTests(DefaultDateTests.ClockFactory factory) : IClassFixture<DefaultDateTests.ClockFactory>
{
    /// <summary>The host with its clock stopped at 2025-04-20, noon UTC.</summary>
    public sealed class ClockFactory() : ClockedFactory(new DateTimeOffset(2025, 4, 20, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetLine_NoDate_ReadsTheRevisionInForceToday()
    {
        HttpResponseMessage response = await factory.CreateClient().GetAsync("/api/v1/lines/8703.23.01.90", TestContext.Current.CancellationToken);

        JsonElement line = await ApiAssert.Json(response);
        Assert.Equal("2025-04-20", line.GetProperty("date").GetString());
        Assert.Equal("2025_rev_10", line.GetProperty("revision").GetString()); // governing in law on 2025-04-20, as a quote reads
    }

    [Fact]
    public async Task GetQuote_NoDate_QuotesToday()
    {
        HttpResponseMessage response = await factory.CreateClient().GetAsync("/api/v1/quote?product=8703.23.01.30&origin=JP", TestContext.Current.CancellationToken);

        JsonElement quote = await ApiAssert.Json(response);
        Assert.Equal("2025-04-20", quote.GetProperty("entryDate").GetString());
        Assert.Equal("27.5", quote.GetProperty("totalPercent").GetRawText());
    }
}

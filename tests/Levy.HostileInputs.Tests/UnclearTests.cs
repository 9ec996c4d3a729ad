extern alias web;

using System.Net;
using System.Text.Json;
using Levy.Cli;
using Levy.Core.Countries;
using Levy.Core.Inputs;
using Levy.HostileInputs.Tests.Support;

namespace Levy.HostileInputs.Tests;

/// <summary>Issue 12, "Unclear": messages that named a .NET type, misread a value, suggested the wrong thing, or answered
/// in the wrong shape. Each now says what was wrong and where, in the shape the caller asked for.</summary>
public sealed class UnclearTests
{
    [Fact]
    public void Rate_ValueNotANumber_NamesTheOptionAndTheValueNotADotNetType()
    {
        CliResult r = Hostile.Cli("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", "--value", "abc");

        string message = UserInputs.CustomsValue.Message(InputSurface.Cli, InputMessages.Format(InputMessages.NotAnAmount, "abc")) + ".";
        Assert.Equal((ExitCodes.InvalidInput, Hostile.UsageError(message, "rate")), (r.ExitCode, r.Error));
    }

    [Theory]
    [InlineData("--steel-share", "lots")]
    [InlineData("--us-content", "1.5")]
    public void Rate_ShareNotAShare_NamesTheOptionAndTheValue(string option, string value)
    {
        CliResult r = Hostile.Cli("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", option, value);

        InputField input = UserInputs.Find(InputSurface.Cli, option)!;
        Assert.Equal((ExitCodes.InvalidInput, Hostile.UsageError(input.Message(InputSurface.Cli, InputMessages.Format(InputMessages.NotAShare, value)) + ".", "rate")),
            (r.ExitCode, r.Error));
    }

    [Fact]
    public void Search_LimitNotANumber_NamesTheOptionAndItsBounds()
    {
        CliResult r = Hostile.Cli("search", "car", "--limit", "ten");

        Assert.Equal((ExitCodes.InvalidInput, Hostile.UsageError(UserInputs.SearchLimit.Message(InputSurface.Cli,
            InputMessages.Format(InputMessages.NotAnInteger, "ten", 1, 1_000)) + ".", "search")), (r.ExitCode, r.Error));
    }

    [Fact]
    public void Rate_QuantityOf1e400kg_IsAboveTheBoundNotOneOfAUnitE400kg()
    {
        CliResult r = Hostile.Cli("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", "--quantity", "1e400kg");

        string reason = InputMessages.Format(InputMessages.AboveMaximum, "1e400kg", InputBounds.MaxQuantity);
        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(UserInputs.Quantity.Message(InputSurface.Cli, reason) + ".")), (r.ExitCode, r.Error));
    }

    [Fact]
    public void Rate_QuantityWithAnExponent_IsRead()
    {
        CliResult r = Hostile.Cli("rate", "0402.99.90.00", "--origin", "AR", "--date", "2025-04-20", "--quantity", "1e3kg", "--value", "8000", "--json");

        Assert.Equal(ExitCodes.Success, r.ExitCode);
    }

    [Fact]
    public void Rate_OriginEu_SaysEuIsAGroupAndNamesItsMembers()
    {
        CliResult r = Hostile.Cli("rate", "8703.23.01.90", "--origin", "EU", "--date", "2025-04-20");

        var expected = new UnknownCountryException("EU", Hostile.Data.Countries.GroupMembers("EU"));
        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(expected.Message)), (r.ExitCode, r.Error));
        Assert.Contains("DE, GR", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetQuote_OriginEu_SaysEuIsAGroup()
    {
        using var web = new HostileWeb();

        using HttpResponseMessage response = await web.CreateClient().GetAsync("/api/v1/quote?product=8703.23.01.90&origin=EU&date=2025-04-20",
            TestContext.Current.CancellationToken);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new UnknownCountryException("EU", Hostile.Data.Countries.GroupMembers("EU")).Message, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public void Rate_ErrorWithJson_IsOneProblemDocumentOnStdoutAndTheMessageOnStderr()
    {
        CliResult r = Hostile.Cli("rate", "8703.23.01.90", "--origin", "XX", "--date", "2025-04-20", "--json");

        string message = Hostile.Data.Countries.Unknown("XX").Message;
        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(message)), (r.ExitCode, r.Error));
        using JsonDocument problem = JsonDocument.Parse(r.Output); // one document, nothing else
        Assert.Equal(CliMessages.TitleOf(ExitCodes.InvalidInput), problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(message, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(ExitCodes.InvalidInput, problem.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Rate_UsageErrorWithJson_IsOneProblemDocumentToo()
    {
        CliResult r = Hostile.Cli("rate", "8703.23.01.90", "--json");

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        using JsonDocument problem = JsonDocument.Parse(r.Output);
        Assert.Equal("Option '--origin' is required.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public void History_NotFoundWithJson_IsAProblemDocumentWithExitCodeThree()
    {
        CliResult r = Hostile.Cli("history", "0101.99.99.99", "--origin", "JP", "--json");

        using JsonDocument problem = JsonDocument.Parse(r.Output);
        Assert.Equal((ExitCodes.NotFound, CliMessages.TitleOf(ExitCodes.NotFound)), (r.ExitCode, problem.RootElement.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Search_EmptyWords_IsAUsageErrorNotNotFound(string words)
    {
        CliResult r = Hostile.Cli("search", words);

        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(CliMessages.SearchNeedsWords)), (r.ExitCode, r.Error));
    }

    [Fact]
    public async Task OpenApi_RequestHostHeader_IsNotCopiedIntoServers()
    {
        using var web = new HostileWeb();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example:666";

        using HttpResponseMessage response = await web.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        using JsonDocument doc = JsonDocument.Parse(text);
        Assert.Equal("/", Assert.Single(doc.RootElement.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "/")]
    [InlineData("TRACE", "/")]
    [InlineData("PUT", "/")]
    [InlineData("POST", "/index.html")]
    [InlineData("DELETE", "/levy.js")]
    public async Task Page_MethodOtherThanGet_Answers405WithAllow(string method, string path)
    {
        using var web = new HostileWeb();

        using HttpResponseMessage response = await web.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    public async Task PostDuty_BodyOfAnotherType_Answers415NamingTheHeader(string contentType)
    {
        using var web = new HostileWeb();

        using HttpResponseMessage response = await web.CreateClient().PostAsync("/api/v1/duty",
            new StringContent("id,hts10,origin,value,entry_date\n", System.Text.Encoding.UTF8, contentType), TestContext.Current.CancellationToken);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Content-Type", problem.RootElement.GetProperty("field").GetString());
        Assert.StartsWith(contentType, problem.RootElement.GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Get_IsStillThePage()
    {
        using var web = new HostileWeb();

        using HttpResponseMessage response = await web.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

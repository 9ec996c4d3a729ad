using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Levy.Web.Tests;

public sealed class OpenApiDocumentTests(LevyWebFactory factory) : IClassFixture<LevyWebFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task OpenApiDocument_MatchesExpectedFile()
    {
        HttpResponseMessage response = await factory.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        JsonNode document = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        ExpectedFile.Match(document.ToJsonString(Indented) + "\n", "openapi-v1", "json");
    }

    [Fact]
    public async Task OpenApiDocument_EveryOperationIsNamedSummarisedAndTagged_AndErrorsAreProblemDetails()
    {
        JsonNode document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Operation: o.Value!))).ToList();
        Assert.Contains(operations, o => o.Path == "/api/v1/quote");
        Assert.Contains(operations, o => o.Path == "/api/v1/lines/{code}");
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["operationId"]), $"{o.Path} has an operationId");
            Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["summary"]), $"{o.Path} has a summary");
            Assert.NotEmpty(o.Operation["tags"]!.AsArray());
            foreach ((string status, JsonNode? r) in o.Operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
            {
                Assert.True(r!["content"]?["application/problem+json"] is not null, $"{o.Path} {status} is a problem document");
            }
        });
    }
}

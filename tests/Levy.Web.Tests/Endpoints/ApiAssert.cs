using System.Net;
using System.Text.Json;

namespace Levy.Web.Tests.Endpoints;

/// <summary>Assertions on API responses: a JSON body with a status, or a problem document (RFC 9457) with its title and
/// the parameter it names.</summary>
internal static class ApiAssert
{
    /// <summary>Asserts a 200 JSON response and returns its body.</summary>
    internal static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem document with this status and title, naming <paramref name="field"/> (when given) and
    /// echoing <paramref name="value"/>; returns its body.</summary>
    internal static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string title, string? field = null, string? value = null)
    {
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), "a problem says what was wrong in detail");
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }

        if (value is not null)
        {
            Assert.Equal(value, problem.GetProperty("value").GetString());
        }

        return problem;
    }

    internal static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString()!;
}

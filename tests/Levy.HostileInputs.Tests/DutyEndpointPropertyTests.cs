using System.Net;
using System.Text;
using CsCheck;
using Levy.Data.Batch;
using Levy.HostileInputs.Tests.Support;

namespace Levy.HostileInputs.Tests;

/// <summary>The same promise over <c>POST /api/v1/duty</c> through the test host and the real engine: N rows in, N rows
/// out with their ids, status 200, and never a final <c>(batch)</c> record (nothing failed).</summary>
public sealed class DutyEndpointPropertyTests
{
    [Fact]
    public async Task PostDuty_AnyRows_OneRowOutPerRowInWithItsId()
    {
        using var web = new HostileWeb();
        HttpClient client = web.CreateClient();
        await HostileBatch.CsvText.SampleAsync(async input =>
        {
            using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(input.Text));
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

            using HttpResponseMessage response = await client.PostAsync("/api/v1/duty", body, TestContext.Current.CancellationToken);
            List<Dictionary<string, string>> rows = Csv.Read(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Enumerable.Range(0, input.Rows).Select(i => "r" + i), rows.Select(r => r["id"]));
            Assert.DoesNotContain(rows, r => r["error_field"] == BatchMessages.BatchField);
        }, iter: 40, threads: 1);
    }
}

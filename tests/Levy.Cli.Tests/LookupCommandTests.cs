using System.Text.Json;

namespace Levy.Cli.Tests;

public class LookupCommandTests
{
    [Fact]
    public void Lookup_JapaneseCarOnLiberationDayWeek_MatchesExpectedOutput()
    {
        CliRunner.Result r = CliRunner.Run("lookup", "8703.23.01.90", "--date", "2025-04-20");

        Assert.Equal(0, r.ExitCode);
        CliRunner.MatchesExpected(r.Output, "lookup-car-2025-04-20");
    }

    [Fact]
    public void Lookup_Json_IsOneDocumentWithTheRatesAndHeadings()
    {
        CliRunner.Result r = CliRunner.Run("lookup", "8703230190", "--revision", "2026_rev_10", "--json");

        Assert.Equal(0, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        JsonElement root = doc.RootElement;
        Assert.Equal("8703.23.01.90", root.GetProperty("code").GetString());
        Assert.Equal("2026_rev_10", root.GetProperty("revision").GetString());
        Assert.Equal("2.5%", root.GetProperty("general").GetProperty("printed").GetString());
        Assert.Equal("8703.23.01", root.GetProperty("rateSource").GetString());
        Assert.Contains(root.GetProperty("chapter99").EnumerateArray(), h => h.GetProperty("code").GetString() == "9903.88.01");
        Assert.Equal("", r.Error);
    }

    [Theory]
    [InlineData(new[] { "lookup", "8703.23.01.99", "--revision", "2026_rev_10" }, 3, "error: Unknown HTS code 8703.23.01.99 in 2026 Revision 10 (nearest: 8703.23.01.90).")]
    [InlineData(new[] { "lookup", "8703.2", "--revision", "2026_rev_10" }, 2, "error: \"8703.2\" is not an HTS code: it has 5 digits; a code has 2, 4, 6, 8 or 10.")]
    [InlineData(new[] { "lookup", "8703.23.01.90", "--date", "2024-12-31" }, 2, "error: No HTS revision covers 2024-12-31: the data covers 2025-01-01 to 2026-12-31.")]
    [InlineData(new[] { "lookup", "8703.23.01.90", "--date", "20/04/2025" }, 2, "error: --date \"20/04/2025\" is not a date: expected yyyy-MM-dd, e.g. 2025-04-20.")]
    [InlineData(new[] { "lookup", "8703.23.01.90", "--revision", "2025_rev_40" }, 3, "error: Unknown HTS revision 2025_rev_40; known for 2025: 2025_basic, 2025_rev_1,")]
    [InlineData(new[] { "lookup", "8703.23.01.90", "--revision", "2025_rev_7", "--date", "2025-04-20" }, 2, "error: Give either --date or --revision, not both.")]
    [InlineData(new[] { "lookup" }, 2, "error: Required argument missing for command: 'lookup'.")]
    public void Lookup_BadInput_ClearMessageAndExitCode(string[] args, int exitCode, string message)
    {
        CliRunner.Result r = CliRunner.Run(args);

        Assert.Equal(exitCode, r.ExitCode);
        Assert.StartsWith(message, r.Error);
        Assert.Equal("", r.Output);
    }
}

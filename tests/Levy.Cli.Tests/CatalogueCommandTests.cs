using System.Text.Json;

namespace Levy.Cli.Tests;

public class CatalogueCommandTests
{
    [Fact]
    public void Revisions_ListsAll44_WithDates()
    {
        CliRunner.Result r = CliRunner.Run("revisions", "--json");

        Assert.Equal(0, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        JsonElement revisions = doc.RootElement.GetProperty("revisions");
        Assert.Equal(44, revisions.GetArrayLength());
        JsonElement rev7 = revisions.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "2025_rev_7");
        Assert.Equal("2025-04-02", rev7.GetProperty("effectiveDate").GetString());
        Assert.Equal("2025-04-05", rev7.GetProperty("policyEffectiveDate").GetString());
        Assert.Equal("2025-04-02", rev7.GetProperty("lastDay").GetString());
        Assert.True(rev7.GetProperty("filePresent").GetBoolean());
    }

    [Fact]
    public void Revisions_Table_MatchesExpectedOutput()
    {
        CliRunner.Result r = CliRunner.Run("revisions");

        Assert.Equal(0, r.ExitCode);
        CliRunner.MatchesExpected(r.Output.Replace(CliRunner.Data.Location.ToString(), "<data>", StringComparison.Ordinal), "revisions");
    }

    [Fact]
    public void Search_PassengerCars_FindsHeading8703()
    {
        CliRunner.Result r = CliRunner.Run("search", "passenger", "motor", "vehicles", "spark", "ignition", "--revision", "2026_rev_10", "--json");

        Assert.Equal(0, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        var codes = doc.RootElement.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();
        Assert.Equal(10, codes.Count);
        Assert.StartsWith("8703", codes[0]);
    }

    [Fact]
    public void Search_NoMatch_ExitsNotFound()
    {
        CliRunner.Result r = CliRunner.Run("search", "zzzqqq", "--revision", "2026_rev_10");

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("No HTS line in 2026 Revision 10 matches \"zzzqqq\".", r.Output);
    }

    [Fact]
    public void Diff_LiberationDay_AddsReciprocalHeadings()
    {
        CliRunner.Result r = CliRunner.Run("diff", "2025_rev_6", "2025_rev_7", "--within", "9903", "--json");

        Assert.Equal(0, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        var added = doc.RootElement.GetProperty("added").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("9903.01.25", added);
        Assert.Contains("9903.01.53", added); // Japan 24%
        Assert.Empty(doc.RootElement.GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public void Diff_Table_MatchesExpectedOutput()
    {
        CliRunner.Result r = CliRunner.Run("diff", "2026_rev_4", "2026_rev_5", "--within", "9903.82");

        Assert.Equal(0, r.ExitCode);
        CliRunner.MatchesExpected(r.Output, "diff-2026-rev4-rev5-9903.82");
    }

    [Fact]
    public void Help_ListsCommandsAndExitCodes()
    {
        CliRunner.Result r = CliRunner.Run("--help");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("lookup", r.Output);
        Assert.Contains("search", r.Output);
        Assert.Contains("Exit codes: 0 success", r.Output);
    }
}

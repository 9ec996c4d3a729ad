using System.CommandLine;
using System.Text.Json;

namespace Levy.Cli.Tests.Commands;

/// <summary>Issue 10.6: what a newcomer tripped on.</summary>
public class NewcomerTests
{
    [Fact]
    public void Rate_Text_PrintsTheLegalCitationOfEveryComponent()
    {
        CliRunner.Result text = CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-09-20");
        using JsonDocument json = JsonDocument.Parse(CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-09-20", "--json").Output);
        string flat = CliRunner.Flat(text.Output);

        foreach (JsonElement c in json.RootElement.GetProperty("components").EnumerateArray())
        {
            string citation = c.GetProperty("citation").GetString()!;
            Assert.Contains($"Source: {citation}", flat, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2025-04-20")] // published: 2025 Rev. 12; governing in law: 2025 Rev. 10
    [InlineData("2025-09-20")]
    [InlineData("2026-05-10")] // published: 2026 Rev. 7; governing: 2026 Rev. 9, retroactive
    public void LookupAndRate_NameTheSameRevisionForADate(string date)
    {
        using JsonDocument rate = JsonDocument.Parse(CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP", "--date", date, "--json").Output);
        using JsonDocument lookup = JsonDocument.Parse(CliRunner.Run("lookup", "8703.23.01.90", "--date", date, "--json").Output);

        Assert.Equal(rate.RootElement.GetProperty("revision").GetString(), lookup.RootElement.GetProperty("revision").GetString());
    }

    [Fact]
    public void Lookup_WhenThePublishedRevisionDiffers_SaysWhy()
    {
        CliRunner.Result r = CliRunner.Run("lookup", "8703.23.01.90", "--date", "2025-04-20");
        string flat = CliRunner.Flat(r.Output);

        Assert.Contains("HTS 2025 Revision 10 — governs entries 2025-04-15 → 2025-05-02", flat, StringComparison.Ordinal);
        Assert.Contains("On 2025-04-20 the schedule in force by publication was 2025 Revision 12", flat, StringComparison.Ordinal);
        Assert.Contains("`levy rate` reads the same revision.", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void History_MergesPeriodsThatReadAlikeAndNamesTheirRevisions()
    {
        using JsonDocument doc = JsonDocument.Parse(CliRunner.Run("history", "8703.23.01.90", "--origin", "JP", "--json").Output);
        JsonElement[] segments = [.. doc.RootElement.GetProperty("segments").EnumerateArray()];

        for (int i = 1; i < segments.Length; i++)
        {
            bool alike = segments[i].GetProperty("totalPercent").GetRawText() == segments[i - 1].GetProperty("totalPercent").GetRawText()
                && segments[i].GetProperty("duties").GetRawText() == segments[i - 1].GetProperty("duties").GetRawText()
                && segments[i].GetProperty("chapter99").GetRawText() == segments[i - 1].GetProperty("chapter99").GetRawText();
            Assert.False(alike, $"segments {i - 1} and {i} read alike but are not merged");
        }

        // 2025-09-16 to 2026-02-23 reads alike under the text of ten revisions: one row that names the first and the last.
        JsonElement deal = segments.Single(s => s.GetProperty("from").GetString() == "2025-09-16");
        Assert.Equal("2025_rev_23", deal.GetProperty("revision").GetString());
        Assert.Equal("2026_rev_3", deal.GetProperty("lastRevision").GetString());
        Assert.Equal("2025_rev_23 – 2026_rev_3", deal.GetProperty("revisions").GetString());
    }

    [Fact]
    public void History_Text_ShowsTheRevisionRangeOfEachRow()
    {
        CliRunner.Result r = CliRunner.Run("history", "8703.23.01.90", "--origin", "JP");

        Assert.Contains("2025_rev_23 – 2026_rev_3", r.Output, StringComparison.Ordinal);
        Assert.Contains("declares 9903.01.33 (no duty)", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DutyHelp_SaysTheDateDefaultsToToday_AndItDoes()
    {
        CliRunner.Result help = CliRunner.Run("duty", "--help");
        CliRunner.Result withoutDate = CliRunner.Run("duty", "8703.23.01.90", "--origin", "JP", "--value", "40000", "--json");

        Assert.Contains("Default: today.", help.Output, StringComparison.Ordinal);
        Assert.Equal(0, withoutDate.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(withoutDate.Output);
        Assert.Equal("2026-12-02", doc.RootElement.GetProperty("entryDate").GetString());
    }

    [Fact]
    public void Formula_DiffIsMeasuredFromTheRoundedRatePrintedBesideIt()
    {
        using JsonDocument doc = JsonDocument.Parse(CliRunner.Run("formula", "--compare", "--json").Output);
        CliRunner.Result text = CliRunner.Run("formula", "--compare");

        foreach (JsonElement p in doc.RootElement.GetProperty("partners").EnumerateArray())
        {
            Assert.Equal(p.GetProperty("roundedUp").GetDecimal() - p.GetProperty("published").GetDecimal(), p.GetProperty("difference").GetDecimal());
        }

        // Japan: the formula gives 23.11%, rounded up 24.00%, published 24.00%: the difference printed is 0.00 pts.
        string japan = text.Output.Split('\n').Single(l => l.TrimStart().StartsWith("Japan", StringComparison.Ordinal));
        Assert.Matches(@"23\.11%\s+24\.00%\s+24\.00%\s+0\.00 pts", japan);
    }
}

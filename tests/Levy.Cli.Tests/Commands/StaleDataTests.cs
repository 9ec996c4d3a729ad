using System.Text.Json;

namespace Levy.Cli.Tests.Commands;

/// <summary>Issue 9.8: an answer about a date after the newest revision's publication (2026 Revision 10, 2026-06-08) says
/// which revision it read, how old the data is and how to update, on every command; <c>--json</c> carries dataAsOf and
/// stale. The tests run on 2026-12-02 (<see cref="CliRunner.Today"/>).</summary>
public class StaleDataTests
{
    private const string Notice = "Data may be out of date: this answer reads HTS 2026 Revision 10, the newest revision Levy has, published 2026-06-08 (177";

    [Fact]
    public void Rate_Today_SaysFirstThatTheDataMayBeOutOfDate()
    {
        CliRunner.Result r = CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith(Notice, r.Output, StringComparison.Ordinal);
        Assert.Contains("Update with `levy data sync`.", CliRunner.Flat(r.Output), StringComparison.Ordinal);
        Assert.Contains("entered 2026-12-02", r.Output, StringComparison.Ordinal); // today by the injected clock
    }

    [Fact]
    public void Rate_Json_CarriesDataAsOfStaleAndTheNotice()
    {
        using JsonDocument stale = JsonDocument.Parse(CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP", "--date", "2026-10-01", "--json").Output);
        using JsonDocument fresh = JsonDocument.Parse(CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", "--json").Output);

        Assert.Equal("2026-06-08", stale.RootElement.GetProperty("dataAsOf").GetString());
        Assert.True(stale.RootElement.GetProperty("stale").GetBoolean());
        Assert.StartsWith("Data may be out of date", stale.RootElement.GetProperty("dataNotice").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-06-08", fresh.RootElement.GetProperty("dataAsOf").GetString());
        Assert.False(fresh.RootElement.GetProperty("stale").GetBoolean());
        Assert.False(fresh.RootElement.TryGetProperty("dataNotice", out _));
    }

    [Fact]
    public void Rate_BeforeThePublication_NoNotice()
    {
        CliRunner.Result r = CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP", "--date", "2026-06-08");

        Assert.DoesNotContain("out of date", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_AgeFollowsTheClock()
    {
        CliRunner.Result r = CliRunner.RunOn(new DateTimeOffset(2026, 7, 8, 12, 0, 0, TimeSpan.Zero), "rate", "8703.23.01.90", "--origin", "JP");

        Assert.Contains("entered 2026-07-08", r.Output, StringComparison.Ordinal);
        Assert.Contains("(30 days ago)", CliRunner.Flat(r.Output), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SaysItToo()
    {
        CliRunner.Result r = CliRunner.Run("explain", "8703.23.01.90", "--origin", "JP", "--date", "2026-09-01");

        Assert.StartsWith(Notice, r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void History_ToTheEndOfTheData_SaysItAndCarriesTheFlags()
    {
        CliRunner.Result text = CliRunner.Run("history", "8703.23.01.90", "--origin", "JP");
        using JsonDocument json = JsonDocument.Parse(CliRunner.Run("history", "8703.23.01.90", "--origin", "JP", "--json").Output);
        using JsonDocument early = JsonDocument.Parse(CliRunner.Run("history", "8703.23.01.90", "--origin", "JP", "--to", "2025-12-31", "--json").Output);

        Assert.StartsWith(Notice, text.Output, StringComparison.Ordinal);
        Assert.Contains("2026-12-31 is after that", CliRunner.Flat(text.Output), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("stale").GetBoolean());
        Assert.False(early.RootElement.GetProperty("stale").GetBoolean());
    }

    [Fact]
    public void Lookup_ByDateAfterThePublication_SaysIt_ByRevisionDoesNot()
    {
        CliRunner.Result byDate = CliRunner.Run("lookup", "8703.23.01.90", "--date", "2026-11-01");
        CliRunner.Result byName = CliRunner.Run("lookup", "8703.23.01.90", "--revision", "2026_rev_10");

        Assert.StartsWith(Notice, byDate.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("out of date", byName.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Duty_AfterThePublication_SaysItAndUsesTheFy2027MpfFigures()
    {
        CliRunner.Result r = CliRunner.Run("duty", "8703.23.01.90", "--origin", "JP", "--value", "5000", "--date", "2026-10-05");
        using JsonDocument json = JsonDocument.Parse(CliRunner.Run("duty", "8703.23.01.90", "--origin", "JP", "--value", "5000", "--date", "2026-10-05", "--json").Output);

        Assert.Equal(0, r.ExitCode); // refused every entry after 2026-09-30 before FY2027's figures were added
        Assert.StartsWith(Notice, r.Output, StringComparison.Ordinal);
        Assert.Contains("(FY2027: min $34.58, max $670.86)", r.Output, StringComparison.Ordinal);
        Assert.Contains("FR Doc. 2026-15530", CliRunner.Flat(r.Output), StringComparison.Ordinal);
        Assert.Equal(34.58m, json.RootElement.GetProperty("mpf").GetProperty("amount").GetDecimal()); // $17.32 raised to the minimum
        Assert.True(json.RootElement.GetProperty("stale").GetBoolean());
        Assert.Equal("2026-06-08", json.RootElement.GetProperty("dataAsOf").GetString());
    }

    [Fact]
    public void DutyBatch_RowsSayStaleAndTheSummaryCountsThem()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("levy-duty").FullName, "lines.csv");
        File.WriteAllText(file, "id,hts10,origin,value,entry_date\nA,8703.23.01.90,JP,40000,2025-04-20\nB,8703.23.01.90,JP,40000,2026-11-02\n");

        CliRunner.Result r = CliRunner.Run("duty", "--file", file);

        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Output.TrimEnd().Split('\n');
        int stale = Array.IndexOf(lines[0].Split(','), "stale");
        Assert.True(stale > 0, lines[0]);
        Assert.Equal("false", lines[1].Split(',')[stale]);
        Assert.Equal("true", lines[2].Split(',')[stale]);
        Assert.Contains("1 line is entered after 2026-06-08 (column stale): Data may be out of date", r.Error, StringComparison.Ordinal);
    }
}

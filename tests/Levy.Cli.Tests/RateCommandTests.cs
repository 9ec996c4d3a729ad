using System.Text.Json;

namespace Levy.Cli.Tests;

public class RateCommandTests
{
    [Fact]
    public void Rate_JapaneseCar_MatchesExpectedOutput()
    {
        CliRunner.Result r = CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20");

        Assert.Equal(0, r.ExitCode);
        CliRunner.MatchesExpected(r.Output, "rate-car-jp-2025-04-20");
    }

    [Fact]
    public void Rate_Json_CarriesComponentsHeadingsAndTotal()
    {
        CliRunner.Result r = CliRunner.Run("rate", "8703230190", "--origin", "Japan", "--date", "2025-09-20", "--json");

        Assert.Equal(0, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        JsonElement root = doc.RootElement;
        Assert.Equal(15m, root.GetProperty("totalPercent").GetDecimal()); // percent, like RateView.percent
        Assert.Equal("JP", root.GetProperty("origin").GetString());
        Assert.Contains(root.GetProperty("chapter99").EnumerateArray(), h => h.GetString() == "9903.94.41");
        Assert.False(root.TryGetProperty("trace", out _)); // only with explain / --verbose
    }

    [Theory]
    [InlineData("9903.94.01", "JP", "is a Chapter 99 heading")]
    [InlineData("8703.23.01.90", "US", "9801.00.10")]
    public void Rate_Chapter99HeadingOrUnitedStatesOrigin_IsRefusedWithWhatToQuote(string code, string origin, string hint)
    {
        CliRunner.Result r = CliRunner.Run("rate", code, "--origin", origin, "--date", "2025-05-01");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(hint, r.Error);
    }

    [Fact]
    public void Rate_MetalSharesAboveTheValue_AreRefused()
    {
        CliRunner.Result r = CliRunner.Run("rate", "8482.10.50.68", "--origin", "DE", "--date", "2025-10-01", "--steel-share", "0.8", "--aluminum-share", "0.8");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("add up to 1.6", r.Error);
    }

    [Fact]
    public void Rate_ADefaultThatDecidesTheRate_IsStatedBeforeTheComponents()
    {
        CliRunner.Result r = CliRunner.Run("rate", "8471.30.01.00", "--origin", "DE", "--date", "2025-10-01");

        Assert.Equal(0, r.ExitCode);
        int choice = r.Output.IndexOf("Choice: 15% as quoted", StringComparison.Ordinal);
        Assert.True(choice > 0, r.Output);
        Assert.True(choice < r.Output.IndexOf("Heading", StringComparison.Ordinal), "the choice comes before the table");
        Assert.Contains("--declare not-a-vehicle-part): 0%", System.Text.RegularExpressions.Regex.Replace(r.Output, @"\s+", " "));
    }

    [Fact]
    public void Explain_ListsTheRulesConsulted()
    {
        CliRunner.Result r = CliRunner.Run("explain", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Rules consulted:", r.Output);
        Assert.Contains("Slot s232:", r.Output);
        Assert.Contains("legal timeline", r.Output);
    }

    [Fact]
    public void History_JapaneseCar_TellsTheSeedStory()
    {
        CliRunner.Result r = CliRunner.Run("history", "8703.23.01.90", "--origin", "JP", "--json");

        Assert.Equal(0, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        var totals = doc.RootElement.GetProperty("segments").EnumerateArray()
            .Select(s => s.GetProperty("totalPercent").GetDecimal()).Distinct().ToList();
        Assert.Equal([2.5m, 27.5m, 15m], totals);
        JsonElement first275 = doc.RootElement.GetProperty("segments").EnumerateArray().First(s => s.GetProperty("totalPercent").GetDecimal() == 27.5m);
        Assert.Equal("2025-04-03", first275.GetProperty("from").GetString());
    }

    [Fact]
    public void Rate_UnderAScenario_SaysSoAndChargesTheScenariosDuty()
    {
        CliRunner.Result actual = CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-10-01", "--json");
        CliRunner.Result noDeal = CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-10-01", "--scenario", "japan-no-deal", "--json");

        Assert.Equal(0, noDeal.ExitCode);
        using JsonDocument a = JsonDocument.Parse(actual.Output);
        using JsonDocument n = JsonDocument.Parse(noDeal.Output);
        Assert.Equal("actual", a.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(15m, a.RootElement.GetProperty("totalPercent").GetDecimal());
        Assert.Equal("japan-no-deal", n.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(27.5m, n.RootElement.GetProperty("totalPercent").GetDecimal());
    }

    [Fact]
    public void History_UnderAScenario_NeverFallsTo15Percent()
    {
        CliRunner.Result r = CliRunner.Run("history", "8703.23.01.90", "--origin", "JP", "--scenario", "japan-no-deal");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("scenario japan-no-deal", r.Output, StringComparison.Ordinal);
        Assert.Contains("27.5%", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" 15%", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_UnknownScenario_NamesTheKnownOnes()
    {
        CliRunner.Result r = CliRunner.Run("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-10-01", "--scenario", "japan-deal");

        Assert.Equal(ExitCodes.NotFound, r.ExitCode);
        Assert.Contains("japan-no-deal", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "rate", "8703.23.01.90", "--origin", "Japn", "--date", "2025-04-20" }, 2, "error: Unknown country \"Japn\" (did you mean Japan, JP?).")]
    [InlineData(new[] { "rate", "8703.23.01.99", "--origin", "JP", "--date", "2025-04-20" }, 3, "error: Unknown HTS code 8703.23.01.99 in 2025 Revision 10 (nearest: 8703.23.01.90).")]
    [InlineData(new[] { "rate", "8703.23.01.90", "--origin", "JP", "--date", "2027-01-05" }, 2, "error: No HTS revision covers 2027-01-05: the data covers 2025-01-01 to 2026-12-31.")]
    [InlineData(new[] { "rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", "--program", "KR" }, 2, "error: United States-Korea Free Trade Agreement (KORUS) (KR) cannot be claimed for products of JP")]
    [InlineData(new[] { "rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", "--steel-share", "1.5" }, 2, "error: --steel-share \"1.5\" is not a share between 0 and 1 (or 0% to 100%).")]
    [InlineData(new[] { "rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", "--quantity", "many" }, 2, "error: --quantity \"many\" is not a quantity with a unit")]
    [InlineData(new[] { "rate", "8703.23.01.90", "--date", "2025-04-20" }, 2, "error: Option '--origin' is required.")]
    public void Rate_BadInput_ClearMessageAndExitCode(string[] args, int exitCode, string message)
    {
        CliRunner.Result r = CliRunner.Run(args);

        Assert.Equal(exitCode, r.ExitCode);
        Assert.StartsWith(message, r.Error);
    }
}

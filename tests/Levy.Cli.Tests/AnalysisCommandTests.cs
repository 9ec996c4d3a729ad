using System.Text.Json;

namespace Levy.Cli.Tests;

/// <summary>The analysis commands end to end, on small ranges so that the suite stays fast.</summary>
public class AnalysisCommandTests
{
    [Fact]
    public void Formula_Compare_ReproducesTheAnnexRatesWithinAPoint()
    {
        CliRunner.Result r = CliRunner.Run("formula", "--compare", "--json");

        Assert.Equal(0, r.ExitCode);
        var partners = JsonDocument.Parse(r.Output).RootElement.GetProperty("partners").EnumerateArray().ToDictionary(p => p.GetProperty("partner").GetString()!);
        foreach (string iso in new[] { "CN", "VN", "JP", "IN", "TW", "KR", "GB" })
        {
            Assert.True(partners[iso].GetProperty("withinOnePoint").GetBoolean(), iso);
        }

        Assert.Equal(0.34m, partners["CN"].GetProperty("roundedUp").GetDecimal());
    }

    [Fact]
    public void Formula_PassThroughOfTheCitedStudy_PutsChinaAtTheFloor()
    {
        CliRunner.Result r = CliRunner.Run("formula", "--pass-through", "0.945", "--json");

        var china = JsonDocument.Parse(r.Output).RootElement.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("partner").GetString() == "CN");
        Assert.Equal(0.1m, china.GetProperty("rate").GetDecimal());
    }

    [Fact]
    public void ScenarioList_NamesEveryScenario()
    {
        CliRunner.Result r = CliRunner.Run("scenario", "list");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("japan-no-deal: Japan gets no deal", r.Output, StringComparison.Ordinal);
        Assert.Contains("s122-extended", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioCompare_UnknownScenario_IsNotFound()
    {
        CliRunner.Result r = CliRunner.Run("scenario", "compare", "actual", "japan-deal", "--country", "JP");

        Assert.Equal(ExitCodes.NotFound, r.ExitCode);
        Assert.Contains("japan-no-deal", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Etr_OneCountryOneMonth_GivesTheStepsOfApril2025()
    {
        CliRunner.Result r = CliRunner.Run("etr", "--country", "JP", "--from", "2025-04-01", "--to", "2025-04-30", "--json");

        Assert.Equal(0, r.ExitCode);
        JsonElement group = JsonDocument.Parse(r.Output).RootElement.GetProperty("groups")[0];
        var starts = group.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("from").GetString()).ToList();
        Assert.Contains("2025-04-05", starts); // the 10% baseline
        Assert.Contains("2025-04-09", starts); // the one day of Annex I
        Assert.Contains("2025-04-10", starts); // the pause
    }

    [Fact]
    public void PanelBuildThenQuery_SmallPanel_AnswersSql()
    {
        string folder = Directory.CreateTempSubdirectory("levy-cli-panel-").FullName;
        try
        {
            string panel = Path.Combine(folder, "p.parquet");
            CliRunner.Result build = CliRunner.Run("panel", "build", "--out", panel, "--csv", Path.Combine(folder, "p.csv"), "--products", "8703.23,4009.11",
                "--country", "JP,CN", "--from", "2025-09-01", "--to", "2025-10-31", "--json");
            CliRunner.Result query = CliRunner.Run("panel", "query", "SELECT hts10, total FROM panel WHERE country = 'JP' AND hts10 = '8703230190' ORDER BY valid_from",
                "--panel", panel, "--json");

            Assert.Equal(0, build.ExitCode);
            Assert.Equal(0, query.ExitCode);
            JsonElement rows = JsonDocument.Parse(query.Output).RootElement.GetProperty("rows");
            Assert.Equal([0.275, 0.15], rows.EnumerateArray().Select(row => Math.Round(row[1].GetDouble(), 6)));
            long written = JsonDocument.Parse(build.Output).RootElement.GetProperty("rows").GetInt64();
            Assert.Equal(written + 1, File.ReadAllLines(Path.Combine(folder, "p.csv")).Length);

            // A cell that is no plain value (a list, a struct) is written as its text, as the table shows it.
            CliRunner.Result nested = CliRunner.Run("panel", "query", "SELECT [1, 2] AS list, {'a': 3} AS pair, 4 AS n FROM panel LIMIT 1", "--panel", panel, "--json");
            Assert.True(nested.ExitCode == 0, nested.Error);
            JsonElement cells = JsonDocument.Parse(nested.Output).RootElement.GetProperty("rows")[0];
            Assert.Equal(JsonValueKind.String, cells[0].ValueKind);
            Assert.Contains("1", cells[0].GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.String, cells[1].ValueKind);
            Assert.Equal(4, cells[2].GetInt32());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void PanelBuild_WithUnitValues_SpecificRatesGetFlaggedEquivalents()
    {
        string folder = Directory.CreateTempSubdirectory("levy-cli-panel-").FullName;
        string example = Path.Combine(CliRunner.RepositoryRoot, "docs", "examples", "unit-values.csv");
        try
        {
            string with = Path.Combine(folder, "with.parquet"), without = Path.Combine(folder, "without.parquet");
            string[] common = ["--products", "0201.30.50.15", "--country", "AU", "--from", "2025-10-01", "--to", "2025-10-01", "--json"];
            CliRunner.Result a = CliRunner.Run(["panel", "build", "--out", with, "--unit-values", example, .. common]);
            CliRunner.Result b = CliRunner.Run(["panel", "build", "--out", without, .. common]);
            const string Sql = "SELECT mfn, needs_value, ave_estimated FROM panel";

            Assert.Equal(0, a.ExitCode);
            Assert.Contains("unit-values.csv (10 codes)", a.Output, StringComparison.Ordinal);
            JsonElement estimated = JsonDocument.Parse(CliRunner.Run("panel", "query", Sql, "--panel", with, "--json").Output).RootElement.GetProperty("rows")[0];
            JsonElement plain = JsonDocument.Parse(CliRunner.Run("panel", "query", Sql, "--panel", without, "--json").Output).RootElement.GetProperty("rows")[0];
            Assert.Equal(0.044 / 12, estimated[0].GetDouble(), 9); // 4.4¢/kg at the example's $12.00 a kg
            Assert.False(estimated[1].GetBoolean());
            Assert.True(estimated[2].GetBoolean());
            Assert.Equal(0d, plain[0].GetDouble());
            Assert.True(plain[1].GetBoolean());
            Assert.False(plain[2].GetBoolean());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Etr_WithUnitValues_ReportsTheEstimatedShare_AndABadFileIsNamed()
    {
        string folder = Directory.CreateTempSubdirectory("levy-cli-uv-").FullName;
        try
        {
            string file = Path.Combine(folder, "uv.csv");
            File.WriteAllText(file, "hts10,unit,usd_per_unit,source\n0201.30.50,kg,-1,test\n");

            CliRunner.Result bad = CliRunner.Run("etr", "--country", "AU", "--from", "2025-10-01", "--to", "2025-10-01", "--unit-values", file);

            Assert.Equal(ExitCodes.InvalidInput, bad.ExitCode);
            Assert.Contains("--unit-values: uv.csv, line 2", bad.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void ChartHistory_WritesPngAndSvg()
    {
        string folder = Directory.CreateTempSubdirectory("levy-cli-chart-").FullName;
        try
        {
            string stem = Path.Combine(folder, "car");
            CliRunner.Result r = CliRunner.Run("chart", "history", "8703.23.01.90", "--origin", "JP", "--out", stem);

            Assert.Equal(0, r.ExitCode);
            Assert.True(new FileInfo(stem + ".png").Length > 10_000);
            Assert.True(new FileInfo(stem + ".svg").Length > 10_000);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}

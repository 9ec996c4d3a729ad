using System.CommandLine;
using System.Text.Json;
using Levy.Cli.Commands;

namespace Levy.Cli.Tests;

public class DutyCommandTests
{
    [Fact]
    public void Duty_JapaneseCarLiberationDayWeek_PrintsTheEntrySummaryLines()
    {
        CliRunner.Result r = CliRunner.Run("duty", "8703.23.01.90", "--origin", "JP", "--value", "40000", "--date", "2025-04-20");

        Assert.Equal(0, r.ExitCode);
        CliRunner.MatchesExpected(r.Output, "duty-car-2025-04-20");
    }

    [Fact]
    public void Duty_Json_OneDocumentWithLinesFeesAndTotal()
    {
        CliRunner.Result r = CliRunner.Run("duty", "8703.23.01.90", "--origin", "JP", "--value", "$40,000", "--date", "2025-09-20", "--mode", "vessel", "--json");

        Assert.Equal(0, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        JsonElement root = doc.RootElement;
        Assert.Equal(6_000m, root.GetProperty("duty").GetDecimal());          // docs/domain.md, "Worked examples" (Japan): $6,000 on 2025-09-20
        Assert.Equal(138.56m, root.GetProperty("mpf").GetProperty("amount").GetDecimal());
        Assert.Equal(50m, root.GetProperty("hmf").GetProperty("amount").GetDecimal());
        Assert.Equal(6_188.56m, root.GetProperty("total").GetDecimal());
        Assert.Equal("8703.23.01.90", root.GetProperty("lines").EnumerateArray().Last().GetProperty("number").GetString());
    }

    [Theory]
    [InlineData(new[] { "duty", "8703.23.01.90", "--value", "40000", "--date", "2025-04-20" }, "error: --origin is required for one line.")]
    [InlineData(new[] { "duty", "8703.23.01.90", "--origin", "JP", "--value", "forty", "--date", "2025-04-20" }, "error: --value \"forty\" is not an amount in USD")]
    [InlineData(new[] { "duty", "0402.99.90.00", "--origin", "AR", "--value", "8000", "--date", "2025-04-20" }, "error: --quantity: the rate \"46.3¢/kg + 14.9%\" needs a quantity in kg")]
    [InlineData(new[] { "duty", "--file", "no-such-file.csv" }, "error: --file: no-such-file.csv does not exist.")]
    [InlineData(new[] { "duty", "--file", "x.csv", "--json" }, "error: --json with --file needs --output")]
    public void Duty_BadInput_ClearMessageAndExitCode(string[] args, string message)
    {
        CliRunner.Result r = CliRunner.Run(args);

        Assert.NotEqual(0, r.ExitCode);
        Assert.StartsWith(message, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Duty_FileWithCompare_RowsOnStdoutSummaryOnStderr()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("levy-duty").FullName, "bill.csv");
        File.WriteAllText(file, "id,hts10,origin,value,quantity1,entry_date,mode,declared_duty_total\n" +
            "A1,8703.23.01.90,JP,\"$40,000\",1,2025-04-20,vessel,11000\n" +
            "A2,8703.23.01.90,JP,40000,1,2025-09-20,air,11000\n" +
            "A3,8703.23.01.99,JP,40000,1,2025-09-20,air,\n");

        CliRunner.Result r = CliRunner.Run("duty", "--file", file, "--compare");

        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Output.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("A1,2,,ok,", lines[1], StringComparison.Ordinal);
        Assert.Contains("match", lines[1], StringComparison.Ordinal);
        Assert.Contains("duty_total: declared $11,000.00, computed $6,000.00 (+$5,000.00)", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("A3,4,,error,hts10,Unknown HTS code 8703.23.01.99", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("3 lines: 2 computed, 1 error (hts10: 1); 2 entries.", r.Error, StringComparison.Ordinal);
        Assert.Contains("Compared 2 lines with the declared amounts: 1 differ; declared minus computed: $5,000.00.", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Duty_FileToOutputAsJsonLines_WithJsonSummary()
    {
        string folder = Directory.CreateTempSubdirectory("levy-duty").FullName;
        string input = Path.Combine(folder, "lines.jsonl"), output = Path.Combine(folder, "out.jsonl");
        File.WriteAllText(input, "{\"id\":\"x\",\"hts10\":\"8703230190\",\"origin\":\"JP\",\"value\":40000,\"entry_date\":\"2025-04-20\"}\nnot json\n");

        CliRunner.Result r = CliRunner.Run("duty", "--file", input, "--output", output, "--json");

        Assert.Equal(0, r.ExitCode);
        using JsonDocument summary = JsonDocument.Parse(r.Output);
        Assert.Equal(2, summary.RootElement.GetProperty("lines").GetInt64());
        Assert.Equal(1, summary.RootElement.GetProperty("errors").GetInt64());
        Assert.Equal(2, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void Duty_WrongHeader_ExitCode2NamingLineAndColumn()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("levy-duty").FullName, "bad.csv");
        File.WriteAllText(file, "id;hts10;origin;value;entry_date\n");

        CliRunner.Result r = CliRunner.Run("duty", "--file", file);

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: bad.csv, line 1: the header lacks column \"hts10\"", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Duty_InjectedEngine_BatchRunsWithoutTheRealEngine()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("levy-duty").FullName, "lines.csv");
        File.WriteAllText(file, "id,hts10,origin,value,quantity1,unit1,entry_date\nc,0402.99.90.00,DE,8000,1000000,g,2025-06-01\n");
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var cli = new CliContext(output, error, null, null, isTerminal: false, CliRunner.Data);
        var root = new RootCommand { DutyCommand.Create(_ => cli, _ => FakeEngine.Quote) };

        int code = root.Parse(["duty", "--file", file]).Invoke();

        Assert.Equal(0, code);
        Assert.Contains(",1655.00,", output.ToString(), StringComparison.Ordinal); // 46.3¢/kg × 1,000 kg + 14.9% × $8,000
    }
}

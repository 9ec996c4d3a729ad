using System.Net;
using System.Text;
using Levy.Cli;
using Levy.Core.Inputs;
using Levy.Data.Batch;
using Levy.HostileInputs.Tests.Support;

namespace Levy.HostileInputs.Tests;

/// <summary>Issue 12, "Data lost": inputs that used to cut a batch short, overwrite a file or swallow rows. Every input row
/// now yields one output row or one error row naming its line and field, and outputs replace files only on success.</summary>
public sealed class DataLostTests : IDisposable
{
    private const string Header = "id,hts10,origin,value,entry_date";
    private const string Car = "8703.23.01.90,JP,40000,2025-04-20";

    private static readonly string ValueAboveBound = UserInputs.CustomsValue.Message(InputSurface.Cli,
        InputMessages.Format(InputMessages.AboveMaximum, "1e25", InputBounds.MaxAmount));

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PostDuty_ValueOverflowingDecimal_IsAnErrorRowAndEveryLaterRowIsAnswered()
    {
        using var web = new HostileWeb();
        string body = $"{Header}\na,{Car}\nb,8703.23.01.90,JP,5e24,2025-04-20\nc,8703.23.01.90,JP,1e25,2025-04-20\nd,{Car}\n";

        using HttpResponseMessage response = await web.CreateClient().PostAsync("/api/v1/duty", new StringContent(body, Encoding.UTF8, "text/csv"),
            TestContext.Current.CancellationToken);
        List<Dictionary<string, string>> rows = Csv.Read(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["a", "b", "c", "d"], rows.Select(r => r["id"]));
        Assert.Equal(["ok", "error", "error", "ok"], rows.Select(r => r["status"]));
        Assert.Equal(InputMessages.Format(InputMessages.AboveMaximum, "1e25", InputBounds.MaxAmount), rows[2]["error_reason"]);
        Assert.Equal(DutyColumns.Value, rows[1]["error_field"]);
    }

    [Fact]
    public void Duty_ValueOf1e25_ExitsTwoNamingTheOptionAndTheBound()
    {
        CliResult r = Hostile.Cli("duty", "8703.23.01.90", "--origin", "JP", "--value", "1e25", "--date", "2025-04-20");

        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(ValueAboveBound + ".")), (r.ExitCode, r.Error));
    }

    [Fact]
    public void DutyFile_ValueOverflowingDecimal_IsAnErrorRowAndLaterRowsAreAnswered()
    {
        string input = _dir.Write("lines.csv", $"{Header}\na,{Car}\nb,8703.23.01.90,JP,1e25,2025-04-20\nc,{Car}\n");

        CliResult r = Hostile.Cli("duty", "--file", input);

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        List<Dictionary<string, string>> rows = Csv.Read(r.Output);
        Assert.Equal(["a", "b", "c"], rows.Select(x => x["id"]));
        Assert.Equal(("error", DutyColumns.Value), (rows[1]["status"], rows[1]["error_field"]));
        Assert.Equal("ok", rows[2]["status"]);
    }

    [Fact]
    public void DutyFile_OutputIsTheInput_RefusedBeforeTheInputIsTouched()
    {
        string content = $"{Header}\na,{Car}\n";
        string input = _dir.Write("lines.csv", content);

        CliResult r = Hostile.Cli("duty", "--file", input, "--output", input);

        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(CliMessages.Format(CliMessages.OutputIsInput, "--output", input, "--file"))), (r.ExitCode, r.Error));
        Assert.Equal(content, File.ReadAllText(input));
        Assert.Equal(["lines.csv"], _dir.Files);
    }

    [Fact]
    public void DutyFile_OutputIsALinkToTheInput_Refused()
    {
        string content = $"{Header}\na,{Car}\n";
        string input = _dir.Write("lines.csv", content);
        string link = _dir["link.csv"];
        File.CreateSymbolicLink(link, input);

        CliResult r = Hostile.Cli("duty", "--file", input, "--output", link);

        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(CliMessages.Format(CliMessages.OutputIsInput, "--output", link, "--file"))), (r.ExitCode, r.Error));
        Assert.Equal(content, File.ReadAllText(input));
    }

    [Fact]
    public void DutyFile_RefusedForABadHeader_LeavesAnExistingOutputUntouched()
    {
        string input = _dir.Write("lines.csv", "id;hts10;origin;value;entry_date\n");
        string output = _dir.Write("duty.csv", "last month's results\n");

        CliResult r = Hostile.Cli("duty", "--file", input, "--output", output);

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.StartsWith("error: lines.csv, line 1: the header lacks column \"hts10\"", r.Error, StringComparison.Ordinal);
        Assert.Equal("last month's results\n", File.ReadAllText(output));
        Assert.Equal(["duty.csv", "lines.csv"], _dir.Files); // no temporary file left behind
    }

    [Fact]
    public void DutyFile_FailingMidway_LeavesAnExistingOutputUntouched()
    {
        string input = _dir.Write("lines.csv", $"{Header}\na,{Car}\n");
        string output = _dir.Write("duty.csv", "last month's results\n");

        CliResult r = Hostile.Cli("duty", "--file", input, "--output", output, "--compare");

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Equal("last month's results\n", File.ReadAllText(output));
        Assert.Equal(["duty.csv", "lines.csv"], _dir.Files);
    }

    [Fact]
    public void DutyFile_Succeeding_ReplacesTheOutputWholeAndLeavesNoTemporaryFile()
    {
        string input = _dir.Write("lines.csv", $"{Header}\na,{Car}\nb,{Car}\n");
        string output = _dir.Write("duty.csv", "last month's results\n");

        CliResult r = Hostile.Cli("duty", "--file", input, "--output", output);

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        Assert.Equal(["a", "b"], Csv.Read(File.ReadAllText(output)).Select(x => x["id"]));
        Assert.Equal(["duty.csv", "lines.csv"], _dir.Files);
    }

    [Fact]
    public void DutyFile_UnterminatedQuote_IsOneErrorRowNamingItsColumnAndTheFollowingRowsAreRead()
    {
        string input = _dir.Write("lines.csv", $"{Header}\na,\"8703.23.01.90,JP,40000,2025-04-20\nb,{Car}\nc,{Car}\n");

        CliResult r = Hostile.Cli("duty", "--file", input);

        List<Dictionary<string, string>> rows = Csv.Read(r.Output);
        Assert.Equal(["a", "b", "c"], rows.Select(x => x["id"]));
        Assert.Equal(("2", "error", DutyColumns.Hts10, BatchMessages.UnterminatedQuote),
            (rows[0]["line"], rows[0]["status"], rows[0]["error_field"], rows[0]["error_reason"]));
        Assert.Equal(["ok", "ok"], rows.Skip(1).Select(x => x["status"]));
        Assert.StartsWith("3 lines: 2 computed, 1 error (hts10: 1)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DutyFile_LineOver16MiB_IsAnErrorRowNamingItsLineAndTheBatchGoesOn()
    {
        string input = _dir.Write("lines.csv", $"{Header}\na,{Car}\nb,{new string('x', 17 << 20)},JP,1,2025-04-20\nc,{Car}\n");

        CliResult r = Hostile.Cli("duty", "--file", input);

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        List<Dictionary<string, string>> rows = Csv.Read(r.Output);
        Assert.Equal(["a", "b", "c"], rows.Select(x => x["id"]));
        Assert.Equal(("3", "error", BatchMessages.RowField, InputMessages.Format(BatchMessages.RowTooLong, InputBounds.MaxBatchRowChars)),
            (rows[1]["line"], rows[1]["status"], rows[1]["error_field"], rows[1]["error_reason"]));
        Assert.Equal("ok", rows[2]["status"]);
    }

    [Fact]
    public void DutyFile_InterruptedToAnOutput_KeepsTheCompleteRowsUnderAPartialNameAndLeavesTheOutputAlone()
    {
        string input = _dir.Write("lines.csv", Header + "\n" + string.Concat(Enumerable.Range(1, 5_000).Select(i => $"r{i},{Car}\n")));
        string output = _dir.Write("duty.csv", "last month's results\n");
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel(); // Ctrl-C before the first row: the run stops at once, between rows

        CliResult r = Hostile.Cli(interrupt.Token, "duty", "--file", input, "--output", output);

        string partial = _dir["duty.partial.csv"];
        Assert.Equal((ExitCodes.Interrupted, Hostile.Error(CliMessages.Format(CliMessages.InterruptedToFile, 0, partial, output))), (r.ExitCode, r.Error));
        Assert.Equal("last month's results\n", File.ReadAllText(output));
        Assert.Equal(["duty.csv", "duty.partial.csv", "lines.csv"], _dir.Files);
    }

    [Fact]
    public void DutyFile_InterruptedMidway_EveryRowOfThePartialFileIsComplete()
    {
        string input = _dir.Write("lines.csv", Header + "\n" + string.Concat(Enumerable.Range(1, 3_000).Select(i => $"r{i},{Car}\n")));
        string output = _dir["duty.csv"];
        using var interrupt = new CancellationTokenSource();
        int asked = 0;
        var cli = new CliContext(TextWriter.Null, TextWriter.Null, null, null, false, Hostile.Data, cancellationToken: interrupt.Token);
        var root = new System.CommandLine.RootCommand
        {
            Levy.Cli.Commands.DutyCommand.Create(_ => cli, _ => request =>
            {
                if (++asked == 1_000)
                {
                    interrupt.Cancel(); // Ctrl-C while the 1,000th row is computed
                }

                return Hostile.Data.Engine.Quote(request);
            }),
        };

        var stopped = Assert.Throws<CliException>(() => root.Parse(["duty", "--file", input, "--output", output]).Invoke(
            new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false }));

        Assert.Equal(ExitCodes.Interrupted, stopped.ExitCode);
        List<Dictionary<string, string>> rows = Csv.Read(File.ReadAllText(_dir["duty.partial.csv"]));
        Assert.Equal(1_000, rows.Count);
        Assert.All(rows, row => Assert.Equal("ok", row["status"]));
        Assert.Equal(Enumerable.Range(1, 1_000).Select(i => $"r{i}"), rows.Select(x => x["id"]));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void DutyToStdout_Interrupted_SaysTheOutputStopsAfterCompleteRows()
    {
        string input = _dir.Write("lines.csv", $"{Header}\na,{Car}\n");
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();

        CliResult r = Hostile.Cli(interrupt.Token, "duty", "--file", input);

        Assert.Equal((ExitCodes.Interrupted, Hostile.Error(CliMessages.Format(CliMessages.InterruptedToStdout, 0))), (r.ExitCode, r.Error));
        Assert.Equal(Csv.HeaderOf(r.Output), r.Output.TrimEnd('\n')); // the header alone: no cut row
    }

    [Fact]
    public async Task PostDuty_FailureAfterStreamingBegan_EndsWithABatchRecordAndIsLogged()
    {
        using var web = new HostileWeb { Engine = new FailingEngine(Hostile.Data, "0402.99.90.00") };
        string body = $"{Header}\na,{Car}\nb,0402.99.90.00,AR,8000,2025-04-20\nc,{Car}\n";

        using HttpResponseMessage response = await web.CreateClient().PostAsync("/api/v1/duty", new StringContent(body, Encoding.UTF8, "text/csv"),
            TestContext.Current.CancellationToken);
        List<Dictionary<string, string>> rows = Csv.Read(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["a", string.Empty], rows.Select(r => r["id"]));
        Assert.Equal(("error", BatchMessages.BatchField), (rows[^1]["status"], rows[^1]["error_field"]));
        Assert.Equal(InputMessages.Format(BatchMessages.StreamStopped, 1, "an unexpected error, logged by the server"), rows[^1]["error_reason"]);
        Assert.Contains(web.Log, line => line.StartsWith("Levy.Web.Endpoints.DutyEndpoints: POST /api/v1/duty stopped after 1 rows", StringComparison.Ordinal));
    }
}

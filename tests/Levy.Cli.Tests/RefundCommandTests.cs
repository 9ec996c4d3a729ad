using System.Text.Json;
using Levy.Core.Refunds;
using Levy.Data.Rulebook;
using Levy.Refunds.Claims;
using Levy.Refunds.Generation;
using Levy.Refunds.Ledger;

namespace Levy.Cli.Tests;

public class RefundCommandTests
{
    private static readonly Lazy<string> Generated = new(() =>
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("levy-refund-cli").FullName, "es003.csv");
        CliRunner.Result r = CliRunner.Run("refund", "generate", "--rows", "1500", "--seed", "4", "-o", path);
        Assert.Equal(0, r.ExitCode);
        return path;
    });

    private static JsonElement Json(CliRunner.Result r)
    {
        Assert.True(r.ExitCode == 0, r.Error);
        return JsonDocument.Parse(r.Output).RootElement;
    }

    [Fact]
    public void Refund_ImportCheckDeadlinesDeclareStatusReport_OneLedgerThroughTheWorkflow()
    {
        string folder = Directory.CreateTempSubdirectory("levy-refund-cli").FullName;
        string db = Path.Combine(folder, "levy.db");
        Directory.CreateDirectory(Path.Combine(folder, "cape")); // declare writes into a folder that exists, as every output does

        JsonElement import = Json(CliRunner.Run("refund", "import", Generated.Value, "--db", db, "--json"));
        JsonElement again = Json(CliRunner.Run("refund", "import", Generated.Value, "--db", db, "--json"));
        JsonElement check = Json(CliRunner.Run("refund", "check", "--db", db, "--json", "--flag", "non-ieepa-difference", "--limit", "3"));
        JsonElement deadlines = Json(CliRunner.Run("refund", "deadlines", "--db", db, "--as-of", "2026-04-21", "--limit", "5", "--json"));
        JsonElement declare = Json(CliRunner.Run("refund", "declare", "--phase", "1", "--db", db, "--as-of", "2026-04-21", "--out", Path.Combine(folder, "cape"), "--json"));

        Assert.Equal(import.GetProperty("rows").GetInt32(), import.GetProperty("rowsInLines").GetInt32() + import.GetProperty("errorRows").GetInt32());
        Assert.Equal(import.GetProperty("linesAdded").GetInt32(), import.GetProperty("linesChecked").GetInt32());
        Assert.Equal(0, again.GetProperty("linesAdded").GetInt32());
        Assert.Equal(import.GetProperty("linesAdded").GetInt32(), again.GetProperty("linesUnchanged").GetInt32());
        Assert.Equal(0, check.GetProperty("checked").GetInt32()); // checked during the import
        Assert.All(check.GetProperty("lines").EnumerateArray(), l => Assert.Contains("non-ieepa-difference", l.GetProperty("flags").EnumerateArray().Select(f => f.GetString())));
        Assert.Equal(6, check.GetProperty("flags").GetArrayLength());
        DateOnly[] closing = [.. deadlines.GetProperty("entries").EnumerateArray().Select(e => DateOnly.Parse(e.GetProperty("nextDeadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(closing.Order(), closing);
        decimal phase1 = deadlines.GetProperty("standings").EnumerateArray().Single(s => s.GetProperty("standing").GetString() == "phase-1").GetProperty("ieepaPaid").GetDecimal();
        JsonElement file = declare.GetProperty("declarations").EnumerateArray().Single();
        Assert.Equal(phase1, file.GetProperty("ieepaPaid").GetDecimal());
        string[] declared = File.ReadAllLines(file.GetProperty("file").GetString()!);
        Assert.Equal("Entry Number", declared[0]);
        Assert.All(declared.Skip(1), e => Assert.True(EntryNumber.TryParse(e, out EntryNumber n, out _) && n.Compact == e));

        // CBP's refund report, with its deliberate differences
        string report = Path.Combine(folder, "rev615.csv");
        var ledger = new RefundLedger(LedgerDatabase.Open(db), RefundRulesReader.Read(CliRunner.Data.Rulebook));
        using (var writer = new StreamWriter(report))
        {
            RefundReportGenerator.Write(ledger, writer, new DateOnly(2026, 5, 12), OverpaymentRateClass.Corporate);
        }

        JsonElement status = Json(CliRunner.Run("refund", "status", report, "--db", db, "--as-of", "2026-05-12", "--json"));
        JsonElement totals = Json(CliRunner.Run("refund", "report", "--db", db, "--by", "month", "--as-of", "2026-04-21", "--json",
            "--csv", Path.Combine(folder, "totals.csv"), "--chart", Path.Combine(folder, "chart.svg")));

        Assert.Equal(declared.Length - 1, status.GetProperty("declaredEntries").GetInt32());
        decimal missing = status.GetProperty("differences").EnumerateArray().Sum(d => d.GetProperty("expectedPrincipal").GetDecimal() - d.GetProperty("receivedPrincipal").GetDecimal());
        Assert.Equal(status.GetProperty("expectedPrincipal").GetDecimal() - status.GetProperty("receivedPrincipal").GetDecimal(), missing);
        Assert.Equal(totals.GetProperty("total").GetProperty("ieepaPaid").GetDecimal(), totals.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("ieepaPaid").GetDecimal()));
        Assert.StartsWith("month,entries,lines,ieepa_paid", File.ReadLines(Path.Combine(folder, "totals.csv")).First(), StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "chart.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Refund_HumanOutput_TablesWithTheFlagsAndTheirReasons()
    {
        string db = Path.Combine(Directory.CreateTempSubdirectory("levy-refund-cli").FullName, "levy.db");
        Assert.Equal(0, CliRunner.Run("refund", "import", Generated.Value, "--db", db).ExitCode);

        CliRunner.Result check = CliRunner.Run("refund", "check", "--db", db);
        CliRunner.Result deadlines = CliRunner.Run("refund", "deadlines", "--db", db, "--as-of", "2026-04-21");

        Assert.Contains("void-but-collected", check.Output, StringComparison.Ordinal);
        Assert.Contains("Learning Resources", check.Output, StringComparison.Ordinal);
        Assert.Contains("phase-1", deadlines.Output, StringComparison.Ordinal);
        Assert.Contains("CAPE Phase 1 window closes", deadlines.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "refund", "import", "no-such-file.csv" }, 3, "error: file: no-such-file.csv does not exist.")]
    [InlineData(new[] { "refund", "import", "@generated", "--map", "nothing" }, 2, "error: --map \"nothing\" is not \"Column=field\"")]
    [InlineData(new[] { "refund", "import", "@generated", "--map", "Entry Date=arrival" }, 2, "error: es003.csv, line 1, --map: \"arrival\" is not a field")]
    [InlineData(new[] { "refund", "import", "@header" }, 2, "error: header.csv, line 1, header: no column for")]
    [InlineData(new[] { "refund", "declare", "--phase", "2", "--as-of", "2026-05-01" }, 2, "error: --phase 2: CBP has not opened CAPE Phase 2")]
    [InlineData(new[] { "refund", "declare", "--as-of", "2026-04-19" }, 2, "error: --phase 1: CBP has not opened CAPE Phase 1 to declarations by 2026-04-19")]
    [InlineData(new[] { "refund", "report", "--by", "port" }, 2, "error: --by \"port\" is not a grouping: expected importer, month, country, authority or phase.")]
    [InlineData(new[] { "refund", "status", "@generated", "--rate-class", "big" }, 2, "error: --rate-class \"big\" is not an overpayment rate class: expected corporate")]
    public void Refund_BadInput_ClearMessageAndExitCode(string[] args, int code, string message)
    {
        string folder = Directory.CreateTempSubdirectory("levy-refund-cli").FullName;
        string header = Path.Combine(folder, "header.csv");
        File.WriteAllText(header, "Entry,Line,HTS\nx,1,2\n");
        string[] resolved = [.. args.Select(a => a == "@generated" ? Generated.Value : a == "@header" ? header : a), "--db", Path.Combine(folder, "levy.db")];

        CliRunner.Result r = CliRunner.Run(resolved);

        Assert.Equal(code, r.ExitCode);
        Assert.StartsWith(message, r.Error, StringComparison.Ordinal);
    }
}

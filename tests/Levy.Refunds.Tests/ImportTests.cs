using System.Text;
using Levy.Refunds.Generation;
using Levy.Refunds.Import;
using Levy.Refunds.Ledger;
using MiniExcelLibs;

namespace Levy.Refunds.Tests;

public sealed class ImportTests
{
    private static readonly Lazy<string> Small = new(() =>
    {
        using var writer = new StringWriter();
        RefundData.Generator().Write(writer, new GeneratorOptions { Rows = 3_000, Seed = 5, ErrorRate = 0.01 }); // xunit: not a test method
        return writer.ToString();
    });

    private static ImportResult Import(LedgerDatabase ledger, string csv, string name = "es003.csv", IReadOnlyDictionary<string, string>? map = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return new LedgerImporter(ledger, RefundData.Headings, null).Import(stream, name, TableFormat.Csv, map, TestContext.Current.CancellationToken);
    }

    private static (int Lines, int Entries, int Errors, long Paid) Counts(LedgerDatabase ledger)
    {
        using LedgerContext db = ledger.CreateContext();
        return (db.Lines.Count(), db.Entries.Count(), db.ImportErrors.Count(), db.Lines.Sum(l => l.OrdinaryPaidCents + l.FentanylPaidCents + l.ReciprocalPaidCents + l.OtherPaidCents));
    }

    [Theory]
    [MemberData(nameof(Ledgers.Providers), MemberType = typeof(Ledgers))]
    public void Import_SameFileTwice_SecondChangesNothing(string provider)
    {
        using TestLedger test = Ledgers.Create(provider);

        ImportResult first = Import(test.Database, Small.Value);
        var after = Counts(test.Database);
        ImportResult second = Import(test.Database, Small.Value);

        Assert.Equal(first.Rows, first.RowsInLines + first.ErrorCount);
        Assert.True(first.ErrorCount > 0);
        Assert.Equal(0, second.LinesAdded);
        Assert.Equal(0, second.LinesUpdated);
        Assert.Equal(first.LinesAdded, second.LinesUnchanged);
        Assert.Equal(after.Lines, Counts(test.Database).Lines);
        Assert.Equal(after.Paid, Counts(test.Database).Paid);
    }

    [Theory]
    [MemberData(nameof(Ledgers.Providers), MemberType = typeof(Ledgers))]
    public void Import_CorrectedFile_UpdatesTheChangedLinesAndSaysHowMany(string provider)
    {
        using TestLedger test = Ledgers.Create(provider);
        ImportResult first = Import(test.Database, Small.Value);
        string[] rows = Small.Value.Split('\n');
        // Correct the duty of three chapter 1-97 rows (column 13, Line Tariff Duty Amount) of different lines.
        int changed = 0;
        for (int i = 1; i < rows.Length && changed < 3; i += 97)
        {
            string[] cells = rows[i].Split(',');
            if (cells.Length > 12 && !cells[9].StartsWith("9903", StringComparison.Ordinal) && decimal.TryParse(cells[12], System.Globalization.CultureInfo.InvariantCulture, out decimal duty)
                && Levy.Core.Refunds.EntryNumber.TryParse(cells[0], out _, out _) && cells[4] != "2025-13-45" && cells[10].Length == 2)
            {
                cells[12] = (duty + 10m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
                rows[i] = string.Join(',', cells);
                changed++;
            }
        }

        ImportResult corrected = Import(test.Database, string.Join('\n', rows), "es003-corrected.csv");

        Assert.Equal(3, changed);
        Assert.Equal(3, corrected.LinesUpdated);
        Assert.Equal(0, corrected.LinesAdded);
        Assert.Equal(first.LinesAdded - 3, corrected.LinesUnchanged);
        Assert.Equal(Counts(test.Database).Lines, first.LinesAdded);
    }

    [Theory]
    [MemberData(nameof(Ledgers.Providers), MemberType = typeof(Ledgers))]
    public void Import_InterruptedHalfWay_LeavesTheLedgerAsItWas(string provider)
    {
        using TestLedger test = Ledgers.Create(provider);
        Import(test.Database, Small.Value);
        var before = Counts(test.Database);
        using var cancel = new CancellationTokenSource();
        // A file of more than one chunk, cancelled once the first chunk is written.
        using var writer = new StringWriter();
        RefundData.Generator().Write(writer, new GeneratorOptions { Rows = 12_000, Seed = 6 });
        using var stream = new CancelAfter(Encoding.UTF8.GetBytes(writer.ToString()), 300_000, cancel);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new LedgerImporter(test.Database, RefundData.Headings, null).Import(stream, "big.csv", TableFormat.Csv, null, cancel.Token));

        Assert.Equal(before, Counts(test.Database));
        using LedgerContext db = test.Database.CreateContext();
        Assert.Equal(1, db.Imports.Count());
    }

    [Fact]
    public void Import_RowErrors_NameTheFileLineFieldAndValue()
    {
        using TestLedger test = Ledgers.Create("sqlite");
        var file = new LineFiles();
        string good = file.Add("9503.00.00.90", "CN", "2025-06-02", 10_000m);
        file.Raw("T3S-1234567-0,1,x,01,2025-06-02,2025-06-02,2704,,,9503.00.00.90,CN,100,0,,");   // check digit
        file.Raw($"{Levy.Core.Refunds.EntryNumber.Create("T3S", 7)},1,x,01,2025-06-31,2025-06-02,2704,,,9503.00.00.90,CN,100,0,,"); // date
        file.Raw($"{Levy.Core.Refunds.EntryNumber.Create("T3S", 8)},1,x,01,2025-06-02,2025-06-02,2704,,,9503.00,CN,100,0,,");    // HTS
        file.Raw($"{Levy.Core.Refunds.EntryNumber.Create("T3S", 9)},1,x,01,2025-06-02,2025-06-02,2704,,,9503.00.00.90,CN,1O0,0,,"); // amount

        ImportResult r = Import(test.Database, file.Text, "broker.csv");

        Assert.Equal(4, r.ErrorCount);
        Assert.Equal(["entry_number", "entry_date", "hts", "value"], r.Errors.Select(e => e.Field));
        Assert.Contains("check digit should be", r.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("1O0", r.Errors[3].Value);
        Assert.True(r.Errors.All(e => e.Line > 1));
        Assert.Equal(1, r.LinesAdded);
        using LedgerContext db = test.Database.CreateContext();
        Assert.Equal(good, Assert.Single(db.Lines.Select(l => l.EntryNumber)));
        Assert.Equal(4, db.ImportErrors.Count());
    }

    [Fact]
    public void Import_MissingColumn_RefusedBeforeAnyRowWithTheNamesToMap()
    {
        using TestLedger test = Ledgers.Create("sqlite");

        var e = Assert.Throws<RefundInputException>(() => Import(test.Database, "Entry Number,Line,HTS,Country,Value,Duty\nx,1,2,3,4,5\n", "odd.csv"));

        Assert.Contains("odd.csv, line 1, header", e.Message, StringComparison.Ordinal);
        Assert.Contains("entry_date", e.Message, StringComparison.Ordinal);
        Assert.Contains("--map", e.Message, StringComparison.Ordinal);
        using LedgerContext db = test.Database.CreateContext();
        Assert.Equal(0, db.Imports.Count());
    }

    [Fact]
    public void Import_BrokerColumnNamesAndMap_Read()
    {
        using TestLedger test = Ledgers.Create("sqlite");
        string number = Levy.Core.Refunds.EntryNumber.Create("K9X", 42).ToString();
        string csv = "entry no,Line No,Tariff Number,COO,Entered Value,Duty Amount,Arrival\n" +
            $"{number},1,9903.01.24,CN,0,2000.00,06/02/2025\n{number},1,9503000090,CN,10000,0,06/02/2025\n";

        ImportResult r = Import(test.Database, csv, map: new Dictionary<string, string> { ["Arrival"] = "entry_date" });

        Assert.Equal(0, r.ErrorCount);
        Assert.Equal(1, r.LinesAdded);
        using LedgerContext db = test.Database.CreateContext();
        LineRecord line = db.Lines.Single();
        Assert.Equal(200_000, line.FentanylPaidCents);
        Assert.Equal("9503.00.00.90", line.Hts);
    }

    [Fact]
    public void Import_Xlsx_SameLedgerAsTheCsv()
    {
        using TestLedger fromCsv = Ledgers.Create("sqlite");
        using TestLedger fromXlsx = Ledgers.Create("sqlite");
        var file = new LineFiles();
        file.Add("9503.00.00.90", "CN", "2025-06-02", 10_000m);
        file.Add("8703.23.01.90", "JP", "2025-04-20", 40_000m);
        string[] lines = file.Text.TrimEnd('\n').Split('\n');
        string[] header = lines[0].Split(',');
        var sheet = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => (object?)p.Second)).ToList();
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(sheet, excelType: ExcelType.XLSX);
        xlsx.Position = 0;

        Import(fromCsv.Database, file.Text);
        ImportResult r = new LedgerImporter(fromXlsx.Database, RefundData.Headings, null).Import(xlsx, "es003.xlsx", TableFormat.Xlsx,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, r.ErrorCount);
        Assert.Equal(Counts(fromCsv.Database), Counts(fromXlsx.Database));
    }

    /// <summary>A stream that cancels a token once a number of bytes has been read.</summary>
    private sealed class CancelAfter(byte[] bytes, int limit, CancellationTokenSource cancel) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= limit)
            {
                cancel.Cancel();
            }

            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            if (Position >= limit)
            {
                cancel.Cancel();
            }

            return base.Read(buffer);
        }
    }
}

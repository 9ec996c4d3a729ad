using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Refunds.Claims;
using Levy.Refunds.Generation;
using Levy.Refunds.Import;
using Levy.Refunds.Reports;
using Microsoft.Extensions.Time.Testing;

namespace Levy.Refunds.Tests;

/// <summary>The issue's "done when": a generated ES-003 file of 100,000 rows through import, check, deadlines, declare and
/// status, on SQLite and PostgreSQL, with the totals reconciled to the cent.</summary>
public sealed class EndToEndTests
{
    private static readonly DateOnly AsOf = new(2026, 4, 21);

    // One generated file for both databases (generating costs more than importing).
    private static readonly Lazy<(string Path, GeneratorSummary Summary)> File100k =
        new(() => RefundData.Generate(new GeneratorOptions { Rows = 100_000, Seed = 11 }, RefundData.TempFolder("e2e-file")));

    [Theory]
    [MemberData(nameof(Ledgers.Providers), MemberType = typeof(Ledgers))]
    public void HundredThousandRows_ImportCheckDeadlinesDeclareStatus_ReconcileToTheCent(string provider)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Step(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{provider} {what}: {watch.ElapsedMilliseconds} ms");
        using TestLedger test = Ledgers.Create(provider);
        _ = RefundData.Data.Engine;
        Step("data");
        string folder = RefundData.TempFolder("e2e");
        (string file, GeneratorSummary generated) = File100k.Value;
        Step("generated");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 21, 15, 0, 0, TimeSpan.Zero));
        var ledger = new RefundLedger(test.Database, RefundData.Rules, clock);

        // Import (without checking: the check is its own step here)
        ImportResult import;
        using (FileStream stream = File.OpenRead(file))
        {
            import = new LedgerImporter(test.Database, RefundData.Headings, null, clock).Import(stream, Path.GetFileName(file), TableFormat.Csv, cancellationToken: TestContext.Current.CancellationToken);
        }

        Step("imported");
        Assert.Equal(generated.Rows, import.Rows);
        Assert.Equal(import.Rows, import.RowsInLines + import.ErrorCount); // every row is in a line or an error
        Assert.True(import.ErrorCount >= generated.ErrorRows, $"{import.ErrorCount} error rows for {generated.ErrorRows} spoiled");
        Assert.True(import.LinesAdded > 30_000, $"{import.LinesAdded} lines");

        // Check
        CheckRun check = ledger.Check(RefundData.Checker(), cancellationToken: TestContext.Current.CancellationToken);
        Step("checked");
        Assert.Equal(import.LinesAdded, check.Checked);
        foreach (string kind in generated.Mistakes.Keys)
        {
            Assert.True(check.ByFlag.GetValueOrDefault(kind) > 0, $"no line flagged {kind}; flags: {string.Join(", ", check.ByFlag)}");
        }

        Assert.True(check.ByFlag.GetValueOrDefault("void-but-collected") > 0);
        Assert.True(check.ByFlag.GetValueOrDefault("not-checked") < check.Checked / 100, $"{check.ByFlag.GetValueOrDefault("not-checked")} lines not checked");

        // Deadlines: the IEEPA paid in the ledger is exactly what the generator wrote on readable lines
        List<EntryClaim> claims = [.. ledger.Claims(AsOf)];
        Money ieepa = claims.Aggregate(Money.Zero, (s, c) => s + c.Ieepa);
        Assert.Equal(new Money(generated.IeepaCents / 100m), ieepa);
        Assert.Contains(claims, c => c.Deadlines.Standing == RefundStanding.Phase1);
        Assert.Contains(claims, c => c.Deadlines.Standing == RefundStanding.Protest);
        Assert.Contains(claims, c => c.Deadlines.Standing == RefundStanding.LaterPhase);

        // Declare: Phase 1 entries, at most 9,999 per file, none twice
        IReadOnlyList<DeclarationFile> files = ledger.Declare(1, AsOf, Path.Combine(folder, "declarations"));
        List<EntryClaim> phase1 = [.. claims.Where(c => c.Deadlines.Standing == RefundStanding.Phase1)];
        Assert.Equal(phase1.Count, files.Sum(f => f.Entries));
        Assert.All(files, f => Assert.True(f.Entries <= RefundData.Rules.MaxEntriesPerDeclaration));
        string[] declared = [.. files.SelectMany(f => File.ReadAllLines(f.Path).Skip(1))];
        Assert.Equal(declared.Length, declared.Distinct().Count());
        Assert.All(files, f => Assert.Equal("Entry Number", File.ReadLines(f.Path).First()));
        Assert.Equal(phase1.Aggregate(Money.Zero, (s, c) => s + c.Ieepa), files.Aggregate(Money.Zero, (s, f) => s + f.Ieepa));
        Assert.Empty(ledger.Declare(1, AsOf, Path.Combine(folder, "again"))); // nothing is declared twice

        // Status: CBP's report (with its deliberate differences) reconciled to the cent
        string report = Path.Combine(folder, "rev615.csv");
        RefundReportGenerator.Anomalies anomalies;
        using (var writer = new StreamWriter(report))
        {
            anomalies = RefundReportGenerator.Write(ledger, writer, new DateOnly(2026, 5, 12), OverpaymentRateClass.Corporate);
        }

        using (FileStream stream = File.OpenRead(report))
        {
            RefundReportImport read = RefundStatus.Read(test.Database, stream, "rev615.csv", TableFormat.Csv);
            Assert.Empty(read.Errors);
            Assert.Equal(phase1.Count - anomalies.NotRefunded.Count, read.Added);
        }

        RefundReconciliation status = RefundStatus.Reconcile(ledger, AsOf, OverpaymentRateClass.Corporate);
        Assert.Equal(phase1.Count, status.DeclaredEntries);
        Money notRefunded = phase1.Where(c => anomalies.NotRefunded.Contains(c.Entry.ToString())).Aggregate(Money.Zero, (s, c) => s + c.Ieepa);
        Assert.Equal(status.ExpectedPrincipal - notRefunded - new Money(anomalies.ShortPrincipal.Count), status.ReceivedPrincipal);
        Assert.Equal(anomalies.NotRefunded.Order(), status.Differences.Where(d => d.Kind == "not-refunded").Select(d => d.Entry).Order());
        Assert.Equal(anomalies.ShortPrincipal.Order(), status.Differences.Where(d => d.Kind == "principal-differs").Select(d => d.Entry).Order());
        Assert.Equal(anomalies.InterestOff.Order(), status.Differences.Where(d => d.Kind == "interest-differs").Select(d => d.Entry).Order());
        Assert.All(status.Differences.Where(d => d.Kind == "interest-differs"), d => Assert.Equal(new Money(0.37m), d.ReceivedInterest - d.ExpectedInterest));

        Step("declared and reconciled");
        // Reports add up to the same totals
        RefundTotals byMonth = RefundReport.Build(ledger, ReportDimension.Month, AsOf, OverpaymentRateClass.Corporate);
        Assert.Equal(ieepa, byMonth.Total.IeepaPaid);
        Assert.Equal(ieepa, byMonth.Rows.Aggregate(Money.Zero, (s, r) => s + r.IeepaPaid));
        RefundTotals byAuthority = RefundReport.Build(ledger, ReportDimension.Authority, AsOf, OverpaymentRateClass.Corporate);
        Assert.Equal(ieepa, byAuthority.Rows.Aggregate(Money.Zero, (s, r) => s + r.IeepaPaid));
        Assert.Contains("<svg", RefundReport.Chart(byMonth), StringComparison.Ordinal);
        Step("reported");
    }
}

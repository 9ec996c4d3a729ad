using BenchmarkDotNet.Attributes;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Data.Rulebook;
using Levy.Refunds.Checking;
using Levy.Refunds.Ledger;

namespace Levy.Benchmarks;

/// <summary>The per-line costs of the refund check on a warm engine: an entry number parsed, a line checked against the law
/// (two quotes reused within the epoch and two duty calculations), and a year of daily-compounded interest. The whole
/// import of a million rows is <c>refund-lines</c> (RefundMillionLines).</summary>
[MemoryDiagnoser]
public class RefundBenchmarks
{
    private LineChecker _checker = null!;
    private RefundRules _rules = null!;
    private EntryRecord _entry = null!;
    private LineRecord _line = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkData.Open();
        _rules = RefundRulesReader.Read(data.Rulebook);
        _checker = LineChecker.For(data, _rules);
        _entry = new EntryRecord { EntryNumber = "ABC12345676", EntryDate = new DateOnly(2025, 6, 2), SummaryDate = new DateOnly(2025, 6, 5) };
        _line = new LineRecord { EntryNumber = "ABC12345676", LineNumber = 1, Hts = "9503.00.00.90", Origin = "CN", ValueCents = 1_000_000, FentanylPaidCents = 200_000, ReciprocalPaidCents = 100_000, IeepaDeclared = true };
        _checker.Check(_entry, _line);
    }

    /// <summary>Parse and validate an entry number with its check digit.</summary>
    [Benchmark]
    public int ParseEntryNumber() => EntryNumber.Parse("B7Y-1000077-1").CheckDigit;

    /// <summary>Check one line (Chinese toys, June 2025) whose quotes are already remembered for the epoch.</summary>
    [Benchmark]
    public int CheckLine()
    {
        _checker.Check(_entry, _line);
        return _line.Flags;
    }

    /// <summary>Interest on $10,000 over a year, compounded daily across four quarters.</summary>
    [Benchmark]
    public decimal InterestOneYear() =>
        RefundInterest.Compute(new Money(10_000m), new DateOnly(2025, 3, 15), new DateOnly(2026, 3, 15), _rules, OverpaymentRateClass.Corporate).Amount.Amount;
}

using BenchmarkDotNet.Attributes;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Data.Batch;
using Levy.Data.Rulebook;
using Levy.Testing;

namespace Levy.Benchmarks;

/// <summary>The duty batch path on 100,000 generated lines with a fixed quote function (the engine is measured
/// elsewhere): end to end CSV in, CSV or JSON Lines out; reading alone; and the duty and fee computation alone.</summary>
[MemoryDiagnoser]
public class DutyBatchBenchmarks
{
    private const int Lines = 100_000;
    private readonly FeeSchedule _fees = FeeScheduleReader.Read(RulebookFiles.Embedded);
    private readonly Func<QuoteRequest, RateQuote> _engine = FakeEngine.Fixed();
    private string _csv = string.Empty;
    private InputRow[] _rows = [];
    private RateQuote _quote = null!;

    /// <summary>Generates the input and reads it once for the compute-only benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _csv = GeneratedLines.Text(Lines);
        _rows = [.. DutyInputReader.ReadCsv(new StringReader(_csv), "generated.csv", compare: false)];
        _quote = _engine(_rows[0].EntryLine!.ToQuoteRequest());
    }

    /// <summary>CSV text in, CSV text out: read, quote, compute duty and fees per entry, write.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public long CsvToCsv()
    {
        using var output = new CsvDutyOutput(TextWriter.Null, compare: false);
        return new DutyBatch(_engine, _fees).Run(DutyInputReader.ReadCsv(new StringReader(_csv), "generated.csv", false), output).Lines;
    }

    /// <summary>CSV text in, JSON Lines out.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public long CsvToJsonLines()
    {
        using var output = new JsonLinesDutyOutput(TextWriter.Null, compare: false);
        return new DutyBatch(_engine, _fees).Run(DutyInputReader.ReadCsv(new StringReader(_csv), "generated.csv", false), output).Lines;
    }

    /// <summary>Everything but the writing: read, quote, compute, group into entries, summarise.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public long CsvToNothing() =>
        new DutyBatch(_engine, _fees).Run(DutyInputReader.ReadCsv(new StringReader(_csv), "generated.csv", false), new Discard()).Lines;

    /// <summary>Reading and validating the rows alone.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public long ReadCsv()
    {
        long n = 0;
        foreach (InputRow row in DutyInputReader.ReadCsv(new StringReader(_csv), "generated.csv", false))
        {
            n += row.Line;
        }

        return n;
    }

    /// <summary>The money alone: duty per line (DutyCalculator) and the entry's fees (Entry), one line per entry.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public decimal Compute()
    {
        decimal total = 0m;
        foreach (InputRow row in _rows)
        {
            EntryLine line = row.EntryLine!;
            DutyResult duty = DutyCalculator.Calculate(_quote, line.Value, line.Quantities);
            EntryResult entry = Entry.Calculate([line], [duty.Breakdown!], _fees);
            total += entry.Entry!.Total.Amount;
        }

        return total;
    }

    private sealed class Discard : IDutyOutput
    {
        public void Write(OutputRow row)
        {
        }

        public void Dispose()
        {
        }
    }
}

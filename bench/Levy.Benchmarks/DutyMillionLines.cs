using System.Diagnostics;
using Levy.Data.Batch;
using Levy.Data.Rulebook;
using Levy.Testing;

namespace Levy.Benchmarks;

/// <summary><c>dotnet run -c Release --project bench/Levy.Benchmarks -- duty-lines 1000000</c>: generates a CSV file of N
/// lines, runs the batch end to end (file in, file out) with a fixed quote function, checks that every input row has its
/// output row in order, and reports the time and the peak memory (run it for two sizes to see memory does not grow).</summary>
internal static class DutyMillionLines
{
    internal static void Run(long count, bool realEngine = false)
    {
        string folder = Directory.CreateTempSubdirectory("levy-duty-bench").FullName;
        string input = Path.Combine(folder, "lines.csv"), output = Path.Combine(folder, "duty.csv");
        try
        {
            using (var writer = new StreamWriter(input))
            {
                GeneratedLines.Write(writer, count);
            }

            var fees = FeeScheduleReader.Read(RulebookFiles.Embedded);
            long before = Process.GetCurrentProcess().PeakWorkingSet64;
            var clock = Stopwatch.StartNew();
            BatchSummary summary;
            using (var reader = new StreamReader(input, System.Text.Encoding.UTF8, true, 1 << 16))
            using (var writer = new StreamWriter(output, false, new System.Text.UTF8Encoding(false), 1 << 16))
            using (var csv = new CsvDutyOutput(writer, compare: false))
            {
                summary = new DutyBatch(realEngine ? Engine() : FakeEngine.Fixed(), fees).Run(DutyInputReader.ReadCsv(reader, "lines.csv", false), csv);
            }

            clock.Stop();
            var process = Process.GetCurrentProcess();
            long rows = CheckOutput(output, count);
            Console.WriteLine($"{(realEngine ? "real engine" : "fixed quote")}: {count:N0} lines in {clock.Elapsed.TotalSeconds:F2} s ({count / clock.Elapsed.TotalSeconds:N0} lines/s end to end); " +
                $"input {new FileInfo(input).Length / 1048576.0:F0} MiB, output {new FileInfo(output).Length / 1048576.0:F0} MiB; " +
                $"{summary.Computed:N0} computed, {summary.Errors:N0} errors, {summary.Entries:N0} entries; {rows:N0} output rows in order; " +
                $"peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB (before the run {before / 1048576.0:F0} MiB), " +
                $"GC heap after {GC.GetTotalMemory(false) / 1048576.0:F0} MiB, {GC.CollectionCount(0)} gen0 / {GC.CollectionCount(2)} gen2 collections");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Func<Levy.Core.Calculation.QuoteRequest, Levy.Core.Calculation.RateQuote> Engine()
    {
        var engine = BenchmarkData.Open().Engine;
        return engine.Quote;
    }

    // Every input row L1..LN has exactly one output row, in order.
    private static long CheckOutput(string output, long count)
    {
        long n = 0;
        using var reader = new StreamReader(output);
        reader.ReadLine();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            n++;
            string expected = "L" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",";
            if (!line.StartsWith(expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Output row {n} does not start with {expected}: {line}");
            }
        }

        return n == count ? n : throw new InvalidOperationException($"{count:N0} lines in, {n:N0} rows out.");
    }
}

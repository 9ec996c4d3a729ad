using System.Diagnostics;
using Levy.Data.Rulebook;
using Levy.Refunds.Checking;
using Levy.Refunds.Claims;
using Levy.Refunds.Generation;
using Levy.Refunds.Import;
using Levy.Refunds.Ledger;

namespace Levy.Benchmarks;

/// <summary><c>dotnet run -c Release --project bench/Levy.Benchmarks -- refund-lines 1000000</c>: generates an ES-003-style
/// file of N rows (timed apart), then imports and checks it into a new SQLite ledger in one pass (the measured target:
/// 1 M rows in 60 s), and reports the time, the rows per second and the peak memory; run it for two sizes to see the
/// memory stay flat. <c>--split</c> also times an import without checking followed by <c>check</c>.</summary>
internal static class RefundMillionLines
{
    internal static void Run(int rows, bool split)
    {
        string folder = Directory.CreateTempSubdirectory("levy-refund-bench").FullName;
        try
        {
            var data = BenchmarkData.Open();
            var rules = RefundRulesReader.Read(data.Rulebook);
            var headings = Levy.Core.Refunds.IeepaHeadings.From(data.Policy.Rulebook);
            var clock = Stopwatch.StartNew();
            data.Archive.LoadAll();
            Console.WriteLine($"revisions loaded in {clock.Elapsed.TotalSeconds:F1} s");

            string file = Path.Combine(folder, "es003.csv");
            clock.Restart();
            GeneratorSummary generated;
            using (var writer = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                generated = new Es003Generator(data.Engine, headings).Write(writer, new GeneratorOptions { Rows = rows, Seed = 7 });
            }

            Console.WriteLine($"generated {generated.Rows:N0} rows ({generated.Lines:N0} lines, {generated.Entries:N0} entries, {new FileInfo(file).Length / 1048576.0:F0} MiB) in {clock.Elapsed.TotalSeconds:F1} s");
            GC.Collect();
            long before = Process.GetCurrentProcess().PeakWorkingSet64;

            clock.Restart();
            LineChecker checker = LineChecker.For(data, rules);
            Console.WriteLine($"checker ready in {clock.Elapsed.TotalSeconds:F1} s");
            for (int run = 1; run <= (split ? 2 : 1); run++)
            {
            var ledger = LedgerDatabase.Open(Path.Combine(folder, $"levy{run}.db"));
            clock.Restart();
            ImportResult import;
            using (FileStream stream = File.OpenRead(file))
            {
                import = new LedgerImporter(ledger, headings, checker).Import(stream, "es003.csv", TableFormat.Csv);
            }

            double seconds = clock.Elapsed.TotalSeconds;
            var process = Process.GetCurrentProcess();
            Console.WriteLine($"import + check on SQLite (run {run}): {import.Rows:N0} rows, {import.LinesAdded:N0} lines, {import.LinesChecked:N0} checked, {import.ErrorCount:N0} error rows " +
                $"in {seconds:F1} s ({import.Rows / seconds:N0} rows/s); peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB " +
                $"(before the import {before / 1048576.0:F0} MiB); database {new FileInfo(Path.Combine(folder, $"levy{run}.db")).Length / 1048576.0:F0} MiB");
            }

            if (split)
            {
                var second = LedgerDatabase.Open(Path.Combine(folder, "split.db"));
                clock.Restart();
                using (FileStream stream = File.OpenRead(file))
                {
                    new LedgerImporter(second, headings, null).Import(stream, "es003.csv", TableFormat.Csv);
                }

                double importOnly = clock.Elapsed.TotalSeconds;
                clock.Restart();
                CheckRun run = new RefundLedger(second, rules).Check(LineChecker.For(data, rules));
                Console.WriteLine($"split: import alone {importOnly:F1} s, then check of {run.Checked:N0} lines {clock.Elapsed.TotalSeconds:F1} s");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using BenchmarkDotNet.Running;
using Levy.Benchmarks;

if (args is ["retained"])
{
    // Managed memory held after loading every revision: what a long-running process keeps.
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var data = BenchmarkData.Open();
    int count = data.Archive.LoadAll().Count;
    clock.Stop();
    long bytes = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"{count} revisions loaded in {clock.ElapsedMilliseconds} ms; {bytes / 1024.0 / 1024.0:F0} MiB managed memory retained; " +
        $"{data.Archive.Interner.DistinctLines:N0} distinct lines, {data.Archive.Interner.DistinctRateTexts:N0} distinct rate texts");
    GC.KeepAlive(data);
    return;
}

if (args is ["duty-lines", var lines, ..])
{
    DutyMillionLines.Run(long.Parse(lines, System.Globalization.CultureInfo.InvariantCulture), realEngine: args.Contains("--real-engine"));
    return;
}

if (args is ["refund-lines", var refundRows, ..])
{
    RefundMillionLines.Run(int.Parse(refundRows, System.Globalization.CultureInfo.InvariantCulture), split: args.Contains("--split"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

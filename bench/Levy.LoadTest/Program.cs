using System.Diagnostics;
using System.Globalization;
using System.Net;

// A bounded open-loop load test of one URL of a Levy server on this machine: requests are sent at a fixed rate for a fixed
// time (so a slow server cannot slow the sender down and hide its own latency), and each latency is measured from the
// moment the request was due, not from when it was actually sent. It stops by itself and refuses any host but loopback.
//
//   dotnet run -c Release --project bench/Levy.LoadTest -- --rate 2000 --duration 20
//
// Options: --url URL (default: the Japanese car quote on http://127.0.0.1:5080), --rate N requests/s, --duration S seconds,
// --warmup S seconds at the same rate before measuring, --connections N (most requests in flight).
var options = Options.Parse(args);
if (!IPAddress.TryParse(options.Url.Host, out IPAddress? ip) ? options.Url.Host != "localhost" : !IPAddress.IsLoopback(ip))
{
    Console.Error.WriteLine($"Refusing {options.Url.Host}: the load test only targets this machine (127.0.0.0/8, ::1, localhost).");
    return 2;
}

using var client = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseProxy = false,
    AutomaticDecompression = DecompressionMethods.None,
})
{ Timeout = TimeSpan.FromSeconds(10) };

using (HttpResponseMessage probe = await client.GetAsync(options.Url))
{
    string body = await probe.Content.ReadAsStringAsync();
    if (probe.StatusCode != HttpStatusCode.OK)
    {
        Console.Error.WriteLine($"{options.Url} answered {(int)probe.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        return 1;
    }

    Console.WriteLine($"Target {options.Url} answers 200 with {body.Length:N0} characters.");
}

if (options.Warmup > 0)
{
    await Run(client, options.Url, options.Rate, options.Warmup);
}

Result result = await Run(client, options.Url, options.Rate, options.Duration);
Console.WriteLine(result.Describe(options));
return result.Errors == 0 ? 0 : 1;

static async Task<Result> Run(HttpClient client, Uri url, int rate, double seconds)
{
    int total = (int)Math.Round(rate * seconds);
    double[] latencies = new double[total], service = new double[total];
    int errors = 0, sent = 0;
    var tasks = new List<Task>(total);
    var clock = Stopwatch.StartNew();
    double deadline = seconds + 10; // the sender stops by itself even if the server hangs

    // A dedicated thread paces the sends: Thread.Sleep(1) wakes about every millisecond on Linux, where an awaited
    // Task.Delay(1) can oversleep by several, which would be counted as latency of the server.
    var sender = new Thread(() =>
    {
        while (sent < total && clock.Elapsed.TotalSeconds < deadline)
        {
            int due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
            for (; sent < due; sent++)
            {
                tasks.Add(Send(sent, (double)sent / rate));
            }

            Thread.Sleep(1);
        }
    }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
    sender.Start();
    sender.Join();

    await Task.WhenAll(tasks);
    double elapsed = clock.Elapsed.TotalSeconds;
    double[] measured = latencies[..sent], served = service[..sent];
    Array.Sort(measured);
    Array.Sort(served);
    return new Result(sent, errors, elapsed, measured, served);

    async Task Send(int i, double dueAt)
    {
        double sentAt = clock.Elapsed.TotalSeconds;
        try
        {
            using HttpResponseMessage response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref errors);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref errors);
        }

        double done = clock.Elapsed.TotalSeconds;
        latencies[i] = (done - dueAt) * 1000;
        service[i] = (done - sentAt) * 1000;
    }
}

/// <summary>What one run measured: latencies from the moment each request was due (what a client at that rate sees),
/// and from the moment it was sent (the server and the network stack alone).</summary>
internal sealed record Result(int Sent, int Errors, double Seconds, double[] SortedLatenciesMs, double[] SortedServiceMs)
{
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Line(double[] sorted) => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentile(sorted, 0.50):F2} ms, p90 {Percentile(sorted, 0.90):F2} ms, p99 {Percentile(sorted, 0.99):F2} ms, " +
        $"p99.9 {Percentile(sorted, 0.999):F2} ms, max {Percentile(sorted, 1):F2} ms");

    internal string Describe(Options o) => string.Create(CultureInfo.InvariantCulture,
        $"{Sent:N0} requests at {o.Rate:N0}/s target over {Seconds:F1} s ({Sent / Seconds:N0} req/s achieved), {Errors} errors, " +
        $"{o.Connections} connections\nlatency from due time: {Line(SortedLatenciesMs)}\nlatency from send:     {Line(SortedServiceMs)}");
}

/// <summary>The command line.</summary>
internal sealed record Options(Uri Url, int Rate, double Duration, double Warmup, int Connections)
{
    private static readonly Uri DefaultUrl = new("http://127.0.0.1:5080/api/v1/quote?product=8703.23.01.30&origin=JP&date=2025-04-20");

    internal static Options Parse(string[] args)
    {
        var o = new Options(DefaultUrl, 2000, 20, 5, 64);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            o = args[i] switch
            {
                "--url" => o with { Url = new Uri(value) },
                "--rate" => o with { Rate = int.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" => o with { Duration = double.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => o with { Warmup = double.Parse(value, CultureInfo.InvariantCulture) },
                "--connections" => o with { Connections = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; see the comment at the top of Program.cs."),
            };
        }

        if (o.Rate is < 1 or > 100_000 || o.Duration is <= 0 or > 300 || o.Warmup is < 0 or > 60 || o.Connections is < 1 or > 1024)
        {
            throw new ArgumentException("Out of bounds: rate 1-100000/s, duration up to 300 s, warmup up to 60 s, 1-1024 connections.");
        }

        return o;
    }
}

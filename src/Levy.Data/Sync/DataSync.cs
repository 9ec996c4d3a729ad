using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using Levy.Data.Locating;
using Levy.Data.Rulebook;

namespace Levy.Data.Sync;

/// <summary>Fills a data folder from the official upstreams (or from a local mirror) and records what it stored in
/// <c>manifest.json</c>. This is the only code in Levy that uses the network.</summary>
/// <remarks>
/// <para>For each selected file: skip it when the stored copy still matches its manifest entry and comes from the same
/// source (unless forced); otherwise fetch it into a temporary file next to its destination, check it
/// (<see cref="DataFileCheck"/>: its format, then the reader Levy uses for it at run time, so that what sync accepts a
/// quote can read; and for a download that the byte count matches <c>Content-Length</c>), gzip an HTS
/// export that arrived as plain JSON, and only then rename it over the stored copy. A file that fails leaves the
/// stored copy untouched and its temporary file deleted; the other files go on, and every failure is in the
/// <see cref="SyncReport"/>, as <c>file from URL: problem</c>.</para>
/// <para>The HTTP handler and the clock can be injected, so tests run against a server on 127.0.0.1 with a fixed time.
/// Thread-safe: each <see cref="RunAsync"/> uses its own client.</para>
/// </remarks>
public sealed class DataSync
{
    private const int BufferSize = 1 << 16;
    private const long ReportEvery = 1 << 18;

    private readonly DataSources _sources;
    private readonly HttpMessageHandler? _handler;
    private readonly TimeProvider _clock;
    private readonly RulebookFiles _rulebook;

    /// <summary>Creates a sync over a sources list.</summary>
    /// <param name="sources">The files and their upstreams.</param>
    /// <param name="handler">The HTTP handler to use (tests); null for a default one. It is not disposed.</param>
    /// <param name="clock">The clock for retrieval times; null for the system clock.</param>
    /// <param name="rulebook">The rulebook whose readers check each file before it is accepted; null for the embedded one.</param>
    public DataSync(DataSources sources, HttpMessageHandler? handler = null, TimeProvider? clock = null, RulebookFiles? rulebook = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
        _handler = handler;
        _clock = clock ?? TimeProvider.System;
        _rulebook = rulebook ?? RulebookFiles.Embedded;
    }

    /// <summary>The URL to fetch a source from: the official one, or the same host and path under
    /// <see cref="SyncOptions.BaseUrl"/>.</summary>
    public static Uri Locate(Uri official, Uri? baseUrl) =>
        baseUrl is null
            ? official
            : new Uri(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), official.Host + official.PathAndQuery);

    /// <summary>Syncs the selected files.</summary>
    /// <param name="options">What to fetch, from where, into which folder.</param>
    /// <param name="progress">Receives byte counts while files are fetched and each file's result; called from several
    /// threads.</param>
    /// <param name="cancellationToken">Stops the sync; files not yet renamed into place are left as they were.</param>
    /// <returns>One result per file; failures are results, not exceptions.</returns>
    /// <exception cref="DataNotFoundException">The mirror folder given with <see cref="SyncOptions.MirrorFrom"/> does
    /// not exist.</exception>
    /// <exception cref="IOException">The target folder or its manifest cannot be written.</exception>
    /// <exception cref="InvalidDataException">The target's manifest.json is corrupt: nothing is fetched (its entries are
    /// what tells a stored file from a damaged one, so it is not silently replaced).</exception>
    /// <exception cref="OperationCanceledException">The sync was cancelled.</exception>
    public async Task<SyncReport> RunAsync(SyncOptions options, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        string target = Path.GetFullPath(options.Target);
        string? mirror = options.MirrorFrom is null ? null : Path.GetFullPath(options.MirrorFrom);
        if (mirror is not null && !Directory.Exists(mirror))
        {
            throw new DataNotFoundException($"--from {options.MirrorFrom}: no such folder ({mirror}).");
        }

        Directory.CreateDirectory(target);
        string manifestPath = Path.Combine(target, DataManifest.FileName);
        var warnings = new List<string>();
        DataManifest manifest = DataManifest.Read(manifestPath) ?? DataManifest.Empty;

        IReadOnlyList<DataSource> files = options.Select(_sources);
        var results = new SyncFileResult[files.Count];
        var unreachable = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using HttpClient? http = mirror is null ? CreateClient(_handler) : null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), parallel, async (i, ct) =>
        {
            var job = new FileJob(files[i], target, manifest.Find(files[i].File), progress, _rulebook);
            results[i] = mirror is not null ? CopyFromMirror(job, mirror, options.Force)
                : files[i].Url is null ? new SyncFileResult(files[i].File, SyncOutcome.MirrorOnly, files[i].DerivedFrom ?? string.Empty, job.Previous, null)
                : await DownloadAsync(job, http!, Locate(files[i].Url!, options.BaseUrl), options, unreachable, ct).ConfigureAwait(false);
            progress?.Report(new SyncProgress(files[i].File, results[i].Stored ? results[i].Entry!.Size : 0, null, results[i]));
        }).ConfigureAwait(false);

        List<ManifestEntry> stored = results.Where(r => r.Stored).Select(r => r.Entry!).ToList();
        if (stored.Count > 0)
        {
            manifest.With(stored).Write(manifestPath, _clock.GetUtcNow());
        }

        return new SyncReport(target, results, warnings);
    }

    /// <summary>A client with Levy's user agent and no overall timeout (each request sets its own deadline).</summary>
    /// <param name="handler">The handler to use (tests), not disposed; null for a default one.</param>
    internal static HttpClient CreateClient(HttpMessageHandler? handler)
    {
        HttpClient http = handler is null
            ? new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All, ConnectTimeout = TimeSpan.FromSeconds(30) })
            : new HttpClient(handler, disposeHandler: false);
        http.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // each download has its own deadline, body included
        string version = DataManifest.CurrentLevyVersion.Split('+')[0];
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("levy", version));
        return http;
    }

    private async Task<SyncFileResult> DownloadAsync(FileJob job, HttpClient http, Uri url, SyncOptions options,
        System.Collections.Concurrent.ConcurrentDictionary<string, string> unreachable, CancellationToken cancellationToken)
    {
        string source = url.AbsoluteUri;
        if (job.IsUnchanged(source, options.Force))
        {
            return job.Unchanged(source);
        }

        // A host that could not be reached once is not tried again for every file: offline, one answer is enough.
        if (unreachable.TryGetValue(url.Authority, out string? known))
        {
            return job.Finish(source, SyncOutcome.Downloaded, known, _clock) with { UnreachableHost = url.Host };
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        string? problem;
        bool offline = false;
        try
        {
            problem = await FetchAsync(job, http, url, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problem = Format(SyncErrorMessages.Timeout, url.Host, options.Timeout.TotalSeconds);
        }
        catch (HttpRequestException ex)
        {
            problem = Format(SyncErrorMessages.Unreachable, url.Host, ex.Message);
            offline = IsUnreachable(ex);
        }
        catch (IOException ex)
        {
            problem = ex.Message; // writing the temporary file
        }

        SyncFileResult result = job.Finish(source, SyncOutcome.Downloaded, problem, _clock);
        if (offline)
        {
            unreachable.TryAdd(url.Authority, problem!);
            return result with { UnreachableHost = url.Host };
        }

        return result;
    }

    private static async Task<string?> FetchAsync(FileJob job, HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return Format(SyncErrorMessages.HttpStatus, url.Host, (int)response.StatusCode, response.ReasonPhrase ?? response.StatusCode.ToString());
            }

            long? expected = response.Content.Headers.ContentLength;
            long received = 0, reported = 0;
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                FileStream output = job.CreateTemp();
                await using (output.ConfigureAwait(false))
                {
                    byte[] buffer = new byte[BufferSize];
                    while (true)
                    {
                        int n;
                        try
                        {
                            n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                        }
                        catch (IOException ex)
                        {
                            return expected is { } length
                                ? Format(SyncErrorMessages.Truncated, received, length)
                                : Format(SyncErrorMessages.ConnectionLost, received, ex.Message);
                        }

                        if (n == 0)
                        {
                            break;
                        }

                        await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                        received += n;
                        if (received - reported >= ReportEvery)
                        {
                            reported = received;
                            job.Progress?.Report(new SyncProgress(job.Source.File, received, expected, null));
                        }
                    }
                }
            }

            return expected is { } declared && declared != received ? Format(SyncErrorMessages.Truncated, received, declared) : null;
        }
    }

    private SyncFileResult CopyFromMirror(FileJob job, string mirror, bool force)
    {
        string from = job.Source.PathUnder(mirror);
        if (job.IsUnchanged(from, force))
        {
            return job.Unchanged(from);
        }

        if (!File.Exists(from))
        {
            return job.Finish(from, SyncOutcome.Copied, Format(SyncErrorMessages.NotInMirror, from), _clock);
        }

        string? problem = null;
        try
        {
            using FileStream input = File.OpenRead(from);
            job.Progress?.Report(new SyncProgress(job.Source.File, 0, input.Length, null));
            using FileStream output = job.CreateTemp();
            input.CopyTo(output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
        }

        return job.Finish(from, SyncOutcome.Copied, problem, _clock);
    }

    /// <summary>True when the request never reached a server: no network, no such host, connection refused.</summary>
    internal static bool IsUnreachable(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.ProxyTunnelError
        || ex.InnerException is System.Net.Sockets.SocketException;

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);

    /// <summary>One file on its way into the data folder: its temporary files, and the checks before the rename.</summary>
    private sealed class FileJob(DataSource source, string target, ManifestEntry? previous, IProgress<SyncProgress>? progress, RulebookFiles rulebook)
    {
        private readonly string _destination = source.PathUnder(target);
        private string? _temp;

        public DataSource Source => source;

        public ManifestEntry? Previous => previous;

        public IProgress<SyncProgress>? Progress => progress;

        public bool IsUnchanged(string from, bool force) =>
            !force && previous is not null && previous.Source == from && File.Exists(_destination)
            && new FileInfo(_destination).Length == previous.Size && DataManifest.Sha256Of(_destination) == previous.Sha256;

        public SyncFileResult Unchanged(string from) => new(source.File, SyncOutcome.Unchanged, from, previous, null);

        public FileStream CreateTemp()
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_destination)!);
            _temp = TempPath(".partial");
            return new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        }

        /// <summary>Checks the fetched file and renames it into place; deletes the temporary files whatever happens.</summary>
        public SyncFileResult Finish(string from, SyncOutcome outcome, string? problem, TimeProvider clock)
        {
            string? gzipped = null;
            try
            {
                if (problem is null && _temp is not null)
                {
                    problem = DataFileCheck.FindProblem(_temp, source.Format, source.File, rulebook);
                }

                if (problem is not null || _temp is null)
                {
                    string error = Format(SyncErrorMessages.Failure, source.File, from, problem ?? SyncErrorMessages.Empty);
                    return new SyncFileResult(source.File, SyncOutcome.Failed, from, previous, error);
                }

                string stored = _temp;
                if (source.Format == DataFormat.HtsJson && !DataFileCheck.IsGzip(_temp))
                {
                    gzipped = TempPath(".gz.partial");
                    using (FileStream input = File.OpenRead(_temp))
                    using (FileStream output = File.Create(gzipped))
                    using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
                    {
                        input.CopyTo(gzip);
                    }

                    stored = gzipped;
                }

                var entry = new ManifestEntry(source.File, from, DataManifest.Sha256Of(stored), new FileInfo(stored).Length, clock.GetUtcNow(),
                    DataManifest.CurrentLevyVersion);
                File.Move(stored, _destination, overwrite: true);
                return new SyncFileResult(source.File, outcome, from, entry, null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                string error = Format(SyncErrorMessages.Failure, source.File, from, ex.Message);
                return new SyncFileResult(source.File, SyncOutcome.Failed, from, previous, error);
            }
            finally
            {
                Delete(_temp);
                Delete(gzipped);
            }
        }

        // ".hts_2025_rev_7.json.gz.1f3a9c0e.partial": hidden, and never matched by hts_*.json.gz.
        private string TempPath(string suffix) =>
            Path.Combine(Path.GetDirectoryName(_destination)!, $".{Path.GetFileName(_destination)}.{Guid.NewGuid().ToString("N")[..8]}{suffix}");

        private static void Delete(string? path)
        {
            if (path is not null && File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Levy.Core.Schedule;
using Levy.Data.Bundle;
using Levy.Data.Hts;
using Levy.Data.Locating;
using Levy.Data.Rulebook;

namespace Levy.Data.Sync;

/// <summary>A revision listed by the USITC release list.</summary>
/// <param name="Revision">The revision.</param>
/// <param name="Published">The release date USITC gives (its publication, not the legal effective date).</param>
/// <param name="Name">The release name (<c>2026HTSRev11</c>).</param>
public sealed record ReleasedRevision(HtsRevisionId Revision, DateOnly Published, string Name);

/// <summary>What <see cref="BundleUpdate"/> did.</summary>
/// <param name="Base">The bundle it started from.</param>
/// <param name="Written">The bundle it wrote, or null (nothing new, offline, or a failure).</param>
/// <param name="Added">The revisions added, in publication order.</param>
/// <param name="Files">One result per file downloaded.</param>
/// <param name="Offline">One line saying the network is unreachable, or null.</param>
/// <param name="Failures">What failed, one message each.</param>
public sealed record BundleUpdateReport(DataBundle Base, string? Written, IReadOnlyList<ReleasedRevision> Added, IReadOnlyList<SyncFileResult> Files,
    string? Offline, IReadOnlyList<string> Failures)
{
    /// <summary>True when nothing failed and the network was reachable.</summary>
    public bool Succeeded => Offline is null && Failures.Count == 0;
}

/// <summary>Brings the data bundle up to date: asks USITC's release list which HTS revisions were published after the
/// bundle's newest, downloads their JSON, checks it, and compiles a new bundle (the old one's revisions and tables plus the
/// new revisions) into the user's data folder, where Levy finds it (<see cref="DataLocator.Find"/>).</summary>
/// <remarks>
/// <para>New revisions enter the catalogue on their publication date (the release list gives no legal effective date), as a
/// row of the bundle's <c>policy/revision_dates.csv</c> marked as not reviewed; the rulebook does not model what they add
/// to Chapter 99 yet, and <see cref="LevyData.Warnings"/> says so.</para>
/// <para>When the release list cannot be reached at all, the update stops at once with one line (<see cref="BundleUpdateReport.Offline"/>).
/// Thread-safe: each run uses its own client.</para>
/// </remarks>
public sealed partial class BundleUpdate
{
    private readonly DataSources _sources;
    private readonly HttpMessageHandler? _handler;
    private readonly TimeProvider _clock;

    /// <summary>Creates an update over a sources list.</summary>
    /// <param name="sources">Where the release list and the revisions are.</param>
    /// <param name="handler">The HTTP handler (tests); null for a default one. It is not disposed.</param>
    /// <param name="clock">The clock; null for the system clock.</param>
    public BundleUpdate(DataSources sources, HttpMessageHandler? handler = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
        _handler = handler;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Runs the update.</summary>
    /// <param name="current">The bundle in use (a synced one, or the embedded one).</param>
    /// <param name="target">The folder to write <see cref="DataBundle.FileName"/> into.</param>
    /// <param name="rulebook">The rulebook to compile with.</param>
    /// <param name="baseUrl">A server to fetch from instead of the official hosts (<see cref="DataSync.Locate"/>), or null.</param>
    /// <param name="progress">Byte counts while a file downloads, and its result.</param>
    /// <param name="cancellationToken">Stops the update; nothing is written.</param>
    public async Task<BundleUpdateReport> RunAsync(DataBundle current, string target, RulebookFiles rulebook, Uri? baseUrl = null,
        IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rulebook);
        using HttpClient http = DataSync.CreateClient(_handler);
        Uri listUrl = DataSync.Locate(_sources.ReleaseList, baseUrl);
        string list;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromMinutes(1));
            using HttpResponseMessage response = await http.GetAsync(listUrl, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return Failed(current, $"the release list {listUrl}: {listUrl.Host} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            list = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (DataSync.IsUnreachable(ex))
        {
            return new BundleUpdateReport(current, null, [], [], Offline(listUrl, ex.Message, current), []);
        }
        catch (HttpRequestException ex)
        {
            return Failed(current, $"the release list {listUrl}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new BundleUpdateReport(current, null, [], [], Offline(listUrl, "no answer within 60 s", current), []);
        }

        IReadOnlyList<ReleasedRevision> released;
        try
        {
            released = ParseReleaseList(list);
        }
        catch (FormatException ex)
        {
            return Failed(current, $"the release list {listUrl}: {ex.Message}");
        }

        List<ReleasedRevision> added = [.. released.Where(r => r.Revision > current.NewestRevision).OrderBy(r => r.Revision)];
        if (added.Count == 0)
        {
            return new BundleUpdateReport(current, null, [], [], null, []);
        }

        var schedules = new Dictionary<HtsRevisionId, TariffSchedule>();
        var files = new List<SyncFileResult>();
        var sources = new List<BundleSource>(current.Sources.Where(s => s.File.StartsWith("hts/", StringComparison.Ordinal)));
        foreach (ReleasedRevision r in added)
        {
            string file = "hts/" + r.Revision.FileName;
            Uri url = DataSync.Locate(_sources.UrlOf(r.Revision), baseUrl);
            (byte[]? bytes, string? problem, bool unreachable) = await DownloadAsync(http, url, file, progress, cancellationToken).ConfigureAwait(false);
            if (bytes is not null)
            {
                try
                {
                    schedules[r.Revision] = new TariffSchedule(r.Revision, HtsJsonReader.Read(new MemoryStream(bytes), Path.GetFileName(url.AbsolutePath), new ScheduleInterner()));
                }
                catch (InvalidScheduleDataException ex)
                {
                    problem = ex.Message;
                }
            }

            var result = problem is null
                ? new SyncFileResult(file, SyncOutcome.Downloaded, url.AbsoluteUri, new ManifestEntry(file, url.AbsoluteUri, BundleImage.Sha256(bytes), bytes!.Length,
                    _clock.GetUtcNow(), DataManifest.CurrentLevyVersion), null)
                : new SyncFileResult(file, SyncOutcome.Failed, url.AbsoluteUri, null, $"{file} from {url.AbsoluteUri}: {problem}")
                    { UnreachableHost = unreachable ? url.Host : null };
            files.Add(result);
            progress?.Report(new SyncProgress(file, bytes?.Length ?? 0, bytes?.Length, result));
            if (unreachable)
            {
                return new BundleUpdateReport(current, null, added, files, Offline(url, problem!, current), []);
            }

            if (problem is not null)
            {
                return new BundleUpdateReport(current, null, added, files, null, [result.Error!]);
            }

            sources.Add(new BundleSource(file, bytes!.Length, result.Entry!.Sha256));
        }

        var overlay = new OverlayFiles(current.Files, new Dictionary<string, string>
        {
            [RevisionCatalogueReader.RevisionDatesFile] = WithRows(current.Files.ReadText(RevisionCatalogueReader.RevisionDatesFile), added),
        });
        string description = $"levy data sync on {_clock.GetUtcNow():yyyy-MM-dd}: {string.Join(", ", added.Select(a => a.Revision.ToString()))} "
            + $"from the USITC release list, added to {current.Name}";
        byte[] compiled;
        try
        {
            compiled = BundleCompiler.Compile(overlay, rulebook, id => schedules.TryGetValue(id, out TariffSchedule? s) ? s : current.LoadRevision(id), sources, description);
        }
        catch (Exception ex) when (ex is RulebookException or Tables.CsvDataException or ArgumentException)
        {
            return new BundleUpdateReport(current, null, added, files, null, [$"the new revisions do not fit the catalogue: {ex.Message}"]);
        }

        Directory.CreateDirectory(target);
        string path = Path.Combine(target, DataBundle.FileName);
        string temporary = path + $".{Guid.NewGuid().ToString("N")[..8]}.partial";
        await File.WriteAllBytesAsync(temporary, compiled, cancellationToken).ConfigureAwait(false);
        DataBundle.FromBytes(compiled, path); // never rename a bundle into place that does not read back
        File.Move(temporary, path, overwrite: true);
        return new BundleUpdateReport(current, path, added, files, null, []);
    }

    /// <summary>Reads the USITC release list: a JSON array of releases with a <c>name</c> such as <c>2026HTSRev11</c> or
    /// <c>2027HTSBasic</c> and a <c>releaseStartDate</c> (MM/dd/yyyy). Other releases (drafts, other names) are skipped.</summary>
    /// <exception cref="FormatException">The text is not a JSON array of releases.</exception>
    public static IReadOnlyList<ReleasedRevision> ParseReleaseList(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not JSON ({ex.Message})", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"expected a JSON array of releases, found {document.RootElement.ValueKind}");
            }

            var result = new List<ReleasedRevision>();
            foreach (JsonElement release in document.RootElement.EnumerateArray())
            {
                if (release.ValueKind != JsonValueKind.Object
                    || !release.TryGetProperty("name", out JsonElement name) || name.ValueKind != JsonValueKind.String
                    || !release.TryGetProperty("releaseStartDate", out JsonElement start) || start.ValueKind != JsonValueKind.String
                    || ReleaseName().Match(name.GetString()!) is not { Success: true } m
                    || !DateOnly.TryParseExact(start.GetString(), ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly published))
                {
                    continue;
                }

                int year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                int? number = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : null;
                result.Add(new ReleasedRevision(new HtsRevisionId(year, number), published, name.GetString()!));
            }

            return result;
        }
    }

    [GeneratedRegex(@"^(\d{4})HTS(Basic|Rev(\d+))$")]
    private static partial Regex ReleaseName();

    /// <summary>The revision-date table with a row per new revision, in the table's own columns.</summary>
    internal static string WithRows(string table, IEnumerable<ReleasedRevision> added)
    {
        string[] header = table.Split('\n', 2)[0].Trim().Split(',');
        var text = new StringBuilder(table.TrimEnd('\r', '\n')).Append('\n');
        foreach (ReleasedRevision r in added)
        {
            text.AppendJoin(',', header.Select(column => column switch
            {
                "revision" => r.Revision.ShortName,
                "effective_date" => r.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "policy_event" => $"\"Published {r.Published:yyyy-MM-dd} (USITC release list, {r.Name}); added by levy data sync, not reviewed: its effective date is the publication date\"",
                "needs_review" => "TRUE",
                _ => "NA",
            })).Append('\n');
        }

        return text.ToString();
    }

    private static string Offline(Uri url, string reason, DataBundle current) =>
        $"cannot reach {url.Host} ({reason}): no network? Levy goes on with the data it has (HTS to {current.NewestRevision}); "
        + "`levy data sync --from DIR` copies the official files from a folder instead.";

    private static BundleUpdateReport Failed(DataBundle current, string failure) => new(current, null, [], [], null, [failure]);

    private async Task<(byte[]? Bytes, string? Problem, bool Unreachable)> DownloadAsync(HttpClient http, Uri url, string file,
        IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            using HttpResponseMessage response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"{url.Host} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}", false);
            }

            long? expected = response.Content.Headers.ContentLength;
            var body = new MemoryStream();
            Stream stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                byte[] buffer = new byte[1 << 16];
                long reported = 0;
                int n;
                while ((n = await stream.ReadAsync(buffer, deadline.Token).ConfigureAwait(false)) > 0)
                {
                    body.Write(buffer, 0, n);
                    if (body.Length - reported >= 1 << 18)
                    {
                        reported = body.Length;
                        progress?.Report(new SyncProgress(file, body.Length, expected, null));
                    }
                }
            }

            return expected is { } length && length != body.Length
                ? (null, $"the download is truncated: received {body.Length:N0} of {length:N0} bytes (Content-Length)", false)
                : (body.ToArray(), null, false);
        }
        catch (HttpRequestException ex)
        {
            return (null, $"cannot reach {url.Host}: {ex.Message}", DataSync.IsUnreachable(ex));
        }
        catch (IOException ex)
        {
            return (null, $"the connection ended: {ex.Message}", false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no complete answer from {url.Host} within 300 s", false);
        }
    }

    /// <summary>A bundle's files with some replaced.</summary>
    private sealed class OverlayFiles(DataFiles inner, Dictionary<string, string> replaced) : DataFiles
    {
        public override string Origin => inner.Origin;

        public override bool Exists(string file) => replaced.ContainsKey(file) || inner.Exists(file);

        public override string ReadText(string file) => replaced.TryGetValue(file, out string? text) ? text : inner.ReadText(file);

        public override string Describe(string file) => inner.Describe(file);
    }
}

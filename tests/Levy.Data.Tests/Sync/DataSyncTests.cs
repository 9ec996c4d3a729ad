using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Levy.Data.Hts;
using Levy.Data.Sync;
using Levy.Data.Tests.Sync.Support;
using Microsoft.Extensions.Time.Testing;

namespace Levy.Data.Tests.Sync;

[Collection(nameof(NetworkTests))]
public sealed class DataSyncTests : IDisposable
{
    private const string BasicFile = "hts/hts_2025_basic.json.gz";
    private const string Rev1File = "hts/hts_2025_rev_1.json.gz";

    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly SyncFixture _fx = new();
    private readonly FakeTimeProvider _clock = new(Now);

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task RunAsync_FreshTarget_StoresCheckedFilesAndWritesManifest()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);

        SyncReport report = await _fx.CreateSync(_clock).RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures.Select(f => f.Error)));
        Assert.Equal(5, report.Count(SyncOutcome.Downloaded));
        Assert.Equal(SyncOutcome.MirrorOnly, Assert.Single(report.Files, f => f.File == "trade/annex_rates.csv").Outcome);
        DataManifest manifest = DataManifest.Read(Path.Combine(_fx.Target, DataManifest.FileName))!;
        Assert.Equal(5, manifest.Files.Count);
        Assert.Equal(Now, manifest.UpdatedAt);
        foreach (ManifestEntry entry in manifest.Files.Values)
        {
            byte[] stored = File.ReadAllBytes(_fx.TargetPath(entry.File));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), entry.Sha256);
            Assert.Equal(stored.Length, entry.Size);
            Assert.Equal(Now, entry.RetrievedAt);
            Assert.Equal(DataSync.Locate(_fx.UrlOf(entry.File), server.BaseUrl).AbsoluteUri, entry.Source);
            Assert.Equal(DataManifest.CurrentLevyVersion, entry.LevyVersion);
        }

        Assert.Equal(_fx.Served[Rev1File], TinyHts.Gunzip(File.ReadAllBytes(_fx.TargetPath(Rev1File))));
        Assert.Equal(_fx.Served["policy/tpc_notes.txt"], File.ReadAllBytes(_fx.TargetPath("policy/tpc_notes.txt")));
        Assert.Empty(_fx.Leftovers);
    }

    [Fact]
    public async Task RunAsync_FreshTarget_StoredFilesOpenWithLevyData()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);

        await _fx.CreateSync(_clock).RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken);
        LevyData data = LevyData.Open(_fx.TargetDirectory, _fx.Rulebook);
        TariffSchedule rev1 = data.Archive.Get(SyncFixture.Rev1);
        TariffSchedule basic = HtsJsonReader.ReadFile(_fx.TargetPath(BasicFile), SyncFixture.Basic, new ScheduleInterner());

        Assert.Equal("3%", rev1.FindProduct(HtsCode.Parse("8703.23.01.60"))!.General!.Text);
        Assert.Equal("2.5%", basic.FindProduct(HtsCode.Parse("8703.23.01.60"))!.General!.Text);
        Assert.Equal(SyncFixture.Rev1, data.Catalogue.ForDate(new DateOnly(2025, 2, 1)).Id);
    }

    [Fact]
    public async Task RunAsync_SecondRun_SkipsUnchangedFilesWithoutARequest()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);
        DataSync sync = _fx.CreateSync(_clock);
        await sync.RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken);
        int requests = server.Requests.Count;
        byte[] manifestBefore = File.ReadAllBytes(Path.Combine(_fx.Target, DataManifest.FileName));
        _clock.Advance(TimeSpan.FromDays(1));

        SyncReport again = await sync.RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, again.Count(SyncOutcome.Unchanged));
        Assert.Equal(requests, server.Requests.Count);
        Assert.Equal(manifestBefore, File.ReadAllBytes(Path.Combine(_fx.Target, DataManifest.FileName)));
    }

    [Fact]
    public async Task RunAsync_Force_FetchesUnchangedFilesAgain()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);
        DataSync sync = _fx.CreateSync(_clock);
        await sync.RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromDays(1));

        SyncReport again = await sync.RunAsync(_fx.Options(server) with { Force = true }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, again.Count(SyncOutcome.Downloaded));
        Assert.Equal(10, server.Requests.Count);
        Assert.All(DataManifest.Read(Path.Combine(_fx.Target, DataManifest.FileName))!.Files.Values, e => Assert.Equal(Now.AddDays(1), e.RetrievedAt));
    }

    [Fact]
    public async Task RunAsync_StoredFileEditedByHand_FetchesItAgain()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);
        DataSync sync = _fx.CreateSync(_clock);
        await sync.RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken);
        File.AppendAllText(_fx.TargetPath("policy/revision_dates.csv"), "rev_2,2025-03-01,NA,NA,edited,NA,N\n");

        SyncReport again = await sync.RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SyncOutcome.Downloaded, again.Files.Single(f => f.File == "policy/revision_dates.csv").Outcome);
        Assert.Equal(4, again.Count(SyncOutcome.Unchanged));
        Assert.Equal(_fx.Served["policy/revision_dates.csv"], File.ReadAllBytes(_fx.TargetPath("policy/revision_dates.csv")));
    }

    [Fact]
    public async Task RunAsync_RevisionSelected_FetchesOnlyThatRevision()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);

        SyncReport report = await _fx.CreateSync(_clock).RunAsync(
            _fx.Options(server) with { Revisions = new HashSet<HtsRevisionId> { SyncFixture.Rev1 } },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Rev1File, Assert.Single(report.Files).File);
        Assert.Equal([MirrorServer.PathFor(_fx.UrlOf(Rev1File))], server.Requests);
        Assert.False(File.Exists(_fx.TargetPath(BasicFile)));
    }

    [Fact]
    public async Task RunAsync_OnlyPolicy_LeavesOtherGroupsAlone()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);

        SyncReport report = await _fx.CreateSync(_clock).RunAsync(
            _fx.Options(server) with { Groups = new HashSet<DataGroup> { DataGroup.Policy } },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["policy/revision_dates.csv", "policy/policy_params.yaml", "policy/tpc_notes.txt"], report.Files.Select(f => f.File));
        Assert.False(Directory.Exists(Path.Combine(_fx.Target, "hts")));
    }

    public static TheoryData<string, string> BrokenReplies => new()
    {
        { "Content-Length larger than the body", "truncated: received" },
        { "cut mid-JSON", "truncated" },
        { "cut mid-gzip", "truncated" },
        { "bytes flipped in the gzip data", "corrupt gzip data" },
        { "bytes flipped in the JSON", "malformed JSON" },
        { "JSON that is not an HTS export", "not an HTS JSON export" },
        { "an HTML page with status 200", SyncErrorMessages.HtmlPage },
    };

    private static Reply Broken(string kind, byte[] json) => kind switch
    {
        // Content-Length announces more than is sent, then the connection closes.
        "Content-Length larger than the body" => Reply.Truncated(json[..(json.Length / 2)], json.Length),
        // A complete HTTP reply whose JSON stops in the middle of a row.
        "cut mid-JSON" => Reply.Ok(json[..(json.Length - 40)]),
        // A gzip stream that stops half-way.
        "cut mid-gzip" => Reply.Ok(TinyHts.Gzip(json)[..(TinyHts.Gzip(json).Length / 2)]),
        // Bytes flipped inside the compressed data: the deflate stream or its CRC no longer checks.
        "bytes flipped in the gzip data" => Reply.Ok(Flip(TinyHts.Gzip(json))),
        // A byte flipped in plain JSON: the structure breaks.
        "bytes flipped in the JSON" => Reply.Ok(FlipJson(json)),
        // JSON, but not an HTS export (an API error document).
        "JSON that is not an HTS export" => Reply.Ok(Encoding.UTF8.GetBytes("{\"error\": \"rate limited\"}")),
        // A sign-in or error page served with status 200.
        "an HTML page with status 200" => Reply.Ok(Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><body>Access Denied</body></html>"), "text/html"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [MemberData(nameof(BrokenReplies))]
    public async Task RunAsync_BrokenDownload_FailsNamingFileAndUrlAndKeepsGoodCopy(string what, string expected)
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);
        DataSync sync = _fx.CreateSync(_clock);
        await sync.RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken);
        byte[] good = File.ReadAllBytes(_fx.TargetPath(Rev1File));
        ManifestEntry goodEntry = DataManifest.Read(Path.Combine(_fx.Target, DataManifest.FileName))!.Find(Rev1File)!;
        server.Serve(_fx.UrlOf(Rev1File), Broken(what, _fx.Served[Rev1File]));
        _clock.Advance(TimeSpan.FromDays(1));

        SyncReport report = await sync.RunAsync(_fx.Options(server) with { Force = true }, cancellationToken: TestContext.Current.CancellationToken);

        SyncFileResult failure = Assert.Single(report.Failures);
        string url = DataSync.Locate(_fx.UrlOf(Rev1File), server.BaseUrl).AbsoluteUri;
        Assert.StartsWith($"{Rev1File} from {url}: ", failure.Error);
        Assert.Contains(expected, failure.Error, StringComparison.Ordinal);
        Assert.Equal(good, File.ReadAllBytes(_fx.TargetPath(Rev1File)));
        Assert.Equal(goodEntry, DataManifest.Read(Path.Combine(_fx.Target, DataManifest.FileName))!.Find(Rev1File));
        Assert.Equal(4, report.Count(SyncOutcome.Downloaded));
        Assert.Empty(_fx.Leftovers);
        TestContext.Current.SendDiagnosticMessage($"{what}: {failure.Error}");
    }

    [Fact]
    public async Task RunAsync_TruncatedCsv_FailsAndKeepsGoodCopy()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);
        DataSync sync = _fx.CreateSync(_clock);
        await sync.RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken);
        byte[] csv = _fx.Served["policy/revision_dates.csv"];
        server.Serve(_fx.UrlOf("policy/revision_dates.csv"), Reply.Truncated(csv[..30], csv.Length));

        SyncReport report = await sync.RunAsync(_fx.Options(server) with { Force = true }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(string.Format(CultureInfo.InvariantCulture, SyncErrorMessages.Truncated, 30, csv.Length), Assert.Single(report.Failures).Error);
        Assert.Equal(csv, File.ReadAllBytes(_fx.TargetPath("policy/revision_dates.csv")));
    }

    [Fact]
    public async Task RunAsync_NotFound_ReportsHostAndStatusAndGoesOn()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);
        server.Serve(_fx.UrlOf(BasicFile), Reply.Status(404, "Not Found"));

        SyncReport report = await _fx.CreateSync(_clock).RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken);

        string error = Assert.Single(report.Failures).Error!;
        Assert.StartsWith($"{BasicFile} from {DataSync.Locate(_fx.UrlOf(BasicFile), server.BaseUrl).AbsoluteUri}: ", error);
        Assert.EndsWith(string.Format(CultureInfo.InvariantCulture, SyncErrorMessages.HttpStatus, "127.0.0.1", 404, "Not Found"), error);
        Assert.False(File.Exists(_fx.TargetPath(BasicFile)));
        Assert.Equal(4, report.Count(SyncOutcome.Downloaded));
        Assert.DoesNotContain(BasicFile, DataManifest.Read(Path.Combine(_fx.Target, DataManifest.FileName))!.Files.Keys);
    }

    [Fact]
    public async Task RunAsync_ServerUnreachable_SaysWhichHost()
    {
        Uri closed = await MirrorServer.ClosedUrl();

        SyncReport report = await _fx.CreateSync(_clock).RunAsync(
            new SyncOptions { Target = _fx.Target, BaseUrl = closed, Groups = new HashSet<DataGroup> { DataGroup.Policy } },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, report.Count(SyncOutcome.Failed));
        Assert.All(report.Failures, f => Assert.Contains("cannot reach 127.0.0.1", f.Error, StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(_fx.Target, DataManifest.FileName)));
    }

    [Fact]
    public async Task RunAsync_ServerStalls_TimesOutNamingHost()
    {
        await using var server = MirrorServer.Start();
        server.Serve(_fx.UrlOf(Rev1File), Reply.Ok(_fx.Served[Rev1File]) with { Stall = TimeSpan.FromSeconds(30) });

        SyncReport report = await _fx.CreateSync(_clock).RunAsync(
            _fx.Options(server) with { Revisions = new HashSet<HtsRevisionId> { SyncFixture.Rev1 }, Timeout = TimeSpan.FromSeconds(1) },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.EndsWith(string.Format(CultureInfo.InvariantCulture, SyncErrorMessages.Timeout, "127.0.0.1", 1), Assert.Single(report.Failures).Error);
        Assert.Empty(_fx.Leftovers);
    }

    [Fact]
    public async Task RunAsync_CorruptManifest_IsAnErrorAndNothingIsFetched()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);
        Directory.CreateDirectory(_fx.Target);
        string manifest = Path.Combine(_fx.Target, DataManifest.FileName);
        File.WriteAllText(manifest, "{ not json");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() =>
            _fx.CreateSync(_clock).RunAsync(_fx.Options(server), cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith(manifest + " is corrupt (not a Levy manifest: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("{ not json", File.ReadAllText(manifest));
        Assert.False(File.Exists(_fx.TargetPath(Rev1File)));
    }

    [Fact]
    public async Task RunAsync_FromMirror_CopiesEveryFileAndRecordsMirrorPaths()
    {
        _fx.BuildMirror();

        SyncReport report = await _fx.CreateSync(_clock).RunAsync(new SyncOptions { Target = _fx.Target, MirrorFrom = _fx.Mirror },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures.Select(f => f.Error)));
        Assert.Equal(6, report.Count(SyncOutcome.Copied));
        DataManifest manifest = DataManifest.Read(Path.Combine(_fx.Target, DataManifest.FileName))!;
        Assert.Equal(_fx.Source("trade/annex_rates.csv").PathUnder(_fx.Mirror), manifest.Find("trade/annex_rates.csv")!.Source);
        Assert.Equal(File.ReadAllBytes(_fx.Source(Rev1File).PathUnder(_fx.Mirror)), File.ReadAllBytes(_fx.TargetPath(Rev1File)));
        Assert.Equal(6, (await _fx.CreateSync(_clock).RunAsync(new SyncOptions { Target = _fx.Target, MirrorFrom = _fx.Mirror },
            cancellationToken: TestContext.Current.CancellationToken)).Count(SyncOutcome.Unchanged));
    }

    [Fact]
    public async Task RunAsync_FromMirrorWithCorruptFile_FailsAndKeepsGoodCopy()
    {
        _fx.BuildMirror();
        var options = new SyncOptions { Target = _fx.Target, MirrorFrom = _fx.Mirror };
        await _fx.CreateSync(_clock).RunAsync(options, cancellationToken: TestContext.Current.CancellationToken);
        byte[] good = File.ReadAllBytes(_fx.TargetPath(BasicFile));
        string mirrored = _fx.Source(BasicFile).PathUnder(_fx.Mirror);
        File.WriteAllBytes(mirrored, Flip(File.ReadAllBytes(mirrored)));

        SyncReport report = await _fx.CreateSync(_clock).RunAsync(options with { Force = true }, cancellationToken: TestContext.Current.CancellationToken);

        string error = Assert.Single(report.Failures).Error!;
        Assert.StartsWith($"{BasicFile} from {mirrored}: ", error);
        Assert.Contains("corrupt gzip data", error, StringComparison.Ordinal);
        Assert.Equal(good, File.ReadAllBytes(_fx.TargetPath(BasicFile)));
        Assert.Empty(_fx.Leftovers);
    }

    [Fact]
    public async Task RunAsync_FromMirrorMissingAFile_FailsForThatFile()
    {
        _fx.BuildMirror();
        File.Delete(_fx.Source("policy/tpc_notes.txt").PathUnder(_fx.Mirror));

        SyncReport report = await _fx.CreateSync(_clock).RunAsync(new SyncOptions { Target = _fx.Target, MirrorFrom = _fx.Mirror },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("not in the mirror", Assert.Single(report.Failures).Error, StringComparison.Ordinal);
        Assert.Equal(5, report.Count(SyncOutcome.Copied));
    }

    [Fact]
    public async Task RunAsync_FromFolderThatDoesNotExist_Throws()
    {
        var options = new SyncOptions { Target = _fx.Target, MirrorFrom = Path.Combine(_fx.Root, "nowhere") };

        var ex = await Assert.ThrowsAsync<Levy.Data.Locating.DataNotFoundException>(() => _fx.CreateSync(_clock).RunAsync(options, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("nowhere", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_BaseUrl_KeepsHostAndPathUnderIt()
    {
        Uri official = new("https://www.usitc.gov/sites/default/files/tata/hts/hts_2025_revision_7_json.json");

        Assert.Equal("http://127.0.0.1:8080/mirror/www.usitc.gov/sites/default/files/tata/hts/hts_2025_revision_7_json.json",
            DataSync.Locate(official, new Uri("http://127.0.0.1:8080/mirror")).AbsoluteUri);
        Assert.Same(official, DataSync.Locate(official, null));
    }

    /// <summary>Flips the bits of a few bytes in the middle of the data (past the gzip header).</summary>
    private static byte[] Flip(byte[] bytes)
    {
        byte[] copy = (byte[])bytes.Clone();
        for (int i = copy.Length / 2; i < copy.Length / 2 + 8; i++)
        {
            copy[i] ^= 0xFF;
        }

        return copy;
    }

    /// <summary>Turns the brackets and quotes in the first rows into other characters, as a bad transfer would.</summary>
    private static byte[] FlipJson(byte[] json)
    {
        byte[] copy = (byte[])json.Clone();
        int at = Array.IndexOf(copy, (byte)':');
        copy[at] ^= 0x20;
        return copy;
    }
}

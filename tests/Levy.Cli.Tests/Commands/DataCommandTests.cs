using System.Text.Json;
using Levy.Data.Sync;
using Levy.Data.Tests.Sync.Support;

namespace Levy.Cli.Tests.Commands;

[Collection(nameof(NetworkTests))]
public sealed class DataCommandTests : IDisposable
{
    private const string Rev1File = "hts/hts_2025_rev_1.json.gz";

    private readonly SyncFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task Sync_FromServer_StoresFilesAndPrintsOneLinePerFile()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);

        CliRun run = Sync(server);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        string[] lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Contains($"downloaded  {Rev1File} (", run.Error, StringComparison.Ordinal);
        Assert.Contains($"from {server.BaseUrl}www.usitc.gov/sites/default/files/tata/hts/hts_2025_revision_1_json.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("mirror-only trade/annex_rates.csv (not fetched; use --from DIR)", run.Error, StringComparison.Ordinal);
        Assert.EndsWith($"6 files in {_fx.Target}: 5 downloaded, 0 copied, 0 unchanged, 1 mirror-only (not fetched; use --from), 0 failed.\n",
            run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_fx.Target, DataManifest.FileName)));
    }

    [Fact]
    public async Task Sync_NetworkUnreachable_SaysSoInOneLineNamingFrom()
    {
        Uri closed = await MirrorServer.ClosedUrl();

        CliRun run = CliRun.Of("data", "sync", "--rulebook", _fx.RulebookFolder, "--base-url", closed.AbsoluteUri, "--target", _fx.Target);

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: cannot reach 127.0.0.1 (", line, StringComparison.Ordinal);
        Assert.EndsWith("no network? `levy data sync --from DIR` copies the files from a folder instead.", line, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Sync_BundleUpdateWithTheNetworkUnreachable_SaysSoInOneLineNamingFrom()
    {
        Uri closed = await MirrorServer.ClosedUrl();

        CliRun run = CliRun.Of("data", "sync", "--base-url", closed.AbsoluteUri);

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: cannot reach 127.0.0.1 (", line, StringComparison.Ordinal);
        Assert.Contains("`levy data sync --from DIR`", line, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Sync_SecondRun_ReportsEveryFileUnchanged()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);
        Sync(server);

        CliRun run = Sync(server);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("0 downloaded, 0 copied, 5 unchanged", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("downloaded  ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_TruncatedDownload_ExitsFourNamingFileAndUrl()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);
        byte[] json = _fx.Served[Rev1File];
        server.Serve(_fx.UrlOf(Rev1File), Reply.Truncated(json[..100], json.Length));

        CliRun run = Sync(server);

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Contains(
            $"error: {Rev1File} from {server.BaseUrl}www.usitc.gov/sites/default/files/tata/hts/hts_2025_revision_1_json.json: the download is truncated: received 100 of",
            run.Error, StringComparison.Ordinal);
        Assert.Contains("4 downloaded", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 failed.", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_fx.TargetPath(Rev1File)));
    }

    [Fact]
    public async Task Sync_Json_WritesOneDocumentWithEveryFile()
    {
        await using var server = MirrorServer.Start();
        _fx.ServeAll(server);
        server.Serve(_fx.UrlOf("policy/tpc_notes.txt"), Reply.Status(404, "Not Found"));

        CliRun run = Sync(server, "--json");

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Output);
        JsonElement root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("summary").GetProperty("downloaded").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("failed").GetInt32());
        Assert.Equal(6, root.GetProperty("files").GetArrayLength());
        JsonElement notes = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == "policy/tpc_notes.txt");
        Assert.Equal("failed", notes.GetProperty("outcome").GetString());
        Assert.EndsWith("127.0.0.1 answered HTTP 404 Not Found", notes.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(root.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public void Sync_FromMirror_CopiesMirrorOnlyFilesToo()
    {
        _fx.BuildMirror();

        CliRun run = CliRun.Of("data", "sync", "--rulebook", _fx.RulebookFolder, "--from", _fx.Mirror, "--target", _fx.Target);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("6 copied", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_fx.TargetPath("trade/annex_rates.csv")));
    }

    [Theory]
    [InlineData("--revision", "2025_rev_9", "--revision 2025_rev_9: HTS 2025 Revision 9 is not in the sources list")]
    [InlineData("--revision", "rev nine", "\"rev nine\" is not an HTS revision")]
    [InlineData("--only", "census", "census")]
    [InlineData("--base-url", "ftp://127.0.0.1/", "--base-url \"ftp://127.0.0.1/\" is not an http(s) URL.")]
    public void Sync_BadOption_ExitsTwo(string option, string value, string message)
    {
        CliRun run = CliRun.Of("data", "sync", "--rulebook", _fx.RulebookFolder, "--target", _fx.Target, option, value);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_fx.Target));
    }

    [Fact]
    public void Info_AfterSync_ShowsFolderRulebookFilesAndProblems()
    {
        SyncFromMirror();

        CliRun run = Info();

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        ExpectedFile.Match(Anonymise(run.Output), "DataInfo");
    }

    [Fact]
    public void Info_VerifyWithCorruptRevision_ExitsFourNamingIt()
    {
        SyncFromMirror();
        string path = _fx.TargetPath(Rev1File);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..200]);

        CliRun run = Info("--verify");

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Equal($"error: 1 data files are corrupt or differ from manifest.json: {Rev1File}.\n", run.Error);
        ExpectedFile.Match(Anonymise(run.Output), "DataInfoVerifyCorrupt");
    }

    [Fact]
    public void Info_VerifyGoodFolder_ExitsZero()
    {
        SyncFromMirror();

        CliRun run = Info("--verify");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Content", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Info_Json_WritesOneDocument()
    {
        SyncFromMirror();
        File.Delete(_fx.TargetPath("policy/tpc_notes.txt"));

        CliRun run = Info("--json");

        using JsonDocument doc = JsonDocument.Parse(run.Output);
        JsonElement root = doc.RootElement;
        Assert.Equal(_fx.Target, root.GetProperty("dataFolder").GetString());
        Assert.Equal("--data-dir", root.GetProperty("foundVia").GetString());
        Assert.Equal(_fx.RulebookFolder, root.GetProperty("rulebook").GetString());
        Assert.Equal(["2026_rev_8"], root.GetProperty("revisions").GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        JsonElement notes = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == "policy/tpc_notes.txt");
        Assert.False(notes.GetProperty("present").GetBoolean());
        Assert.Equal("matches", root.GetProperty("files")[0].GetProperty("manifest").GetString());
        Assert.Contains("1 listed files missing: policy/tpc_notes.txt.", root.GetProperty("problems").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Info_NoDataThere_ExitsFour()
    {
        Directory.CreateDirectory(_fx.Target);

        CliRun run = Info();

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Contains("holds no Levy data", run.Error, StringComparison.Ordinal);
    }

    private CliRun Sync(MirrorServer server, params string[] more) =>
        CliRun.Of(["data", "sync", "--rulebook", _fx.RulebookFolder, "--base-url", server.BaseUrl.AbsoluteUri, "--target", _fx.Target, .. more]);

    private void SyncFromMirror()
    {
        _fx.BuildMirror();
        CliRun sync = CliRun.Of("data", "sync", "--rulebook", _fx.RulebookFolder, "--from", _fx.Mirror, "--target", _fx.Target);
        Assert.True(sync.ExitCode == ExitCodes.Success, sync.ToString());
    }

    private CliRun Info(params string[] more) =>
        CliRun.Of(["data", "info", "--rulebook", _fx.RulebookFolder, "--data-dir", _fx.Target, .. more]);

    /// <summary>Replaces the temporary folders (different on every run) and the manifest's time and version.</summary>
    private string Anonymise(string output)
    {
        string text = output.Replace(_fx.Target, "<data>", StringComparison.Ordinal).Replace(_fx.RulebookFolder, "<rulebook>", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(text, @"updated \S+ \S+Z by levy \S+", "updated <time> by levy <version>");
    }
}

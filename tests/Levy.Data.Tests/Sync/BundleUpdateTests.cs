using System.Text;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Levy.Data.Bundle;
using Levy.Data.Locating;
using Levy.Data.Rulebook;
using Levy.Data.Sync;
using Levy.Data.Tests.Sync.Support;

namespace Levy.Data.Tests.Sync;

/// <summary><c>levy data sync</c> without options: revisions USITC published after the bundle, from its release list, into
/// a new bundle in the user's data folder; against a server on 127.0.0.1 and an unreachable one.</summary>
[Collection(nameof(NetworkTests))]
public sealed class BundleUpdateTests : IDisposable
{
    private static readonly HtsRevisionId Rev11 = HtsRevisionId.Parse("2026_rev_11");
    private readonly string _home = Directory.CreateTempSubdirectory("levy-home-").FullName;
    private readonly DataSources _sources = DataSources.Load();
    private readonly LoopbackOnlyHandler _handler = new();

    public void Dispose()
    {
        _handler.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    private string Target => Path.Combine(_home, "levy");

    [Fact]
    public async Task Run_NewRevisionPublished_WritesABundleThatLevyUsesWithAWarningNamingIt()
    {
        await using var server = MirrorServer.Start();
        ServeReleaseList(server, ("2026HTSRev10", "06/05/2026"), ("2026HTSRev11", "12/01/2026"), ("2026HTSDraft", "12/02/2026"));
        server.Serve(_sources.UrlOf(Rev11), Reply.Ok(TinyHts.Bytes("3%"), "application/json"));

        BundleUpdateReport report = await Update(server.BaseUrl);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures));
        Assert.Equal([Rev11], report.Added.Select(a => a.Revision));
        Assert.Equal(Path.Combine(Target, DataBundle.FileName), report.Written);
        DataLocation found = DataLocator.Find(environment: name => name == DataLocator.XdgDataHome ? _home : null, currentDirectory: Directory.CreateDirectory(Path.Combine(_home, "work")).FullName);
        Assert.Equal(DataLocator.SyncedSource, found.Source);
        LevyData data = LevyData.Open(found);
        Assert.True(data.UsesCompiledRulebook);
        Assert.Equal(new DateOnly(2026, 12, 1), data.Catalogue.Get(Rev11).EffectiveDate);
        Assert.Contains(data.Warnings, w => w.StartsWith("HTS 2026 Revision 11 is newer than the rulebook, which models Chapter 99 through 2026 Revision 10", StringComparison.Ordinal));
        Assert.Contains(found.Bundle!.Sources, s => s.File == "hts/" + Rev11.FileName && s.Sha256 == BundleImage.Sha256(TinyHts.Bytes("3%")));

        // The new revision's MFN rate is read from it; the revisions before it are those of the embedded bundle.
        Assert.Equal("3%", data.Archive.Get(Rev11).FindProduct(HtsCode.Parse("8703.23.01"))!.General!.Text);
        RateQuote april = data.Engine.Quote(new QuoteRequest { Product = HtsCode.Parse("8703.23.01.90"), Origin = CountryCode.Parse("JP"), EntryDate = new DateOnly(2025, 4, 20) });
        Assert.Equal(0.275m, april.TotalAdValorem);
    }

    [Fact]
    public async Task Run_NothingNewer_WritesNothingAndSucceeds()
    {
        await using var server = MirrorServer.Start();
        ServeReleaseList(server, ("2026HTSRev9", "05/28/2026"), ("2026HTSRev10", "06/05/2026"));

        BundleUpdateReport report = await Update(server.BaseUrl);

        Assert.True(report.Succeeded);
        Assert.Null(report.Written);
        Assert.Empty(report.Added);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public async Task Run_NetworkUnreachable_SaysSoInOneLineNamingFrom()
    {
        Uri closed = await MirrorServer.ClosedUrl();

        BundleUpdateReport report = await Update(closed);

        Assert.False(report.Succeeded);
        Assert.NotNull(report.Offline);
        Assert.DoesNotContain('\n', report.Offline);
        Assert.StartsWith("cannot reach 127.0.0.1 (", report.Offline, StringComparison.Ordinal);
        Assert.Contains("`levy data sync --from DIR`", report.Offline, StringComparison.Ordinal);
        Assert.Empty(report.Failures);
        Assert.Null(report.Written);
    }

    [Fact]
    public async Task Run_NewRevisionTruncated_FailsNamingTheFileAndWritesNothing()
    {
        await using var server = MirrorServer.Start();
        ServeReleaseList(server, ("2026HTSRev11", "12/01/2026"));
        byte[] json = TinyHts.Bytes();
        server.Serve(_sources.UrlOf(Rev11), Reply.Truncated(json[..(json.Length / 2)], json.Length));

        BundleUpdateReport report = await Update(server.BaseUrl);

        Assert.False(report.Succeeded);
        string failure = Assert.Single(report.Failures);
        Assert.StartsWith($"hts/{Rev11.FileName} from {server.BaseUrl}www.usitc.gov/", failure, StringComparison.Ordinal);
        Assert.Null(report.Written);
        Assert.False(File.Exists(Path.Combine(Target, DataBundle.FileName)));
    }

    [Fact]
    public void ParseReleaseList_ReadsRevisionNamesAndDates_SkipsOthers()
    {
        IReadOnlyList<ReleasedRevision> released = BundleUpdate.ParseReleaseList(
            """[{"name":"2027HTSBasic","releaseStartDate":"01/01/2027","status":"current"},{"name":"2026HTSRev11","releaseStartDate":"12/01/2026"},{"name":"Chapter 99 PDF","releaseStartDate":"12/01/2026"},{"name":"2026HTSRev12"}]""");

        Assert.Equal([new ReleasedRevision(HtsRevisionId.Parse("2027_basic"), new DateOnly(2027, 1, 1), "2027HTSBasic"),
            new ReleasedRevision(Rev11, new DateOnly(2026, 12, 1), "2026HTSRev11")], released);
        Assert.Throws<FormatException>(() => BundleUpdate.ParseReleaseList("<html>sign in</html>"));
    }

    private Task<BundleUpdateReport> Update(Uri baseUrl) =>
        new BundleUpdate(_sources, _handler).RunAsync(DataBundle.Embedded!, Target, RulebookFiles.Embedded, baseUrl,
            cancellationToken: TestContext.Current.CancellationToken);

    private void ServeReleaseList(MirrorServer server, params (string Name, string Date)[] releases) =>
        server.Serve(_sources.ReleaseList, Reply.Ok(Encoding.UTF8.GetBytes(
            "[" + string.Join(",", releases.Select(r => $$"""{"name":"{{r.Name}}","releaseStartDate":"{{r.Date}}","status":"archived"}""")) + "]"),
            "application/json"));
}

using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Levy.Data.Locating;
using Levy.Data.Sync;
using Levy.Data.Tests.Sync.Support;

namespace Levy.Data.Tests.Sync;

/// <summary>Sync with the real sources list over the real files of ../shared/data (read at run time, never copied into
/// the repository): one HTS revision plus every policy and trade file, to keep the tests to a second or two.</summary>
[Collection(nameof(NetworkTests))]
public sealed class SharedDataSyncTests : IDisposable
{
    private static readonly HtsRevisionId Newest = new(2026, 10);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("levy-shared-sync-");
    private readonly DataSources _sources = DataSources.Load();

    public void Dispose() => _root.Delete(recursive: true);

    private string Target => Path.Combine(_root.FullName, "data");

    private static SyncOptions Subset(string target) => new()
    {
        Target = target,
        Groups = new HashSet<DataGroup> { DataGroup.Hts, DataGroup.Policy, DataGroup.Trade },
        Revisions = new HashSet<HtsRevisionId> { Newest },
    };

    [Fact]
    public async Task RunAsync_FromSharedData_CopiesFilesThatLevyDataOpens()
    {
        SyncReport report = await new DataSync(_sources).RunAsync(Subset(Target) with { MirrorFrom = SharedData.Directory.FullName },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded, string.Join("\n", report.Failures.Select(f => f.Error)));
        Assert.Equal(44, report.Count(SyncOutcome.Copied));
        LevyData data = LevyData.Open(new DataDirectory(Target, "--data-dir"));
        Assert.Equal(Newest, data.Catalogue.Revisions[^1].Id);
        Assert.NotNull(data.Archive.Get(Newest).FindProduct(HtsCode.Parse("8703.23.01.90")));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(SharedData.Directory.FullName, "policy", "revision_dates.csv")),
            File.ReadAllBytes(Path.Combine(Target, "policy", "revision_dates.csv")));
    }

    [Fact]
    public async Task RunAsync_UsitcServesPlainJson_StoresItGzippedWithTheSameContent()
    {
        // Serve the revision as USITC does: uncompressed JSON (about 13 MB).
        DataSource revision = _sources.Files.Single(f => f.Revision == Newest);
        byte[] json = TinyHts.Gunzip(File.ReadAllBytes(revision.PathUnder(SharedData.Directory.FullName)));
        await using var server = MirrorServer.Start();
        server.Serve(revision.Url!, Reply.Ok(json, "application/json"));

        SyncReport report = await new DataSync(_sources, new LoopbackOnlyHandler()).RunAsync(
            new SyncOptions { Target = Target, BaseUrl = server.BaseUrl, Revisions = new HashSet<HtsRevisionId> { Newest } },
            cancellationToken: TestContext.Current.CancellationToken);

        SyncFileResult result = Assert.Single(report.Files);
        Assert.Equal(SyncOutcome.Downloaded, result.Outcome);
        string stored = revision.PathUnder(Target);
        Assert.True(DataFileCheck.IsGzip(stored));
        Assert.Equal(json, TinyHts.Gunzip(File.ReadAllBytes(stored)));
        Assert.True(result.Entry!.Size < json.Length / 10, $"{result.Entry.Size:N0} bytes stored for {json.Length:N0}");
    }
}

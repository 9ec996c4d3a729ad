using Levy.Core.Schedule;
using Levy.Data.Locating;
using Levy.Data.Rulebook;
using Levy.Data.Sync;
using Levy.Data.Tests.Sync.Support;

namespace Levy.Data.Tests.Sync;

public sealed class DataInventoryTests : IDisposable
{
    private readonly SyncFixture _fx = new();

    public DataInventoryTests()
    {
        _fx.BuildMirror();
        SyncReport report = new DataSync(_fx.Sources, rulebook: _fx.Rulebook).RunAsync(new SyncOptions { Target = _fx.Target, MirrorFrom = _fx.Mirror }).GetAwaiter().GetResult();
        Assert.True(report.Succeeded);
    }

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Take_FreshSync_EveryFileMatchesTheManifest()
    {
        DataInventory inventory = DataInventory.Take(_fx.TargetDirectory, _fx.Rulebook, verify: true);

        Assert.Equal(6, inventory.Files.Count);
        Assert.All(inventory.Files, f => Assert.Equal(ManifestMatch.Matches, f.Manifest));
        Assert.Empty(inventory.BadFiles);
        Assert.Equal(2, inventory.RevisionFilesPresent);
        // The catalogue also holds 2026 Revision 8, from rulebook/revisions.yaml, which this small folder lacks.
        Assert.Equal([new HtsRevisionId(2026, 8)], inventory.MissingRevisions);
        Assert.Equal("1 of 3 HTS revisions missing: 2026_rev_8.", Assert.Single(inventory.Problems));
    }

    [Fact]
    public void Take_VerifyWithCorruptRevision_ReportsItByName()
    {
        string path = _fx.TargetPath("hts/hts_2025_rev_1.json.gz");
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        DataInventory inventory = DataInventory.Take(_fx.TargetDirectory, _fx.Rulebook, verify: true);

        DataFileStatus bad = Assert.Single(inventory.BadFiles);
        Assert.Equal("hts/hts_2025_rev_1.json.gz", bad.File);
        Assert.Equal(ManifestMatch.Differs, bad.Manifest);
        Assert.Contains("truncated", bad.Problem, StringComparison.Ordinal);
        Assert.Contains(inventory.Problems, p => p.StartsWith("hts/hts_2025_rev_1.json.gz: differs from manifest.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Take_WithoutVerify_ReadsNoContentButStillComparesHashes()
    {
        File.AppendAllText(_fx.TargetPath("policy/tpc_notes.txt"), "edited\n");

        DataInventory inventory = DataInventory.Take(_fx.TargetDirectory, _fx.Rulebook, verify: false);

        Assert.False(inventory.Verified);
        Assert.All(inventory.Files, f => Assert.Null(f.Problem));
        Assert.Equal("policy/tpc_notes.txt", Assert.Single(inventory.BadFiles).File);
    }

    [Fact]
    public void Take_MissingAndUnlistedAndLeftoverFiles_AreReported()
    {
        File.Delete(_fx.TargetPath("policy/policy_params.yaml"));
        File.Delete(_fx.TargetPath("hts/hts_2025_basic.json.gz"));
        File.Delete(_fx.TargetPath("trade/annex_rates.csv"));
        File.WriteAllText(Path.Combine(_fx.Target, "policy", "extra.csv"), "a\n1\n");
        File.WriteAllText(Path.Combine(_fx.Target, "hts", ".hts_2025_rev_1.json.gz.0badcafe.partial"), "x");

        DataInventory inventory = DataInventory.Take(_fx.TargetDirectory, _fx.Rulebook, verify: false);

        Assert.False(inventory.Files.Single(f => f.File == "policy/policy_params.yaml").Present);
        DataFileStatus extra = inventory.Files.Single(f => f.File == "policy/extra.csv");
        Assert.False(extra.Listed);
        Assert.Equal(ManifestMatch.NotRecorded, extra.Manifest);
        Assert.Contains("2 of 3 HTS revisions missing: 2025_basic, 2026_rev_8.", inventory.Problems);
        Assert.Contains("1 listed files missing: policy/policy_params.yaml.", inventory.Problems);
        Assert.Contains("1 mirror-only files missing (levy data sync --from DIR copies them): trade/annex_rates.csv.", inventory.Problems);
        Assert.Contains(inventory.Problems, p => p.StartsWith("hts/.hts_2025_rev_1.json.gz.0badcafe.partial: a temporary file", StringComparison.Ordinal));
    }

    [Fact]
    public void Take_FolderWithoutManifest_SaysSo()
    {
        File.Delete(Path.Combine(_fx.Target, DataManifest.FileName));

        DataInventory inventory = DataInventory.Take(_fx.TargetDirectory, _fx.Rulebook, verify: false);

        Assert.Null(inventory.Manifest);
        Assert.All(inventory.Files, f => Assert.Equal(ManifestMatch.NoManifest, f.Manifest));
        Assert.Empty(inventory.BadFiles);
    }

    [Fact]
    public void Take_SharedData_HasEveryRevisionOfTheCatalogue()
    {
        DataInventory inventory = DataInventory.Take(new DataDirectory(SharedData.Directory.FullName, "--data-dir"), RulebookFiles.Embedded, verify: false);

        Assert.Equal(44, inventory.CatalogueRevisions.Count);
        Assert.Empty(inventory.MissingRevisions);
        Assert.All(inventory.Files, f => Assert.True(f.Present && f.Listed, f.File));
    }
}

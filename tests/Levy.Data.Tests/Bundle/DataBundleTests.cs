using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Levy.Data.Bundle;
using Levy.Data.Countries;
using Levy.Data.Locating;
using Levy.Data.Rulebook;

namespace Levy.Data.Tests.Bundle;

/// <summary>The compiled data bundle (docs/data.md, "The data bundle"): reproducible from the official files, equivalent
/// to reading them, and checked when damaged.</summary>
public class DataBundleTests
{
    [Fact]
    public void Compile_SharedData_ReproducesTheEmbeddedBundleByteForByte()
    {
        byte[] compiled = CompiledBundles.SharedFolder();
        byte[] embedded = CompiledBundles.EmbeddedBytes();

        int firstDifference = Enumerable.Range(0, Math.Min(compiled.Length, embedded.Length)).FirstOrDefault(i => compiled[i] != embedded[i], -1);
        Assert.True(compiled.AsSpan().SequenceEqual(embedded),
            $"Compiling ../shared/data with this rulebook gives {compiled.Length:N0} bytes, the embedded bundle has {embedded.Length:N0} "
            + $"(first difference at byte {firstDifference}). The rulebook or the data changed since the bundle was compiled: rebuild it, from the "
            + $"repository root, with `{BundleCompiler.RebuildCommand}` and commit {BundleCompiler.EmbeddedPath}.");
    }

    [Fact]
    public void Embedded_Header_RecordsFormatNewestRevisionAndEverySourceWithItsSha256()
    {
        DataBundle bundle = DataBundle.Embedded!;

        Assert.Equal(2, bundle.FormatVersion);
        Assert.Equal(HtsRevisionId.Parse("2026_rev_10"), bundle.NewestRevision);
        Assert.Equal(44, bundle.Revisions.Length);
        Assert.Equal(44, bundle.Sources.Count(s => s.File.StartsWith("hts/hts_", StringComparison.Ordinal)));
        Assert.Contains(bundle.Sources, s => s.File == "policy/revision_dates.csv");
        Assert.Contains(bundle.Sources, s => s.File == "rulebook/measures.yaml");
        Assert.All(bundle.Sources, s => Assert.Matches("^[0-9a-f]{64}$", s.Sha256));
        Assert.True(bundle.StoredLength < 8 << 20, $"The bundle is {bundle.StoredLength:N0} bytes, over the 8 MB budget.");
    }

    [Fact]
    public void Embedded_CarriesNoRawHtsFile_OnlyCompiledSections()
    {
        DataBundle bundle = DataBundle.Embedded!;

        Assert.DoesNotContain(bundle.Sections, s => s.Name.StartsWith("hts/", StringComparison.Ordinal));
        DataFiles files = bundle.Files;
        Assert.All(bundle.Sources.Where(s => s.File.StartsWith("hts/", StringComparison.Ordinal)), s => Assert.False(files.Exists(s.File), $"{s.File} is carried raw"));
        Assert.True(files.Exists("policy/revision_dates.csv"));
    }

    [Fact]
    public void Bundle_CompiledFromSharedData_LoadsExactlyWhatTheFolderLoads()
    {
        DataBundle bundle = DataBundle.FromBytes(CompiledBundles.SharedFolder(), "compiled from ../shared/data");
        LevyData folder = TestData.UsesFolder ? TestData.Data : LevyData.Open(new DataDirectory(TestData.SharedFolder, "--data-dir"));
        LevyData compiled = LevyData.Open(bundle);

        Assert.True(compiled.UsesCompiledRulebook);
        var compare = new DeepEqual();
        compare.Compare(folder.Catalogue, compiled.Catalogue, "catalogue");
        compare.Compare(folder.Countries, compiled.Countries, "countries");
        compare.Compare(folder.Policy, compiled.Policy, "policy");
        var lines = new DeepEqual(sharing: false);
        foreach (HtsRevision r in folder.Catalogue.Revisions)
        {
            lines.Compare(folder.Archive.Get(r.Id), compiled.Archive.Get(r.Id), $"HTS {r.Id}");
        }
    }

    [Fact]
    public void CompiledRulebook_EqualsTheRulebookReadFromYamlOverTheSameTables()
    {
        DataBundle bundle = DataBundle.FromBytes(CompiledBundles.Recompiled(), "recompiled");
        LevyData compiled = LevyData.Open(bundle);
        RulebookFiles rulebook = RulebookFiles.Embedded;
        RevisionCatalogue catalogue = RevisionCatalogueReader.Read(bundle.Files, rulebook);
        CountryDirectory countries = CountryDirectoryReader.Read(rulebook, bundle.Files);
        PolicyRulebook policy = PolicyRulebookReader.Read(rulebook, bundle.Files, countries, catalogue);

        Assert.True(compiled.UsesCompiledRulebook);
        var compare = new DeepEqual();
        compare.Compare(catalogue, compiled.Catalogue, "catalogue");
        compare.Compare(countries, compiled.Countries, "countries");
        compare.Compare(policy, compiled.Policy, "policy");
    }

    [Fact]
    public void DeepEqual_AFieldThatDiffers_IsReportedWithItsPath()
    {
        PolicyRulebook policy = TestData.Data.Policy;
        var measures = policy.Rulebook.Measures.ToArray();
        measures[3] = measures[3] with { Notes = (measures[3].Notes ?? string.Empty) + " (changed)" };
        PolicyRulebook changed = policy with { Rulebook = policy.Rulebook.With(measures) };

        var ex = Assert.ThrowsAny<Exception>(() => DeepEqual.Assert(policy, changed, "policy"));
        Assert.Contains($"policy.Rulebook.Measures[3].Notes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_WithoutAnyFolder_QuotesTheJapaneseCarAt27Point5PercentWithCitations()
    {
        LevyData data = LevyData.Open(DataBundle.Embedded!);
        RateQuote quote = data.Engine.Quote(new QuoteRequest
        {
            Product = HtsCode.Parse("8703.23.01.90"),
            Origin = CountryCode.Parse("JP"),
            EntryDate = new DateOnly(2025, 4, 20),
        });

        Assert.True(data.UsesCompiledRulebook, "the embedded bundle's compiled rulebook is stale: " + BundleCompiler.RebuildCommand);
        Assert.Equal(0.275m, quote.TotalAdValorem);
        Assert.Contains(quote.Components, c => c.Heading == HtsCode.Parse("9903.94.01") && c.Citation.Contains("Proclamation", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void SearchIndex_ReadyMadeForTheNewestRevision_EqualsTheIndexBuiltFromItsLines()
    {
        DataBundle bundle = DataBundle.FromBytes(CompiledBundles.EmbeddedBytes(), "embedded");
        TariffSchedule newest = bundle.LoadRevision(bundle.NewestRevision);

        Levy.Core.Search.ScheduleSearchIndex ready = bundle.SearchIndex(newest)!;
        var built = (Levy.Core.Search.ScheduleSearchIndex)Activator.CreateInstance(typeof(Levy.Core.Search.ScheduleSearchIndex),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, null, [newest], null)!;

        new DeepEqual(sharing: false).Compare(built, ready, "index");
        Assert.Null(bundle.SearchIndex(bundle.LoadRevision(HtsRevisionId.Parse("2025_rev_12"))));
        const string query = "passenger motor vehicles spark ignition";
        Assert.NotEmpty(ready.Search(query));
        Assert.Equal(built.Search(query).Select(h => (h.Product.Code, h.Score)), ready.Search(query).Select(h => (h.Product.Code, h.Score)));
    }

    [Fact]
    public void Open_TruncatedBundle_IsNamedAsTruncated()
    {
        byte[] bytes = CompiledBundles.EmbeddedBytes();

        var ex = Assert.Throws<InvalidBundleException>(() => DataBundle.FromBytes(bytes[..(bytes.Length - 1000)], "cut.bundle"));

        Assert.Equal($"cut.bundle: the file is truncated: {bytes.Length - 1000:N0} bytes of {bytes.Length:N0}", ex.Message);
    }

    [Fact]
    public void Open_HeaderCut_IsNamedAsTruncated()
    {
        var ex = Assert.Throws<InvalidBundleException>(() => DataBundle.FromBytes(CompiledBundles.EmbeddedBytes()[..200], "cut.bundle"));

        Assert.StartsWith("cut.bundle: the file is truncated: 200 bytes, shorter than its own header", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SectionWithAFlippedByte_IsNamedAsCorrupt()
    {
        byte[] bytes = CompiledBundles.EmbeddedBytes();
        DataBundle intact = DataBundle.FromBytes(bytes, "intact");
        BundleSection section = intact.Sections.Single(s => s.Name == "revision/2025_rev_12");
        long payload = bytes.Length - intact.Sections.Sum(s => (long)s.StoredLength);
        bytes[payload + section.Offset + section.StoredLength / 2] ^= 0x20;
        DataBundle damaged = DataBundle.FromBytes(bytes, "damaged.bundle");

        var ex = Assert.Throws<InvalidBundleException>(() => damaged.LoadRevision(HtsRevisionId.Parse("2025_rev_12")));

        Assert.Equal("damaged.bundle: section revision/2025_rev_12 is corrupt (its checksum does not match the header)", ex.Message);
        Assert.NotNull(damaged.LoadRevision(HtsRevisionId.Parse("2025_rev_11"))); // the other sections still read
        Assert.Throws<InvalidBundleException>(damaged.Verify);
    }

    [Fact]
    public void Open_HeaderWithAFlippedByte_IsNamedAsCorrupt()
    {
        byte[] bytes = CompiledBundles.EmbeddedBytes();
        bytes[40] ^= 0x01;

        var ex = Assert.Throws<InvalidBundleException>(() => DataBundle.FromBytes(bytes, "damaged.bundle"));

        Assert.Equal("damaged.bundle: the header is corrupt (its checksum does not match)", ex.Message);
    }

    [Fact]
    public void Open_NotABundle_SaysSo()
    {
        var ex = Assert.Throws<InvalidBundleException>(() => DataBundle.FromBytes("{\"htsno\": \"0101\"}"u8.ToArray(), "x.json"));

        Assert.Equal("x.json: not a Levy data bundle (it does not start with LEVYDATA)", ex.Message);
    }

    [Fact]
    public void Open_OlderFormatVersion_IsRejectedNamingBothVersionsAndTheFix()
    {
        byte[] bytes = CompiledBundles.EmbeddedBytes();
        bytes[8] = 0; // format version 0, little-endian uint32 at bytes 8-11

        var ex = Assert.Throws<InvalidBundleException>(() => DataBundle.FromBytes(bytes, "old.bundle"));

        Assert.Equal("old.bundle: bundle format 0, but this Levy reads format 2 only; run `levy data sync` (or `levy data compile`) "
            + "to write a bundle in the current format", ex.Message);
    }

    [Fact]
    public void Find_SyncedBundleOfAnOlderFormat_IsSkippedWithANote_AndTheEmbeddedOneIsUsed()
    {
        string home = UserDataHome(bytes => bytes[8] = 0);

        DataLocation location = DataLocator.Find(environment: Env(home), currentDirectory: WorkIn(home));

        Assert.Equal(DataLocator.EmbeddedSource, location.Source);
        Assert.Contains(location.Notes, n => n.Contains("is skipped: bundle format 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_SyncedBundleTruncated_FailsNamingTheFile()
    {
        string home = UserDataHome(bytes => Array.Resize(ref bytes, 100));
        string path = Path.Combine(home, "levy", DataBundle.FileName);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);

        var ex = Assert.Throws<InvalidBundleException>(() => DataLocator.Find(environment: Env(home), currentDirectory: WorkIn(home)));

        Assert.StartsWith($"{path}: the file is truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_SyncedBundleNotNewerThanTheEmbeddedOne_IsSkipped()
    {
        string home = UserDataHome(_ => { });

        DataLocation location = DataLocator.Find(environment: Env(home), currentDirectory: WorkIn(home));

        Assert.Equal(DataLocator.EmbeddedSource, location.Source);
        Assert.Contains(location.Notes, n => n.Contains("is not newer than the embedded bundle", StringComparison.Ordinal));
    }

    /// <summary>A working directory inside the test's own folder, so that no <c>./data</c> or <c>../shared/data</c> left
    /// elsewhere on the machine (say a <c>/tmp/shared</c>) is found before the bundles under test.</summary>
    private static string WorkIn(string home) => Directory.CreateDirectory(Path.Combine(home, "work")).FullName;

    private static Func<string, string?> Env(string home) => name => name == DataLocator.XdgDataHome ? home : null;

    private static string UserDataHome(Action<byte[]> damage)
    {
        string home = Path.Combine(Path.GetTempPath(), "levy-bundle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(home, "levy"));
        byte[] bytes = CompiledBundles.EmbeddedBytes();
        damage(bytes);
        File.WriteAllBytes(Path.Combine(home, "levy", DataBundle.FileName), bytes);
        return home;
    }
}

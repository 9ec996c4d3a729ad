using Levy.Core.Schedule;
using Levy.Data.Rulebook;
using Levy.Data.Sync;

namespace Levy.Data.Tests.Sync;

public class DataSourcesTests
{
    private const string YaleRaw = "https://raw.githubusercontent.com/Budget-Lab-Yale/tariff-rate-tracker/8315fffd697c42559141ed5f8bf7c8fa3da47ae8/";
    private const string ForkRaw = "https://raw.githubusercontent.com/arifshehab/tariff-rate-tracker/9919812fe16ad61d72318dc7b96d387cc6c226da/";

    private static readonly DataSources Embedded = DataSources.Load();

    [Fact]
    public void Load_Embedded_ListsEveryRevisionOf2025And2026InOrder()
    {
        List<HtsRevisionId> revisions = Embedded.Revisions.ToList();

        Assert.Equal(44, revisions.Count);
        Assert.Equal(new HtsRevisionId(2025, null), revisions[0]);
        Assert.Equal(new HtsRevisionId(2025, 32), revisions[32]);
        Assert.Equal(new HtsRevisionId(2026, null), revisions[33]);
        Assert.Equal(new HtsRevisionId(2026, 10), revisions[^1]);
        Assert.Equal(revisions.Order(), revisions);
    }

    [Theory]
    [InlineData("hts/hts_2025_basic.json.gz", "https://www.usitc.gov/sites/default/files/tata/hts/hts_2025_basic_edition_json.json")]
    [InlineData("hts/hts_2025_rev_7.json.gz", "https://www.usitc.gov/sites/default/files/tata/hts/hts_2025_revision_7_json.json")]
    [InlineData("hts/hts_2026_basic.json.gz", "https://www.usitc.gov/sites/default/files/tata/hts/hts_2026_basic_edition_json.json")]
    [InlineData("hts/hts_2026_rev_10.json.gz", "https://www.usitc.gov/sites/default/files/tata/hts/hts_2026_revision_10_json.json")]
    [InlineData("policy/revision_dates.csv", ForkRaw + "config/revision_dates.csv")]
    [InlineData("policy/revision_dates_yale_upstream.csv", YaleRaw + "config/revision_dates.csv")]
    [InlineData("policy/policy_params.yaml", YaleRaw + "config/policy_params.yaml")]
    [InlineData("policy/census_codes.csv", YaleRaw + "resources/census_codes.csv")]
    [InlineData("policy/chapter99_2026_rev_6.txt", YaleRaw + "data/us_notes/chapter99_2026_rev_6.txt")]
    public void Load_Embedded_GivesTheOfficialUrl(string file, string url)
    {
        DataSource source = Embedded.Find(file)!;

        Assert.Equal(url, source.Url!.AbsoluteUri);
        Assert.False(source.MirrorOnly);
    }

    [Fact]
    public void Load_Embedded_MarksTheDerivedTradeTablesMirrorOnly()
    {
        List<DataSource> mirrorOnly = Embedded.Files.Where(f => f.MirrorOnly).ToList();

        Assert.Equal(
            ["trade/reciprocal_annex_i_rates_2025.csv", "trade/us_imports_2024_by_country_census.csv", "trade/us_goods_trade_2024_top10_partners.csv"],
            mirrorOnly.Select(f => f.File));
        Assert.All(mirrorOnly, f => Assert.False(string.IsNullOrWhiteSpace(f.DerivedFrom)));
    }

    [Fact]
    public void Load_Embedded_GivesEveryFileAFormatAndANote()
    {
        Assert.All(Embedded.Files, f => Assert.False(string.IsNullOrWhiteSpace(f.Note), f.File));
        Assert.Equal(DataFormat.Yaml, Embedded.Find("policy/policy_params.yaml")!.Format);
        Assert.Equal(DataFormat.Text, Embedded.Find("policy/s232_auto_parts.txt")!.Format);
        Assert.Equal(44, Embedded.Files.Count(f => f.Format == DataFormat.HtsJson));
    }

    /// <summary>The sources list and the shared data folder describe the same layout, file for file.</summary>
    [Fact]
    public void Load_Embedded_ListsExactlyTheFilesOfTheSharedDataFolder()
    {
        string root = SharedData.Directory.FullName;
        var shared = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f.Contains('/', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(shared, Embedded.Files.Select(f => f.File).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("files:\n  - file: elsewhere/x.csv\n    url: https://example.org/x.csv\n", "elsewhere/x.csv: a data file lives under hts/, policy/ or trade/")]
    [InlineData("files:\n  - file: policy/x.csv\n    upstream: nobody\n    path: x.csv\n", "unknown upstream \"nobody\"")]
    [InlineData("files:\n  - file: policy/x.csv\n    url: ftp://example.org/x.csv\n", "is not an http(s) URL")]
    [InlineData("files:\n  - file: policy/x.csv\n    url: https://example.org/x.csv\n  - file: policy/x.csv\n    url: https://example.org/y.csv\n", "policy/x.csv is listed twice")]
    [InlineData("files:\n  - file: policy/x.csv\n", "give \"upstream\" and \"path\", \"url\", or \"mirror_only: true\"")]
    public void Load_MalformedFile_NamesTheProblem(string files, string expected)
    {
        using var folder = new TempRulebook(files);

        var ex = Assert.Throws<RulebookException>(() => DataSources.Load(folder.Rulebook));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"rulebook/{DataSources.FileName}", ex.Message, StringComparison.Ordinal);
    }

    private sealed class TempRulebook : IDisposable
    {
        private const string Hts = """
            hts:
              file: hts/hts_{revision}.json.gz
              basic_url: https://www.usitc.gov/hts_{year}_basic_edition_json.json
              revision_url: https://www.usitc.gov/hts_{year}_revision_{number}_json.json
              release_list: https://hts.usitc.gov/reststop/releaseList
              editions:
                - year: 2025
                  last_revision: 0

            """;

        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("levy-rulebook-");

        public TempRulebook(string files)
        {
            File.WriteAllText(Path.Combine(_folder.FullName, DataSources.FileName), Hts + files);
            Rulebook = RulebookFiles.FromFolder(_folder.FullName);
        }

        public RulebookFiles Rulebook { get; }

        public void Dispose() => _folder.Delete(recursive: true);
    }
}

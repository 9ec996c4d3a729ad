using Levy.Core.Schedule;
using Levy.Data.Rulebook;
using Levy.Data.Tables;

namespace Levy.Data.Tests.Rulebook;

public class RevisionCatalogueReaderTests
{
    [Fact]
    public void Read_SharedData_HasAll44Revisions_IncludingEditorialRev8()
    {
        RevisionCatalogue catalogue = SharedData.Data.Catalogue;

        Assert.Equal(44, catalogue.Revisions.Length);
        Assert.Equal(new DateOnly(2025, 1, 1), catalogue.FirstDate);
        Assert.Equal(new DateOnly(2026, 12, 31), catalogue.Horizon);
        Assert.Contains(catalogue.Revisions, r => r.Id == HtsRevisionId.Parse("2026_rev_8") && r.Source.StartsWith("rulebook/", StringComparison.Ordinal));
        Assert.All(catalogue.Revisions, r => Assert.True(SharedData.Data.Archive.Has(r.Id), r.Id.ToString()));
    }

    [Theory]
    [InlineData("2025-01-01", "2025_basic")]
    [InlineData("2025-04-05", "2025_rev_9")]
    [InlineData("2025-04-20", "2025_rev_12")]
    [InlineData("2026-05-25", "2026_rev_8")]
    [InlineData("2026-11-26", "2026_rev_10")]
    public void ForDate_RealDates_MapToRevisionInForce(string date, string revision)
    {
        Assert.Equal(HtsRevisionId.Parse(revision), SharedData.Data.Catalogue.ForDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Id);
    }

    [Fact]
    public void Read_KeepsPublicationAndPolicyDatesApart()
    {
        HtsRevision rev6 = SharedData.Data.Catalogue.Get(HtsRevisionId.Parse("2025_rev_6"));

        Assert.Equal(new DateOnly(2025, 3, 12), rev6.EffectiveDate);
        Assert.Equal(new DateOnly(2025, 4, 3), rev6.PolicyEffectiveDate);
        Assert.Contains("Autos", rev6.PolicyEvent);
    }

    [Fact]
    public void Read_BadDate_NamesFileLineAndColumn()
    {
        string dir = Directory.CreateTempSubdirectory("levy-").FullName;
        string csv = Path.Combine(dir, "revision_dates.csv");
        File.WriteAllText(csv, "revision,effective_date,policy_effective_date\nbasic,2025-01-01,NA\nrev_1,27/01/2025,NA\n");

        var ex = Assert.Throws<CsvDataException>(() => RevisionCatalogueReader.Read(csv, RulebookFiles.Embedded));

        Assert.Equal("revision_dates.csv, line 3: \"effective_date\" is not a date (yyyy-MM-dd): \"27/01/2025\"", ex.Message);
    }

    [Fact]
    public void Read_MissingColumn_SaysWhichColumnsExist()
    {
        string dir = Directory.CreateTempSubdirectory("levy-").FullName;
        string csv = Path.Combine(dir, "revision_dates.csv");
        File.WriteAllText(csv, "rev,date\nbasic,2025-01-01\n");

        var ex = Assert.Throws<CsvDataException>(() => RevisionCatalogueReader.Read(csv, RulebookFiles.Embedded));

        Assert.Equal("revision_dates.csv, line 1: the header lacks column \"revision\" (found: rev, date)", ex.Message);
    }
}

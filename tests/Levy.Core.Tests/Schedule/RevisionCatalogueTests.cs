using Levy.Core.Schedule;

namespace Levy.Core.Tests.Schedule;

public class RevisionCatalogueTests
{
    private static HtsRevision Rev(string id, string date) => new(HtsRevisionId.Parse(id), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, null, "test");

    private static readonly RevisionCatalogue Catalogue = new(
        [Rev("2025_rev_1", "2025-01-27"), Rev("2025_basic", "2025-01-01"), Rev("2025_rev_2", "2025-02-01")],
        new DateOnly(2025, 12, 31));

    [Theory]
    [InlineData("2025-01-01", "2025_basic")]
    [InlineData("2025-01-26", "2025_basic")]
    [InlineData("2025-01-27", "2025_rev_1")]
    [InlineData("2025-12-31", "2025_rev_2")]
    public void ForDate_PicksLatestRevisionInForce(string date, string expected)
    {
        Assert.Equal(HtsRevisionId.Parse(expected), Catalogue.ForDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Id);
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2026-01-01")]
    public void ForDate_OutsideData_SaysWhatIsCovered(string date)
    {
        var ex = Assert.Throws<DateOutsideDataException>(() => Catalogue.ForDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal($"No HTS revision covers {date}: the data covers 2025-01-01 to 2025-12-31.", ex.Message);
    }

    [Fact]
    public void EndOf_IsNextRevisionOrDayAfterHorizon()
    {
        Assert.Equal(new DateOnly(2025, 1, 27), Catalogue.EndOf(HtsRevisionId.Parse("2025_basic")));
        Assert.Equal(new DateOnly(2026, 1, 1), Catalogue.EndOf(HtsRevisionId.Parse("2025_rev_2")));
    }

    [Fact]
    public void Get_UnknownRevision_ListsKnownOnes()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Catalogue.Get(HtsRevisionId.Parse("2025_rev_9")));

        Assert.Contains("2025_basic, 2025_rev_1, 2025_rev_2", ex.Message);
    }

    [Fact]
    public void Constructor_OutOfOrderDates_Rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RevisionCatalogue([Rev("2025_basic", "2025-02-01"), Rev("2025_rev_1", "2025-01-27")], new DateOnly(2025, 12, 31)));

        Assert.Contains("2025 Revision 1 takes effect 2025-01-27", ex.Message);
    }
}

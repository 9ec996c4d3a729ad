using System.Globalization;
using Levy.Core.Reports;
using Levy.Core.Schedule;

namespace Levy.Core.Tests.Schedule;

public class DataFreshnessTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static HtsRevision Rev(string id, string date) => new(HtsRevisionId.Parse(id), D(date), null, null, "test");

    // Like the real data: the newest revision, 2026 Revision 10, was published 2026-06-08.
    private static readonly RevisionCatalogue Catalogue = new([Rev("2026_rev_9", "2026-05-27"), Rev("2026_rev_10", "2026-06-08")], D("2026-12-31"));

    [Fact]
    public void Freshness_DateAfterTheNewestPublication_IsStaleAndSaysWhichRevisionHowOldAndHowToUpdate()
    {
        DataFreshness f = Catalogue.Freshness(D("2026-12-02"), today: D("2026-12-02"), HtsRevisionId.Parse("2026_rev_10"));

        Assert.True(f.IsStale);
        Assert.Equal(D("2026-06-08"), f.Published);
        Assert.Equal(177, f.AgeDays);
        Assert.Equal(
            "Data may be out of date: this answer reads HTS 2026 Revision 10, the newest revision Levy has, published 2026-06-08 "
            + "(177 days ago), and 2026-12-02 is after that, so USITC may have published revisions since. Update with `levy data sync`.",
            f.Notice);
    }

    [Fact]
    public void Freshness_OlderRevisionUsed_NamesBothTheUsedAndTheNewest()
    {
        DataFreshness f = Catalogue.Freshness(D("2026-06-10"), today: D("2026-06-10"), HtsRevisionId.Parse("2026_rev_9"));

        Assert.StartsWith("Data may be out of date: this answer reads HTS 2026 Revision 9; the newest revision Levy has, 2026 Revision 10, was published 2026-06-08 (2 days ago)", f.Notice);
    }

    [Theory]
    [InlineData("2026-06-08")] // the day of publication itself
    [InlineData("2025-04-20")]
    public void Freshness_DateOnOrBeforeThePublication_IsNotStaleHoweverOldTheData(string asked)
    {
        DataFreshness f = Catalogue.Freshness(D(asked), today: D("2027-03-01"));

        Assert.False(f.IsStale);
        Assert.Null(f.Notice);
        Assert.Equal(266, f.AgeDays);
    }

    [Fact]
    public void Freshness_TodayBeforeThePublication_AgeIsZero()
    {
        Assert.Equal(0, Catalogue.Freshness(D("2026-07-01"), today: D("2026-06-01")).AgeDays);
        Assert.Contains("(today)", Catalogue.Freshness(D("2026-07-01"), today: D("2026-06-08")).Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void WithFreshness_SetsDataAsOfStaleAndNoticeAndKeepsTheType()
    {
        var answer = new Sample("x");

        Sample fresh = answer.WithFreshness(Catalogue.Freshness(D("2026-12-02"), D("2026-12-02")));

        Assert.Equal("x", fresh.Value);
        Assert.Equal(D("2026-06-08"), fresh.DataAsOf);
        Assert.True(fresh.Stale);
        Assert.NotNull(fresh.DataNotice);
        Assert.Null(answer.Stale); // unset until a host says
    }

    private sealed record Sample(string Value) : DataAnswer;
}

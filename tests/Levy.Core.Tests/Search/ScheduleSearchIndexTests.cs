using Levy.Core.Schedule;
using Levy.Core.Search;
using Levy.Core.Tests.Schedule;

namespace Levy.Core.Tests.Search;

public class ScheduleSearchIndexTests
{
    [Fact]
    public void Search_WordsInOwnDescription_RankThatLineFirst()
    {
        ScheduleSearchIndex index = ScheduleSearchIndex.For(TestSchedules.Cars());

        IReadOnlyList<SearchHit> hits = index.Search("used spark-ignition cars");

        Assert.Equal("8703.23.01.90", hits[0].Product.Code.ToString());
        Assert.Contains("spark", hits[0].Terms);
    }

    [Fact]
    public void Search_Plurals_MatchSingulars()
    {
        IReadOnlyList<SearchHit> hits = ScheduleSearchIndex.For(TestSchedules.Cars()).Search("truck");

        Assert.Equal("8704.21.01", hits[0].Product.Code.ToString());
    }

    [Fact]
    public void Search_CodePrefix_ListsLinesUnderIt()
    {
        IReadOnlyList<SearchHit> hits = ScheduleSearchIndex.For(TestSchedules.Cars()).Search("8703.23", statisticalOnly: true);

        Assert.Equal(["8703.23.01.20", "8703.23.01.90"], hits.Select(h => h.Product.Code.ToString()));
    }

    [Fact]
    public void Search_NoMatch_IsEmpty_AndIndexIsCachedPerSchedule()
    {
        TariffSchedule schedule = TestSchedules.Cars();

        Assert.Empty(ScheduleSearchIndex.For(schedule).Search("bananas"));
        Assert.Same(ScheduleSearchIndex.For(schedule), ScheduleSearchIndex.For(schedule));
    }
}

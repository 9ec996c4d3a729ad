using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Tests.Schedule;

public class TariffScheduleTests
{
    [Fact]
    public void FindProduct_StatisticalLine_InheritsRatesAndFootnotesFromTariffLine()
    {
        TariffSchedule schedule = TestSchedules.Cars();

        HtsProduct used = schedule.FindProduct(HtsCode.Parse("8703.23.01.90"))!;

        Assert.Equal("2.5%", used.General!.Text);
        Assert.Equal(HtsCode.Parse("8703.23.01"), used.RateSource);
        Assert.Equal([HtsCode.Parse("9903.88.01")], used.Chapter99References);
        Assert.Equal("No.", Assert.Single(used.Units).Symbol);
    }

    [Fact]
    public void DescriptionPath_IncludesTextRows_AndDoesNotDoubleColons()
    {
        HtsProduct used = TestSchedules.Cars().FindProduct(HtsCode.Parse("8703.23.01.90"))!;

        Assert.Equal(4, used.DescriptionPath.Count);
        Assert.Equal("Other vehicles, with only spark-ignition internal combustion piston engines:", used.DescriptionPath[1]);
        Assert.Equal(
            "Motor cars and other motor vehicles principally designed for the transport of persons: Other vehicles, with only spark-ignition internal combustion piston engines: Of a cylinder capacity exceeding 1,500 cc but not exceeding 3,000 cc: Used",
            used.FullDescription);
    }

    [Fact]
    public void ParentOf_FollowsIndent_NotDigits()
    {
        TariffSchedule schedule = TestSchedules.Cars();

        Assert.Equal(-1, schedule.ParentOf(0));
        Assert.Equal(1, schedule.ParentOf(2));      // the 8-digit line hangs under the text row
        Assert.Equal(2, schedule.ParentOf(4));
        Assert.Equal(-1, schedule.ParentOf(5));     // 8704 starts a new tree
    }

    [Fact]
    public void FindLine_UnknownCode_ReturnsNull_AndNearestSuggestsAPrintedCode()
    {
        TariffSchedule schedule = TestSchedules.Cars();

        Assert.Null(schedule.FindLine(HtsCode.Parse("8703.23.01.99")));
        Assert.Equal(HtsCode.Parse("8703.23.01.90"), schedule.Nearest(HtsCode.Parse("8703.23.01.99")));
        Assert.Equal(HtsCode.Parse("9903.88.01"), schedule.Nearest(HtsCode.Parse("9903.88.02")));
    }

    [Fact]
    public void LinesWithin_Heading_ListsCodedDescendantsInOrder()
    {
        var codes = TestSchedules.Cars().LinesWithin(HtsCode.Parse("8703")).Select(l => l.Code.ToString()).ToList();

        Assert.Equal(["8703", "8703.23.01", "8703.23.01.20", "8703.23.01.90"], codes);
    }
}

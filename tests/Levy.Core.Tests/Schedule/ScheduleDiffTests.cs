using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Tests.Schedule;

public class ScheduleDiffTests
{
    [Fact]
    public void Compare_RateChangeAddedAndRemoved_AreReported()
    {
        TariffSchedule before = TestSchedules.Cars("2025_rev_6");
        var after = new TariffSchedule(HtsRevisionId.Parse("2025_rev_7"),
        [
            .. TestSchedules.Cars("2025_rev_7", carRate: "3%").Lines.Where(l => l.Code.ToString() != "8704.21.01"),
            TestSchedules.Line("9903.01.25", 0, "Articles the product of any country", "The duty provided in the applicable subheading + 10%"),
        ]);

        ScheduleDiff diff = ScheduleDiff.Compare(before, after);

        Assert.Equal("9903.01.25", Assert.Single(diff.Added).Code.ToString());
        Assert.Equal("8704.21.01", Assert.Single(diff.Removed).Code.ToString());
        LineChange change = Assert.Single(diff.RateChanges);
        Assert.Equal("8703.23.01", change.Code.ToString());
        Assert.Equal(ChangedFields.General, change.Fields);
    }

    [Fact]
    public void Compare_WithinScope_IgnoresOtherChapters()
    {
        ScheduleDiff diff = ScheduleDiff.Compare(TestSchedules.Cars("2025_rev_6"), TestSchedules.Cars("2025_rev_7", carRate: "3%"), HtsCode.Parse("99"));

        Assert.Empty(diff.Changed);
        Assert.Empty(diff.Added);
    }
}

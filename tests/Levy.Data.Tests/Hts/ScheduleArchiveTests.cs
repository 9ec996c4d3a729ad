using System.Diagnostics;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Data.Tests.Hts;

public class ScheduleArchiveTests
{
    [Fact]
    public void LoadAll_EveryRevision_LoadsWithCodedLines()
    {
        var sw = Stopwatch.StartNew();
        IReadOnlyList<TariffSchedule> all = SharedData.Data.Archive.LoadAll();
        TestContext.Current.SendDiagnosticMessage($"loaded {all.Count} in {sw.ElapsedMilliseconds} ms, {SharedData.Data.Archive.Interner.DistinctLines} distinct lines");

        Assert.Equal(44, all.Count);
        Assert.All(all, s => Assert.True(s.CodedLineCount > 25_000, $"{s.Revision}: {s.CodedLineCount}"));
    }

    [Fact]
    public void FindProduct_JapaneseCar_InheritsGeneralRateFromEightDigitLine()
    {
        TariffSchedule schedule = SharedData.Data.Archive.Get(HtsRevisionId.Parse("2025_rev_10"));

        HtsProduct car = schedule.FindProduct(HtsCode.Parse("8703.23.01.90"))!;

        Assert.Equal("2.5%", car.General!.Text);
        Assert.Equal(HtsCode.Parse("8703.23.01"), car.RateSource);
        Assert.Contains(HtsCode.Parse("9903.88.01"), car.Chapter99References);
        Assert.EndsWith("Used", car.FullDescription);
        Assert.StartsWith("Motor cars", car.FullDescription);
    }
}

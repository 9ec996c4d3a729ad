using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Core.Reports;

namespace Levy.Core.Tests.Panels;

public class RateSeriesBuilderTests
{
    private static readonly CountryCode Jp = CountryCode.Parse("JP"), De = CountryCode.Parse("DE");
    private static readonly HtsCode Car = HtsCode.Parse("8703.23.01.90"), Tube = HtsCode.Parse("4009.11.00.00");
    private static readonly DateOnly Day1 = new(2025, 4, 1);

    private static PanelValues Values(decimal mfn, decimal reciprocal = 0m, decimal s232 = 0m, bool needsValue = false) =>
        new(mfn, s232, 0m, 0m, reciprocal, 0m, 0m, 0m, needsValue);

    private static PanelInterval Row(HtsCode p, CountryCode c, int firstDay, int lastDay, PanelValues v) =>
        new(p, c, Day1.AddDays(firstDay), Day1.AddDays(lastDay), v);

    [Fact]
    public void Build_TwoPairsOfOneCountry_AveragesThemEachDay()
    {
        var builder = new RateSeriesBuilder(Day1, Day1.AddDays(3), [new SeriesGroup("JP", [Jp])]);

        builder.Write([Row(Car, Jp, 0, 1, Values(0.025m)), Row(Car, Jp, 2, 3, Values(0.025m, s232: 0.25m))]);
        builder.Write([Row(Tube, Jp, 0, 3, Values(0.025m, reciprocal: 0.10m))]);
        RateSeries s = builder.Build()[0];

        Assert.Equal([0.075, 0.075, 0.2, 0.2], s.Totals.Select(v => Math.Round(v, 9)));
        Assert.Equal(0.125, Math.Round(s.Component(Authority.Section232)[3], 9));
        Assert.Equal(0.05, Math.Round(s.Component(Authority.IeepaReciprocal)[0], 9));
        Assert.Equal([2d, 2d, 2d, 2d], s.Pairs);
        Assert.Equal([0, 2], s.Steps());
    }

    [Fact]
    public void Build_EstimatedEquivalents_TheirShareIsReportedBesideTheNeedsValueShare()
    {
        var builder = new RateSeriesBuilder(Day1, Day1.AddDays(1), [new SeriesGroup("JP", [Jp])]);

        builder.Write([Row(Car, Jp, 0, 1, Values(0.02m) with { AveEstimated = true })]);
        builder.Write([Row(Tube, Jp, 0, 0, Values(0m, needsValue: true)), Row(Tube, Jp, 1, 1, Values(0.025m))]);
        RateSeries s = builder.Build()[0];
        RateSeriesView view = RateSeriesView.Create(s);

        Assert.Equal([0.5, 0.5], s.AveEstimatedShares);
        Assert.Equal([0.5, 0d], s.NeedsValueShares);
        Assert.All(view.Steps, step => Assert.Equal(0.5, step.AveEstimatedShare));
    }

    [Fact]
    public void Build_NoEstimates_ViewLeavesTheShareOut() =>
        Assert.Null(RateSeriesView.Create(new RateSeriesBuilder(Day1, Day1, [new SeriesGroup("JP", [Jp])]).Build()[0]).Steps[0].AveEstimatedShare);

    [Fact]
    public void Build_DayWithoutPairs_IsNaN()
    {
        var builder = new RateSeriesBuilder(Day1, Day1.AddDays(2), [new SeriesGroup("JP", [Jp])]);

        builder.Write([Row(Car, Jp, 0, 0, Values(0.025m))]);
        RateSeries s = builder.Build()[0];

        Assert.Equal(0.025, s.Totals[0], 9);
        Assert.True(double.IsNaN(s.Totals[1]));
        Assert.Equal(0.025, s.Average(), 9);
    }

    [Fact]
    public void Build_ImportWeights_WeighPairsByValueAndDropPairsWithout()
    {
        var weights = new ImportWeights("test", [new(((Car, Jp)), 3m), new(((Tube, Jp)), 1m)]);
        var builder = new RateSeriesBuilder(Day1, Day1, [new SeriesGroup("JP", [Jp]), new SeriesGroup("DE", [De])], weights);

        builder.Write([Row(Car, Jp, 0, 0, Values(0.20m)), Row(Car, De, 0, 0, Values(0.50m))]);
        builder.Write([Row(Tube, Jp, 0, 0, Values(0.40m))]);
        IReadOnlyList<RateSeries> s = builder.Build();

        Assert.Equal((3 * 0.20 + 0.40) / 4, s[0].Totals[0], 9);
        Assert.True(double.IsNaN(s[1].Totals[0])); // no German imports in the weights
    }

    [Fact]
    public void Build_CountryWeights_AverageCountryMeans()
    {
        var byCountry = new CountryWeights("test", [new(Jp, 1m), new(De, 3m)]);
        var pooled = new RateSeriesBuilder(Day1, Day1, [new SeriesGroup("both", [Jp, De])]);
        var weighted = new RateSeriesBuilder(Day1, Day1, [new SeriesGroup("both", [Jp, De], byCountry)]);
        PanelInterval[] rows = [Row(Car, Jp, 0, 0, Values(0.10m)), Row(Tube, Jp, 0, 0, Values(0.30m)), Row(Car, De, 0, 0, Values(0.60m))];

        pooled.Write(rows);
        weighted.Write(rows);

        Assert.Equal((0.10 + 0.30 + 0.60) / 3, pooled.Build()[0].Totals[0], 9);
        Assert.Equal((1 * 0.20 + 3 * 0.60) / 4, weighted.Build()[0].Totals[0], 9);
    }

    [Fact]
    public void Build_NeedsValueRows_AreCountedAsAShare()
    {
        var builder = new RateSeriesBuilder(Day1, Day1, [new SeriesGroup("JP", [Jp])]);

        builder.Write([Row(Car, Jp, 0, 0, Values(0.10m, needsValue: true)), Row(Tube, Jp, 0, 0, Values(0.10m))]);

        Assert.Equal(0.5, builder.Build()[0].NeedsValueShares[0], 9);
    }

    [Fact]
    public void Spans_SplitWhereTheWatchedValuesChange()
    {
        var builder = new RateSeriesBuilder(Day1, Day1.AddDays(3), [new SeriesGroup("JP", [Jp])]);

        // The total stays 27.5% while MFN and Section 232 differ on day 2 only; the reciprocal component never changes.
        builder.Write([Row(Car, Jp, 0, 1, Values(0.025m, s232: 0.25m)), Row(Car, Jp, 2, 2, Values(0.05m, s232: 0.225m)),
            Row(Car, Jp, 3, 3, Values(0.025m, reciprocal: 0.0m, s232: 0.25m))]);
        RateSeries s = builder.Build()[0];

        Assert.Equal([(0, 1), (2, 2), (3, 3)], s.Spans());
        Assert.Equal([(0, 3)], s.Spans([Authority.IeepaReciprocal]));
    }

    [Fact]
    public void Slice_KeepsTheDaysAsked()
    {
        var builder = new RateSeriesBuilder(Day1, Day1.AddDays(3), [new SeriesGroup("JP", [Jp])]);
        builder.Write([Row(Car, Jp, 0, 1, Values(0.025m)), Row(Car, Jp, 2, 3, Values(0.025m, s232: 0.25m))]);

        RateSeries s = builder.Build()[0].Slice(Day1.AddDays(1), Day1.AddDays(2));

        Assert.Equal((Day1.AddDays(1), Day1.AddDays(2)), (s.From, s.To));
        Assert.Equal([0.025, 0.275], s.Totals.Select(v => Math.Round(v, 9)));
        Assert.Equal([0d, 0.25], s.Component(Authority.Section232).Select(v => Math.Round(v, 9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Slice(Day1, Day1.AddDays(2)));
    }

    [Fact]
    public void RateSeriesView_OneAuthority_ShowsItAndTheTotalInSteps()
    {
        var builder = new RateSeriesBuilder(Day1, Day1.AddDays(3), [new SeriesGroup("JP", [Jp])]);
        builder.Write([Row(Car, Jp, 0, 1, Values(0.025m)), Row(Car, Jp, 2, 3, Values(0.025m, s232: 0.25m))]);
        builder.Write([Row(Tube, Jp, 0, 0, Values(0.025m))]);

        RateSeriesView view = RateSeriesView.Create(builder.Build()[0], [Authority.Section232]);

        Assert.Equal([Day1, Day1.AddDays(1), Day1.AddDays(2)], view.Steps.Select(x => x.From));
        Assert.Equal([0.025, 0.025, 0.275], view.Steps.Select(x => x.Total));
        Assert.Equal(["Section232"], view.Steps[2].ByAuthority.Keys);
        Assert.Equal(0.25, view.Steps[2].ByAuthority["Section232"]);
        Assert.Equal([2d, 1d, 1d], view.Steps.Select(x => x.Pairs));
    }
}

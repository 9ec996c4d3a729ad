using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;

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
}

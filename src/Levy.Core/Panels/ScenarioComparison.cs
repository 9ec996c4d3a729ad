using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Panels;

/// <summary>The average rate of one product under two rulebooks over the range compared.</summary>
/// <param name="Product">The HTS code.</param>
/// <param name="Baseline">Its mean total rate under the baseline (over the days it is printed and the countries compared).</param>
/// <param name="Scenario">Its mean total rate under the scenario.</param>
/// <param name="Weight">Its weight in the chapter and aggregate means (1, or its imports from the countries compared).</param>
public sealed record ProductDifference(HtsCode Product, double Baseline, double Scenario, double Weight)
{
    /// <summary>Scenario minus baseline.</summary>
    public double Difference => Scenario - Baseline;
}

/// <summary>The mean rates of the products of one HS chapter under two rulebooks.</summary>
/// <param name="Chapter">The chapter (1–97).</param>
/// <param name="Products">The products compared.</param>
/// <param name="Changed">The products whose mean rate differs.</param>
/// <param name="Baseline">The (weighted) mean of the products' baseline rates.</param>
/// <param name="Scenario">The (weighted) mean of their scenario rates.</param>
public sealed record ChapterDifference(int Chapter, int Products, int Changed, double Baseline, double Scenario)
{
    /// <summary>Scenario minus baseline.</summary>
    public double Difference => Scenario - Baseline;
}

/// <summary>How a scenario changes the rates on the goods of some countries over a range of dates: per product, per HS
/// chapter, and in the aggregate (with the daily series of both).</summary>
/// <remarks>Both panels are built for the countries compared only (so a comparison for one country takes seconds).
/// Products weigh 1 each, or their import value from those countries when <see cref="ImportWeights"/> are given.
/// Immutable.</remarks>
public sealed class ScenarioComparison
{
    private ScenarioComparison(IReadOnlyList<ProductDifference> products, IReadOnlyList<ChapterDifference> chapters, RateSeries baseline,
        RateSeries scenario, PanelSummary baselineSummary, PanelSummary scenarioSummary)
    {
        Products = products;
        Chapters = chapters;
        BaselineSeries = baseline;
        ScenarioSeries = scenario;
        BaselineSummary = baselineSummary;
        ScenarioSummary = scenarioSummary;
    }

    /// <summary>Every product, in code order.</summary>
    public IReadOnlyList<ProductDifference> Products { get; }

    /// <summary>Every chapter, in order.</summary>
    public IReadOnlyList<ChapterDifference> Chapters { get; }

    /// <summary>The daily series under the baseline.</summary>
    public RateSeries BaselineSeries { get; }

    /// <summary>The daily series under the scenario.</summary>
    public RateSeries ScenarioSeries { get; }

    /// <summary>The baseline build.</summary>
    public PanelSummary BaselineSummary { get; }

    /// <summary>The scenario build.</summary>
    public PanelSummary ScenarioSummary { get; }

    /// <summary>The (weighted) mean of every product's baseline rate.</summary>
    public double BaselineMean => WeightedMean(Products, p => p.Baseline);

    /// <summary>The (weighted) mean of every product's scenario rate.</summary>
    public double ScenarioMean => WeightedMean(Products, p => p.Scenario);

    /// <summary>Compares two engines over the request's countries, dates and products.</summary>
    /// <param name="baseline">The engine of the baseline (usually the actual rulebook).</param>
    /// <param name="scenario">The engine of the scenario.</param>
    /// <param name="request">The countries, dates and products compared.</param>
    /// <param name="weights">Import values to weight products by, or null to weigh each product the same.</param>
    /// <param name="cancellationToken">Stops the builds.</param>
    /// <exception cref="DateOutsideDataException">A bound is outside the data.</exception>
    public static ScenarioComparison Run(TariffEngine baseline, TariffEngine scenario, PanelRequest request, ImportWeights? weights = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(request);
        DateOnly from = request.From ?? baseline.Timeline.First, to = request.To ?? baseline.Timeline.Horizon;
        var groups = new[] { new SeriesGroup(string.Join(", ", request.Countries), request.Countries) };
        (Dictionary<HtsCode, (double Mean, double Weight)> a, RateSeries sa, PanelSummary pa) = Measure(baseline);
        (Dictionary<HtsCode, (double Mean, double Weight)> b, RateSeries sb, PanelSummary pb) = Measure(scenario);
        var products = a.Keys.Union(b.Keys).Order()
            .Select(p => new ProductDifference(p, a.TryGetValue(p, out var x) ? x.Mean : double.NaN, b.TryGetValue(p, out var y) ? y.Mean : double.NaN,
                weights is null ? 1d : Math.Max(x.Weight, y.Weight)))
            .Where(p => double.IsFinite(p.Baseline) && double.IsFinite(p.Scenario))
            .ToList();
        var chapters = products.GroupBy(p => p.Product.Chapter).OrderBy(g => g.Key)
            .Select(g => new ChapterDifference(g.Key, g.Count(), g.Count(p => Math.Abs(p.Difference) > 1e-9),
                WeightedMean(g, p => p.Baseline), WeightedMean(g, p => p.Scenario)))
            .ToList();
        return new ScenarioComparison(products, chapters, sa, sb, pa, pb);

        (Dictionary<HtsCode, (double, double)>, RateSeries, PanelSummary) Measure(TariffEngine engine)
        {
            var means = new ProductMeans(request.Countries.ToHashSet(), weights);
            var series = new RateSeriesBuilder(from, to, groups);
            PanelSummary summary = new PanelBuilder(engine).Build(request, new TeeSink(means, series), null, cancellationToken);
            return (means.Means, series.Build()[0], summary);
        }
    }

    private static double WeightedMean(IEnumerable<ProductDifference> products, Func<ProductDifference, double> value)
    {
        double sum = 0, weight = 0;
        foreach (ProductDifference p in products)
        {
            sum += p.Weight * value(p);
            weight += p.Weight;
        }

        return weight > 0 ? sum / weight : double.NaN;
    }

    /// <summary>The day-weighted mean total of each product over its rows (all countries compared).</summary>
    private sealed class ProductMeans(HashSet<CountryCode> countries, ImportWeights? weights) : IPanelSink
    {
        internal Dictionary<HtsCode, (double Mean, double Weight)> Means { get; } = [];

        public void Write(ReadOnlySpan<PanelInterval> rows)
        {
            double sum = 0, days = 0, weight = 0;
            HtsCode product = default;
            var seen = new HashSet<CountryCode>();
            foreach (ref readonly PanelInterval row in rows)
            {
                product = row.Product;
                sum += (double)row.Values.Total * row.Days;
                days += row.Days;
                if (weights is not null && countries.Contains(row.Country) && seen.Add(row.Country))
                {
                    weight += (double)weights.WeightOf(row.Product, row.Country);
                }
            }

            if (days > 0)
            {
                Means[product] = (sum / days, weight);
            }
        }
    }
}

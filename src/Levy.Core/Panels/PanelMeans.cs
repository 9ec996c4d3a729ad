using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Panels;

/// <summary>A product's mean total rate over the rows of a panel, and its weight.</summary>
/// <param name="Mean">The day-weighted mean of its total rate over the countries and days of the panel (a fraction of value).</param>
/// <param name="Weight">Its import value from the panel's countries, or 0 when the panel was not weighted.</param>
public readonly record struct ProductMean(double Mean, double Weight);

/// <summary>One panel build reduced to what the analyses read: the daily effective-rate series of its countries pooled,
/// and each product's mean rate. <see cref="ScenarioComparison"/> compares two of them; a host can keep them to answer
/// effective-rate series and comparisons without building the panel again.</summary>
/// <remarks>The series is unweighted (every product-country pair counts once); the products carry their import value when
/// <see cref="ImportWeights"/> are given. About 1.6 MB for one country's 20,000 products over 2025–2026. Immutable and
/// thread-safe.</remarks>
public sealed class PanelMeans
{
    private PanelMeans(PanelRequest request, RateSeries series, IReadOnlyDictionary<HtsCode, ProductMean> products, PanelSummary summary, bool weighted)
    {
        Request = request;
        Series = series;
        Products = products;
        Summary = summary;
        Weighted = weighted;
    }

    /// <summary>The countries, dates and products the panel covered.</summary>
    public PanelRequest Request { get; }

    /// <summary>The daily series of the countries pooled, unweighted, named after the countries (<c>JP</c>, <c>JP, KR</c>).</summary>
    public RateSeries Series { get; }

    /// <summary>Every product with at least one row, with its mean rate.</summary>
    public IReadOnlyDictionary<HtsCode, ProductMean> Products { get; }

    /// <summary>What the build did.</summary>
    public PanelSummary Summary { get; }

    /// <summary>Whether the products carry import weights.</summary>
    public bool Weighted { get; }

    /// <summary>Builds the panel of an engine and reduces it.</summary>
    /// <param name="engine">The engine (the actual rulebook or a scenario).</param>
    /// <param name="request">The countries, dates and products.</param>
    /// <param name="weights">Import values to weight products by, or null to weigh each product the same.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <exception cref="DateOutsideDataException">A bound is outside the data.</exception>
    /// <exception cref="ArgumentException">The request names no country, or its dates are reversed.</exception>
    /// <exception cref="OperationCanceledException">The build was cancelled.</exception>
    public static PanelMeans Measure(TariffEngine engine, PanelRequest request, ImportWeights? weights = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        DateOnly from = request.From ?? engine.Timeline.First, to = request.To ?? engine.Timeline.Horizon;
        var means = new ProductMeans(request.Countries.ToHashSet(), weights);
        var series = new RateSeriesBuilder(from, to, [new SeriesGroup(string.Join(", ", request.Countries), request.Countries)]);
        PanelSummary summary = new PanelBuilder(engine).Build(request, new TeeSink(means, series), null, cancellationToken);
        return new PanelMeans(request, series.Build()[0], means.Means, summary, weights is not null);
    }

    /// <summary>The day-weighted mean total of each product over its rows (all countries of the panel).</summary>
    private sealed class ProductMeans(HashSet<CountryCode> countries, ImportWeights? weights) : IPanelSink
    {
        internal Dictionary<HtsCode, ProductMean> Means { get; } = [];

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
                Means[product] = new ProductMean(sum / days, weight);
            }
        }
    }
}

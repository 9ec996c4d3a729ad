using Levy.Core.Panels;

namespace Levy.Core.Reports;

/// <summary>How a scenario changes the rates on the goods of some countries: the JSON shape of
/// <c>levy scenario compare --json</c> and <c>GET /api/v1/scenarios/compare/aggregate</c>.</summary>
/// <remarks>
/// <para>Rates are fractions of value (0.131 for 13.1%); differences are scenario minus baseline. Products weigh the
/// same (or by imports, with weights); the daily means are unweighted.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Baseline">The baseline's name (<c>actual</c>).</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Countries">The countries compared (ISO codes).</param>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="Aggregate">The mean over the products of each product's mean rate over the days.</param>
/// <param name="Daily">The mean over the days of the daily effective rate.</param>
/// <param name="DifferentFrom">The first day on which the daily series differ, or null when none does.</param>
/// <param name="DifferentUntil">The last day on which they differ.</param>
/// <param name="ProductsCompared">The products compared.</param>
/// <param name="ProductsChanged">The products whose mean rate differs.</param>
/// <param name="Chapters">Every HS chapter, in order.</param>
/// <param name="Products">The products whose mean rate differs, largest difference first (all, or the first few).</param>
/// <param name="Seconds">How long the panels took to build, when the host says.</param>
public sealed record ScenarioComparisonReport(
    string Baseline,
    string Scenario,
    IReadOnlyList<string> Countries,
    DateOnly From,
    DateOnly To,
    MeanComparison Aggregate,
    MeanComparison Daily,
    DateOnly? DifferentFrom,
    DateOnly? DifferentUntil,
    int ProductsCompared,
    int ProductsChanged,
    IReadOnlyList<ChapterDifference> Chapters,
    IReadOnlyList<ProductDifference> Products,
    double? Seconds)
{
    /// <summary>The report of a comparison.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="baseline">The baseline's name.</param>
    /// <param name="scenario">The scenario's name.</param>
    /// <param name="top">How many changed products to list (largest difference first), or null for all.</param>
    /// <param name="seconds">How long the builds took, or null.</param>
    public static ScenarioComparisonReport Create(ScenarioComparison comparison, string baseline, string scenario, int? top = null, double? seconds = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        RateSeries a = comparison.BaselineSeries, b = comparison.ScenarioSeries;
        List<ProductDifference> changed = [.. comparison.Products.Where(p => Math.Abs(p.Difference) > 1e-9)
            .OrderByDescending(p => Math.Abs(p.Difference)).ThenBy(p => p.Product)];
        int first = Enumerable.Range(0, a.Days).FirstOrDefault(d => Differ(a.Totals[d], b.Totals[d]), -1);
        int last = Enumerable.Range(0, a.Days).Reverse().FirstOrDefault(d => Differ(a.Totals[d], b.Totals[d]), -1);
        return new ScenarioComparisonReport(
            baseline,
            scenario,
            [.. comparison.Countries.Select(c => c.Value)],
            a.From,
            a.To,
            MeanComparison.Of(comparison.BaselineMean, comparison.ScenarioMean),
            MeanComparison.Of(a.Average(), b.Average()),
            first < 0 ? null : a.DateOf(first),
            last < 0 ? null : a.DateOf(last),
            comparison.Products.Count,
            changed.Count,
            comparison.Chapters,
            top is { } n ? [.. changed.Take(n)] : changed,
            seconds);

        static bool Differ(double x, double y) => double.IsFinite(x) != double.IsFinite(y) || Math.Abs(x - y) > 1e-9;
    }
}

/// <summary>A mean rate under two rulebooks.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Baseline">Under the baseline (a fraction of value), or null when there is nothing to average.</param>
/// <param name="Scenario">Under the scenario.</param>
/// <param name="Difference">Scenario minus baseline.</param>
public sealed record MeanComparison(double? Baseline, double? Scenario, double? Difference)
{
    /// <summary>Two means and their difference (NaN becomes null).</summary>
    /// <param name="baseline">The baseline mean.</param>
    /// <param name="scenario">The scenario mean.</param>
    public static MeanComparison Of(double baseline, double scenario) =>
        new(Finite(baseline), Finite(scenario), Finite(scenario - baseline));

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}

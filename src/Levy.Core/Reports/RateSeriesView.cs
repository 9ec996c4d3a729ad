using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;

namespace Levy.Core.Reports;

/// <summary>A daily effective-rate series as the hosts show it: the JSON shape of a group of <c>levy etr --json</c> and
/// of <c>GET /api/v1/etr</c>.</summary>
/// <remarks>
/// <para>Rates are fractions of value (0.1446 for 14.46%), rounded to six decimals; a day without any pair has no rate
/// (left out). The days are given as steps: spans of days over which every value shown stays the same, which together
/// cover the series, so that the daily values are the steps expanded.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Name">The group's name (<c>JP</c>, <c>EU</c>).</param>
/// <param name="Weighting">How pairs and countries were weighted, in words.</param>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="Average">The mean of the daily totals over the days with pairs.</param>
/// <param name="Steps">The steps, in order.</param>
public sealed record RateSeriesView(string Name, string Weighting, DateOnly From, DateOnly To, double? Average, IReadOnlyList<RateStepView> Steps)
{
    /// <summary>The view of a series.</summary>
    /// <param name="series">The series.</param>
    /// <param name="authorities">The authorities whose components are shown (and split the steps), or null for all.</param>
    public static RateSeriesView Create(RateSeries series, IReadOnlyCollection<Authority>? authorities = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        Authority[] shown = authorities is null ? Enum.GetValues<Authority>() : [.. authorities];
        var steps = series.Spans(shown).Select(span => new RateStepView(
            series.DateOf(span.First),
            series.DateOf(span.Last),
            Round(series.Totals[span.First]),
            shown.ToDictionary(a => a.ToString(), a => Round(series.Component(a)[span.First])),
            Math.Round(series.Pairs[span.First], 2),
            Round(series.NeedsValueShares[span.First]))
        {
            AveEstimatedShare = series.AveEstimatedShares[span.First] is > 0d and var e ? Round(e) : null,
        }).ToList();
        return new RateSeriesView(series.Name, series.Weighting, series.From, series.To, Round(series.Average()), steps);
    }

    /// <summary>A rate rounded to six decimals, or null when there is none (NaN).</summary>
    /// <param name="value">The rate.</param>
    public static double? Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}

/// <summary>A span of days over which an effective-rate series stays the same.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="Total">The mean total rate (a fraction of value), or null when no pair is in force.</param>
/// <param name="ByAuthority">The mean component of each authority shown, by name (<c>Mfn</c>, <c>Section232</c>…); they add up to
/// the total when every authority is shown.</param>
/// <param name="Pairs">The product-country pairs in force (or, weighted, their weight).</param>
/// <param name="NeedsValueShare">The share of pairs whose total is a lower bound because a specific duty needs a value.</param>
public sealed record RateStepView(DateOnly From, DateOnly To, double? Total, IReadOnlyDictionary<string, double?> ByAuthority, double Pairs,
    double? NeedsValueShare)
{
    /// <summary>The share of pairs whose ordinary rate's ad valorem equivalent is estimated from a unit value; null (left
    /// out) when none is (docs/etr.md).</summary>
    public double? AveEstimatedShare { get; init; }
}

using Levy.Core.Calculation;
using Levy.Core.Panels;
using ScottPlot;

namespace Levy.Analysis.Charts;

/// <summary>A dated policy event marked on a chart.</summary>
/// <param name="Date">The legal date.</param>
/// <param name="Label">A short label.</param>
public sealed record ChartEvent(DateOnly Date, string Label);

/// <summary>One step of a product's history: the rate in force from one day to another.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day (inclusive).</param>
/// <param name="Total">The total rate, or null when unknown (a specific duty) or the code was not printed.</param>
/// <param name="Components">The components by authority (fractions of value).</param>
public sealed record HistoryStep(DateOnly From, DateOnly To, double? Total, IReadOnlyDictionary<Authority, double> Components);

/// <summary>Line charts of effective rates and of one product's history, with the policy events marked, written as PNG
/// and SVG (ScottPlot).</summary>
/// <remarks>Rates are drawn in percent. Thread-safe (each call builds its own plot).</remarks>
public static class RateCharts
{
    /// <summary>The size of the charts, in pixels.</summary>
    public const int Width = 1400, Height = 760;

    /// <summary>Draws daily series (one line per group) and writes the PNG and the SVG.</summary>
    /// <param name="series">The series (same dates).</param>
    /// <param name="events">Events to mark with vertical lines.</param>
    /// <param name="title">The title.</param>
    /// <param name="pngPath">The PNG file.</param>
    /// <param name="svgPath">The SVG file.</param>
    public static void WriteSeries(IReadOnlyList<RateSeries> series, IReadOnlyList<ChartEvent> events, string title, string pngPath, string svgPath)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        foreach (RateSeries s in series)
        {
            var xs = new List<double>(s.Days);
            var ys = new List<double>(s.Days);
            for (int d = 0; d < s.Days; d++)
            {
                if (double.IsFinite(s.Totals[d]))
                {
                    xs.Add(s.DateOf(d).ToDateTime(TimeOnly.MinValue).ToOADate());
                    ys.Add(s.Totals[d] * 100d);
                }
            }

            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LegendText = s.Name;
            line.LineWidth = 2.5f;
        }

        Finish(plot, events, title, "Mean total rate (%)", series.Count > 0 ? series[0].Weighting : string.Empty, pngPath, svgPath);
    }

    /// <summary>Draws one product's history as steps (the total and each authority that charges something) and writes
    /// the PNG and the SVG.</summary>
    /// <param name="steps">The steps, in date order.</param>
    /// <param name="events">Events to mark with vertical lines.</param>
    /// <param name="title">The title.</param>
    /// <param name="pngPath">The PNG file.</param>
    /// <param name="svgPath">The SVG file.</param>
    public static void WriteHistory(IReadOnlyList<HistoryStep> steps, IReadOnlyList<ChartEvent> events, string title, string pngPath, string svgPath)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var plot = new Plot();
        AddSteps(plot, steps, s => s.Total, "Total", 3f);
        foreach (Authority a in Enum.GetValues<Authority>())
        {
            if (steps.Any(s => s.Components.GetValueOrDefault(a) != 0d))
            {
                AddSteps(plot, steps, s => s.Total is null ? null : s.Components.GetValueOrDefault(a), AuthorityNames.Of(a), 1.5f);
            }
        }

        Finish(plot, events, title, "Rate (% of customs value)", "Steps change on the legal dates of the rulebook; gaps: code not printed or rate needs value", pngPath, svgPath);
    }

    private static void AddSteps(Plot plot, IReadOnlyList<HistoryStep> steps, Func<HistoryStep, double?> value, string name, float width)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (HistoryStep s in steps)
        {
            double y = value(s) is { } v ? v * 100d : double.NaN;
            xs.Add(s.From.ToDateTime(TimeOnly.MinValue).ToOADate());
            ys.Add(y);
            xs.Add(s.To.AddDays(1).ToDateTime(TimeOnly.MinValue).ToOADate());
            ys.Add(y);
        }

        var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
        line.LegendText = name;
        line.LineWidth = width;
    }

    private static void Finish(Plot plot, IReadOnlyList<ChartEvent> events, string title, string yLabel, string note, string pngPath, string svgPath)
    {
        // Room above the lines for the event labels, written downwards from the top of the plot area.
        plot.Axes.AutoScale();
        AxisLimits limits = plot.Axes.GetLimits();
        double top = limits.Top + Math.Max(8d, limits.Top * 0.55);
        foreach (ChartEvent e in events)
        {
            double x = e.Date.ToDateTime(TimeOnly.MinValue).ToOADate();
            plot.Add.VerticalLine(x, 1f, Colors.Gray.WithAlpha(0.45), LinePattern.Dotted).ExcludeFromLegend = true;
            var label = plot.Add.Text(e.Label, x, top);
            label.LabelRotation = 90;
            label.LabelFontSize = 9;
            label.LabelFontColor = Colors.DimGray;
            label.LabelAlignment = Alignment.UpperLeft;
        }

        plot.Axes.SetLimitsY(0d, top); // rates are never negative
        plot.Axes.DateTimeTicksBottom();
        plot.Title(title);
        plot.Axes.Left.Label.Text = yLabel;
        plot.Axes.Bottom.Label.Text = note;
        plot.Axes.Bottom.Label.FontSize = 11;
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(pngPath, Width, Height);
        plot.SaveSvg(svgPath, Width, Height);
    }
}

using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Panels;
using ScottPlot;
using Levy.Core.Primitives;

namespace Levy.Analysis.Charts;

/// <summary>A dated policy event marked on a chart.</summary>
/// <param name="Date">The legal date.</param>
/// <param name="Label">A short label.</param>
public sealed record ChartEvent(DateOnly Date, string Label);

/// <summary>One step of a product's history: the rate in force from one day to another.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day (inclusive).</param>
/// <param name="Total">The total rate, or null when unknown (a specific duty) or the code was not printed.</param>
/// <param name="Components">The components by authority (fractions of value); an authority whose component is unknown that
/// day (a specific rate without a value) is left out.</param>
public sealed record HistoryStep(DateOnly From, DateOnly To, double? Total, IReadOnlyDictionary<Authority, double> Components);

/// <summary>Line charts of effective rates and of one product's history, with the policy events marked, written as PNG
/// and SVG (ScottPlot).</summary>
/// <remarks>
/// <para>Drawn for print: the y axis runs from 0 to just above the highest value; dates are ISO (<c>2025-04-03</c>);
/// every line has its own colour, dash pattern and width (wider lines drawn first, so a line that coincides with another
/// still shows beside it) and is labelled at its right end, labels moved apart where values meet; policy events are
/// dotted vertical lines numbered above the plot, numbers staggered onto rows so that none overlaps another, with a key of
/// numbers, dates and labels under the plot.</para>
/// <para>Rates are drawn in percent. Thread-safe (each call builds its own plot).</para>
/// </remarks>
public static class RateCharts
{
    /// <summary>The size of the charts, in pixels, before the rows of event numbers and of the key are added.</summary>
    public const int Width = 1400, Height = 760;

    // Five patterns that tell apart lines drawn on top of each other; a sixth line repeats the first (with its own colour).
    private static readonly LinePattern[] Patterns =
    [
        LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed, new LinePattern([12f, 4f, 2f, 4f], 0f, "DashDot"),
    ];

    /// <summary>Draws daily series (one line per group) and writes the PNG and the SVG.</summary>
    /// <param name="series">The series (same dates).</param>
    /// <param name="events">Events to mark.</param>
    /// <param name="title">The title.</param>
    /// <param name="pngPath">The PNG file.</param>
    /// <param name="svgPath">The SVG file.</param>
    public static void WriteSeries(IReadOnlyList<RateSeries> series, IReadOnlyList<ChartEvent> events, string title, string pngPath, string svgPath)
    {
        ArgumentNullException.ThrowIfNull(series);
        var lines = new List<ChartLine>(series.Count);
        foreach (RateSeries s in series)
        {
            var xs = new List<double>(s.Days);
            var ys = new List<double>(s.Days);
            for (int d = 0; d < s.Days; d++)
            {
                if (double.IsFinite(s.Totals[d]))
                {
                    xs.Add(X(s.DateOf(d)));
                    ys.Add(s.Totals[d] * 100d);
                }
            }

            lines.Add(new ChartLine(s.Name, [.. xs], [.. ys]));
        }

        Draw(lines, events, title, "Mean total rate (%)", series.Count > 0 ? series[0].Weighting : string.Empty, pngPath, svgPath);
    }

    /// <summary>Draws one product's history as steps (the total and each authority that charges something) and writes
    /// the PNG and the SVG.</summary>
    /// <param name="steps">The steps, in date order.</param>
    /// <param name="events">Events to mark.</param>
    /// <param name="title">The title.</param>
    /// <param name="pngPath">The PNG file.</param>
    /// <param name="svgPath">The SVG file.</param>
    public static void WriteHistory(IReadOnlyList<HistoryStep> steps, IReadOnlyList<ChartEvent> events, string title, string pngPath, string svgPath)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var lines = new List<ChartLine> { Steps(steps, s => s.Total, "Total") };
        foreach (Authority a in Enum.GetValues<Authority>())
        {
            if (steps.Any(s => s.Components.GetValueOrDefault(a) != 0d))
            {
                // A component missing from a step is unknown then (a specific rate without a value): a gap, not a zero.
                lines.Add(Steps(steps, s => s.Components.TryGetValue(a, out double v) ? v : null, Authorities.NameOf(a)));
            }
        }

        Draw(lines, events, title, "Rate (% of customs value)", "Steps change on the legal dates of the rulebook; gaps: code not printed or rate needs value", pngPath, svgPath);
    }

    /// <summary>The numbered rows of event markers: each event's number and the row it sits on, so that two numbers on one
    /// row are at least <paramref name="minGap"/> apart (in the units of the dates).</summary>
    /// <param name="dates">The event dates, in order.</param>
    /// <param name="minGap">The least distance between two numbers on a row.</param>
    /// <returns>The row of each event (0 is the row nearest the plot).</returns>
    public static int[] MarkerRows(IReadOnlyList<double> dates, double minGap)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var rows = new int[dates.Count];
        var lastOnRow = new List<double>();
        for (int i = 0; i < dates.Count; i++)
        {
            int row = lastOnRow.FindIndex(last => dates[i] - last >= minGap);
            if (row < 0)
            {
                row = lastOnRow.Count;
                lastOnRow.Add(dates[i]);
            }
            else
            {
                lastOnRow[row] = dates[i];
            }

            rows[i] = row;
        }

        return rows;
    }

    /// <summary>Where the labels at the right ends of lines go: each as near its line's last value as it can be, at least
    /// <paramref name="minGap"/> from the next, within [<paramref name="bottom"/>, <paramref name="top"/>].</summary>
    /// <param name="values">The last value of each line.</param>
    /// <param name="minGap">The least distance between two labels.</param>
    /// <param name="bottom">The lowest place.</param>
    /// <param name="top">The highest place.</param>
    /// <returns>The place of each label, in the order of <paramref name="values"/>.</returns>
    public static double[] SpreadLabels(IReadOnlyList<double> values, double minGap, double bottom, double top)
    {
        ArgumentNullException.ThrowIfNull(values);
        int[] order = [.. Enumerable.Range(0, values.Count).OrderBy(i => values[i])];
        var placed = new double[values.Count];
        double previous = double.NegativeInfinity;
        foreach (int i in order)
        {
            placed[i] = Math.Max(Math.Max(values[i], bottom), previous + minGap);
            previous = placed[i];
        }

        // Pushed above the top: move the stack down, keeping the gaps.
        double next = double.PositiveInfinity;
        foreach (int i in order.Reverse())
        {
            placed[i] = Math.Min(placed[i], Math.Min(top, next - minGap));
            next = placed[i];
        }

        return placed;
    }

    private static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static ChartLine Steps(IReadOnlyList<HistoryStep> steps, Func<HistoryStep, double?> value, string name)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (HistoryStep s in steps)
        {
            double y = value(s) is { } v ? v * 100d : double.NaN;
            xs.Add(X(s.From));
            ys.Add(y);
            xs.Add(X(s.To.AddDays(1)));
            ys.Add(y);
        }

        return new ChartLine(name, [.. xs], [.. ys]);
    }

    private static void Draw(List<ChartLine> lines, IReadOnlyList<ChartEvent> events, string title, string yLabel, string note, string pngPath, string svgPath)
    {
        var plot = new Plot();
        double first = lines.SelectMany(l => l.Xs).DefaultIfEmpty(0d).Min(), last = lines.SelectMany(l => l.Xs).DefaultIfEmpty(1d).Max();
        double maxY = lines.SelectMany(l => l.Ys).Where(double.IsFinite).DefaultIfEmpty(0d).Max();
        double top = maxY > 0 ? maxY * 1.06 : 1d; // just above the data
        double span = Math.Max(1d, last - first);
        const double DataWidthEstimate = Width - 330d, DataHeightEstimate = Height - 200d;
        // Room on the right for the labels at the ends of the lines (about 8 pixels a character).
        int longest = lines.Where(l => l.LastValue is not null).Select(l => l.Name.Length).DefaultIfEmpty(0).Max();
        double pixel = span / (DataWidthEstimate - ((longest * 8d) + 24d));
        double right = last + (((longest * 8d) + 24d) * pixel);

        for (int i = 0; i < lines.Count; i++)
        {
            ChartLine l = lines[i];
            var scatter = plot.Add.ScatterLine(l.Xs, l.Ys);
            scatter.LegendText = l.Name;
            scatter.LinePattern = Patterns[i % Patterns.Length];
            scatter.LineWidth = Math.Max(1.5f, 4.5f - (1f * i));
            l.Color = scatter.Color;
        }

        // Direct labels at the right end of each line, moved apart where the lines end at the same value.
        ChartLine[] ended = [.. lines.Where(l => l.LastValue is not null)];
        double labelGap = top * 16d / DataHeightEstimate;
        double[] places = SpreadLabels([.. ended.Select(l => l.LastValue!.Value)], labelGap, labelGap / 2d, top); // a label at 0 stays above the axis
        for (int i = 0; i < ended.Length; i++)
        {
            var text = plot.Add.Text(ended[i].Name, ended[i].LastX + (6d * pixel), places[i]);
            text.LabelFontSize = 12;
            text.LabelBold = true;
            text.LabelFontColor = ended[i].Color;
            text.LabelAlignment = Alignment.MiddleLeft;
        }

        // Events: a dotted line each, numbered above the plot on staggered rows, with a key under it.
        ChartEvent[] marked = [.. events.Where(e => X(e.Date) >= first && X(e.Date) <= last).OrderBy(e => e.Date)];
        double[] eventXs = [.. marked.Select(e => X(e.Date))];
        int[] rows = MarkerRows(eventXs, MarkerPanel.MinGapPixels * pixel);
        foreach (double x in eventXs)
        {
            plot.Add.VerticalLine(x, 1f, Colors.Gray.WithAlpha(0.5), LinePattern.Dotted).ExcludeFromLegend = true;
        }

        int markerRows = rows.Length == 0 ? 0 : rows.Max() + 1;
        var key = new KeyPanel([.. marked.Select((e, i) => $"{i + 1}  {e.Date:yyyy-MM-dd}  {e.Label}")]);
        if (marked.Length > 0)
        {
            plot.Axes.AddPanel(new MarkerPanel(eventXs, rows, markerRows));
            plot.Axes.AddPanel(key);
        }

        var dates = plot.Axes.DateTimeTicksBottom();
        dates.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic
        {
            LabelFormatter = d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        plot.Axes.SetLimits(first, right, 0d, top); // after the date axis replaced the bottom one
        plot.Title(title);
        plot.Axes.Left.Label.Text = yLabel;
        plot.Axes.Bottom.Label.Text = note;
        plot.Axes.Bottom.Label.FontSize = 11;
        plot.ShowLegend(Edge.Right);
        int height = Height + (markerRows * MarkerPanel.RowHeight) + (marked.Length > 0 ? key.Height : 0);
        plot.SavePng(pngPath, Width, height);
        plot.SaveSvg(svgPath, Width, height);
    }

    /// <summary>A line to draw: its name, points and, once added, its colour.</summary>
    private sealed class ChartLine(string name, double[] xs, double[] ys)
    {
        internal string Name { get; } = name;

        internal double[] Xs { get; } = xs;

        internal double[] Ys { get; } = ys;

        internal Color Color { get; set; }

        /// <summary>The last finite value, or null.</summary>
        internal double? LastValue => Array.FindLastIndex(Ys, double.IsFinite) is int i and >= 0 ? Ys[i] : null;

        /// <summary>The date of the last point.</summary>
        internal double LastX => Xs.Length == 0 ? 0d : Xs[^1];
    }

    /// <summary>The event numbers above the plot, each over its dotted line, on the rows <see cref="MarkerRows"/> chose.</summary>
    private sealed class MarkerPanel : ScottPlot.Panels.PanelBase
    {
        internal const int RowHeight = 20;
        internal const double MinGapPixels = 28;
        private readonly double[] _xs;
        private readonly int[] _rows;
        private readonly int _rowCount;

        internal MarkerPanel(double[] xs, int[] rows, int rowCount)
        {
            Edge = Edge.Top;
            _xs = xs;
            _rows = rows;
            _rowCount = rowCount;
        }

        public override float Measure(Paint paint) => (_rowCount * RowHeight) + 4;

        public override void Render(RenderPack rp, float size, float offset)
        {
            PixelRect panel = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
            for (int i = 0; i < _xs.Length; i++)
            {
                float x = rp.Plot.Axes.Bottom.GetPixel(_xs[i], rp.DataRect);
                float y = panel.Bottom - 2 - (_rows[i] * RowHeight) - (RowHeight / 2f);
                var label = new LabelStyle
                {
                    Text = (i + 1).ToString(CultureInfo.InvariantCulture),
                    FontSize = 11,
                    Bold = true,
                    ForeColor = Colors.Black,
                    BackgroundColor = Colors.White,
                    BorderColor = Colors.DimGray,
                    BorderWidth = 1,
                    Padding = 2,
                    Alignment = Alignment.MiddleCenter,
                };
                label.Render(rp.Canvas, new Pixel(x, y), rp.Paint);
            }
        }
    }

    /// <summary>The key of the event numbers under the plot: number, ISO date and label, in columns.</summary>
    private sealed class KeyPanel : ScottPlot.Panels.PanelBase
    {
        private const int Columns = 3, RowHeight = 16, MaxChars = 66;
        private readonly string[] _entries;

        internal KeyPanel(string[] entries)
        {
            Edge = Edge.Bottom;
            _entries = entries;
        }

        internal int Height => (((_entries.Length + Columns - 1) / Columns) * RowHeight) + 16;

        public override float Measure(Paint paint) => Height;

        public override void Render(RenderPack rp, float size, float offset)
        {
            PixelRect panel = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
            int perColumn = (_entries.Length + Columns - 1) / Columns;
            float left = rp.FigureRect.Left + 20, columnWidth = (rp.FigureRect.Width - 40) / Columns;
            for (int i = 0; i < _entries.Length; i++)
            {
                string text = _entries[i].Length > MaxChars ? _entries[i][..(MaxChars - 1)] + "…" : _entries[i];
                var label = new LabelStyle { Text = text, FontSize = 11, ForeColor = Colors.Black, Alignment = Alignment.UpperLeft };
                label.Render(rp.Canvas, new Pixel(left + ((i / perColumn) * columnWidth), panel.Top + 8 + ((i % perColumn) * RowHeight)), rp.Paint);
            }
        }
    }
}

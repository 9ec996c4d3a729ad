using Levy.Analysis.Charts;
using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;

namespace Levy.Analysis.Tests.Charts;

public class RateChartsTests
{
    private static readonly ChartEvent[] Events = [new(new DateOnly(2025, 4, 5), "Reciprocal baseline"), new(new DateOnly(2025, 8, 7), "Phase 2")];

    [Fact]
    public void WriteSeries_WritesAPngAndAnSvg()
    {
        using var temp = new TempFolder();
        var builder = new RateSeriesBuilder(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), [new SeriesGroup("JP", [Levy.Core.Primitives.CountryCode.Parse("JP")]), new SeriesGroup("CN", [Levy.Core.Primitives.CountryCode.Parse("CN")])]);
        builder.Write(TestPanel.Rows);
        string png = Path.Combine(temp.Path, "etr.png"), svg = Path.Combine(temp.Path, "etr.svg");

        RateCharts.WriteSeries(builder.Build(), Events, "Effective rate", png, svg);

        AssertPng(png);
        Assert.Contains("<svg", File.ReadAllText(svg), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteHistory_WritesAPngAndAnSvg()
    {
        using var temp = new TempFolder();
        HistoryStep[] steps =
        [
            new(new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 2), 0.025, new Dictionary<Authority, double> { [Authority.Mfn] = 0.025 }),
            new(new DateOnly(2025, 4, 3), new DateOnly(2025, 9, 15), 0.275, new Dictionary<Authority, double> { [Authority.Mfn] = 0.025, [Authority.Section232] = 0.25 }),
            new(new DateOnly(2025, 9, 16), new DateOnly(2025, 12, 31), 0.15, new Dictionary<Authority, double> { [Authority.Mfn] = 0.025, [Authority.Section232] = 0.125 }),
        ];
        string png = Path.Combine(temp.Path, "h.png"), svg = Path.Combine(temp.Path, "h.svg");

        RateCharts.WriteHistory(steps, Events, "8703.23.01.90 from Japan", png, svg);

        AssertPng(png);
        string text = File.ReadAllText(svg);
        Assert.Matches(@">\s*2025-\d\d-01\s*<", text);                        // ISO dates on the axis
        Assert.DoesNotMatch(@">\s*\d\d/\d\d/\d{4}\s*<", text);
        Assert.Matches(@"2\s+2025-08-07\s+Phase 2", text);                  // the key of the numbered events
        Assert.Contains("Section 232", text, StringComparison.Ordinal);      // every line labelled at its end
    }

    [Fact]
    public void MarkerRows_CloseEventsGoOnNewRows_LaterOnesReuseTheFirstRowWithRoom()
    {
        int[] rows = RateCharts.MarkerRows([0d, 1d, 2d, 10d, 11d], minGap: 3d);

        Assert.Equal([0, 1, 2, 0, 1], rows);
    }

    [Fact]
    public void MarkerRows_NoTwoNumbersOnARowCloserThanTheGap()
    {
        double[] dates = [.. Enumerable.Range(0, 60).Select(i => (double)((i * 37) % 101))];
        Array.Sort(dates);

        int[] rows = RateCharts.MarkerRows(dates, minGap: 4d);

        foreach (var row in dates.Zip(rows).GroupBy(p => p.Second))
        {
            double[] onRow = [.. row.Select(p => p.First)];
            Assert.All(onRow.Zip(onRow.Skip(1)), p => Assert.True(p.Second - p.First >= 4d, $"{p.First} and {p.Second} on row {row.Key}"));
        }
    }

    [Fact]
    public void SpreadLabels_EqualEndsAreMovedApart_AndKeptUnderTheTop()
    {
        Assert.Equal([15d, 16d, 2.5d], RateCharts.SpreadLabels([15d, 15d, 2.5d], minGap: 1d, bottom: 0d, top: 30d));
        Assert.Equal([19d, 20d], RateCharts.SpreadLabels([20d, 20d], minGap: 1d, bottom: 0d, top: 20d));
        Assert.Equal([0d, 1d], RateCharts.SpreadLabels([0d, 0d], minGap: 1d, bottom: 0d, top: 20d));
    }

    private static void AssertPng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10_000, $"{path} has {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }
}

using Levy.Analysis.Charts;
using Levy.Core.Calculation;
using Levy.Core.Panels;

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
        Assert.True(new FileInfo(svg).Length > 1000);
    }

    private static void AssertPng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10_000, $"{path} has {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }
}

using Levy.Analysis.Panels;
using Levy.Core.Panels;

namespace Levy.Analysis.Tests.Panels;

public class ParquetPanelTests
{
    [Fact]
    public async Task ReadAsync_WhatTheWriterWrote_ComesBackRowForRow()
    {
        using var temp = new TempFolder();
        string path = TestPanel.WriteParquet(temp.Path);
        var rows = new List<PanelInterval>();

        long read = await ParquetPanelReader.ReadAsync(path, new Collect(rows));

        Assert.Equal(TestPanel.Rows.Length, read);
        Assert.Equal(TestPanel.Rows.OrderBy(r => r.Product).ThenBy(r => r.Country).ThenBy(r => r.ValidFrom),
            rows.OrderBy(r => r.Product).ThenBy(r => r.Country).ThenBy(r => r.ValidFrom));
    }

    [Fact]
    public async Task ReadAsync_AnEstimatedEquivalent_KeepsItsFlag()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Path, "estimated.parquet");
        PanelInterval row = TestPanel.Row("0201305015", "JP", "2025-01-01", "2025-12-31", 0.02m, 0m, 0m, false) is var r
            ? r with { Values = r.Values with { AveEstimated = true } }
            : default;
        using (var writer = new ParquetPanelWriter(path, TestPanel.Countries, new Dictionary<string, string>()))
        {
            writer.Write([row]);
        }

        var rows = new List<PanelInterval>();
        await ParquetPanelReader.ReadAsync(path, new Collect(rows));

        Assert.Equal(row, Assert.Single(rows));
        Assert.True(rows[0].Values.AveEstimated);
    }

    [Fact]
    public async Task ReadAsync_CountryFilter_KeepsOnlyThoseCountries()
    {
        using var temp = new TempFolder();
        string path = TestPanel.WriteParquet(temp.Path);
        var rows = new List<PanelInterval>();

        await ParquetPanelReader.ReadAsync(path, new Collect(rows), new HashSet<Levy.Core.Primitives.CountryCode> { Levy.Core.Primitives.CountryCode.Parse("CN") });

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("CN", r.Country.Value));
    }

    [Fact]
    public async Task MetadataAsync_KeepsWhatTheWriterWasGiven()
    {
        using var temp = new TempFolder();
        string path = TestPanel.WriteParquet(temp.Path);

        IReadOnlyDictionary<string, string> metadata = await ParquetPanelReader.MetadataAsync(path);

        Assert.Equal("test", metadata["levy.scenario"]);
    }

    [Fact]
    public void CsvPanelWriter_WritesTheHeaderAndOneLinePerRow()
    {
        var text = new StringWriter();
        using (var csv = new CsvPanelWriter(text, TestPanel.Countries))
        {
            csv.Write(TestPanel.Rows.AsSpan(3, 2));
        }

        string[] lines = text.ToString().TrimEnd('\n').Split('\n');

        Assert.Equal(string.Join(',', PanelColumns.All.Select(c => c.Name)), lines[0]);
        Assert.Equal("4009110000,JP,5880,2025-04-05,2025-12-31,0.025,0,0,0,0.1,0,0,0,0.125,false,false", lines[1]);
        Assert.Equal("0402999000,JP,5880,2025-01-01,2025-12-31,0.149,0,0,0,0,0,0,0,0.149,true,false", lines[2]);
    }

    private sealed class Collect(List<PanelInterval> rows) : IPanelSink
    {
        public void Write(ReadOnlySpan<PanelInterval> batch) => rows.AddRange(batch.ToArray());
    }
}

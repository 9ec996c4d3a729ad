using System.Collections.Immutable;
using Levy.Core.Countries;
using Levy.Core.Panels;
using Levy.Core.Primitives;

namespace Levy.Analysis.Tests;

/// <summary>A hand-built panel of a few rows and the countries it names.</summary>
internal static class TestPanel
{
    internal static CountryDirectory Countries { get; } = new(
        [
            new Country(CountryCode.Parse("JP"), "5880", "Japan", []),
            new Country(CountryCode.Parse("CN"), "5700", "China", []),
        ],
        new Dictionary<string, ImmutableArray<CountryCode>>());

    internal static PanelInterval[] Rows { get; } =
    [
        Row("4009110000", "CN", "2025-01-01", "2025-02-03", 0.025m, 0m, 0m, false),
        Row("4009110000", "CN", "2025-02-04", "2025-12-31", 0.025m, 0.10m, 0.25m, false),
        Row("4009110000", "JP", "2025-01-01", "2025-04-04", 0.025m, 0m, 0m, false),
        Row("4009110000", "JP", "2025-04-05", "2025-12-31", 0.025m, 0.10m, 0m, false),
        Row("0402999000", "JP", "2025-01-01", "2025-12-31", 0.149m, 0m, 0m, true),
    ];

    internal static PanelInterval Row(string code, string country, string from, string until, decimal mfn, decimal reciprocal, decimal s301, bool needsValue) =>
        new(HtsCode.Parse(code), CountryCode.Parse(country), DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
            new PanelValues(mfn, 0m, s301, 0m, reciprocal, 0m, 0m, 0m, needsValue));

    /// <summary>Writes the rows (grouped by product, as a panel build does) to a temporary Parquet file.</summary>
    internal static string WriteParquet(string folder)
    {
        string path = Path.Combine(folder, "panel.parquet");
        using (var writer = new Levy.Analysis.Panels.ParquetPanelWriter(path, Countries, new Dictionary<string, string> { ["levy.scenario"] = "test" }))
        {
            foreach (var product in Rows.GroupBy(r => r.Product))
            {
                writer.Write(product.ToArray());
            }
        }

        return path;
    }
}

/// <summary>A temporary folder, deleted at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    internal string Path { get; } = Directory.CreateTempSubdirectory("levy-analysis-").FullName;

    public void Dispose() => Directory.Delete(Path, true);
}

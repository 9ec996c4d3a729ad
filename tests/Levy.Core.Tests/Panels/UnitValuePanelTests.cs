using System.Collections.Immutable;
using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Data.Tables;
using Levy.Data.Trade;

namespace Levy.Core.Tests.Panels;

/// <summary>Issue 9.10: unit values give the panel's specific and compound ordinary rates an ad valorem equivalent, flagged
/// as an estimate; without them nothing changes (the specific part counts as 0 and needs_value is set).</summary>
public class UnitValuePanelTests
{
    private static readonly DateOnly Day = new(2025, 10, 1);

    private static PanelValues ValueOn(string product, string country, UnitValues? unitValues)
    {
        var rows = new Collect();
        new PanelBuilder(TestData.Data.Engine).Build(new PanelRequest
        {
            Countries = [CountryCode.Parse(country)],
            Products = [HtsCode.Parse(product)],
            From = Day,
            To = Day,
            UnitValues = unitValues,
        }, rows);
        return Assert.Single(rows.Rows, r => r.Product == HtsCode.Parse(product)).Values;
    }

    private static UnitValues Values(string code, string unit, decimal usd) =>
        new([new UnitValue(HtsCode.Parse(code), UnitOfMeasure.Parse(unit), usd, "test")], "test");

    [Fact]
    public void Build_SpecificRateWithAUnitValue_HasItsEquivalentFlaggedAsAnEstimate()
    {
        // 0201.30.50.15 (boneless beef) pays 4.4¢/kg: at $2.20 a kg, 2% of value. The 8-digit unit value covers the line.
        PanelValues without = ValueOn("0201.30.50.15", "AU", null);
        PanelValues with = ValueOn("0201.30.50.15", "AU", Values("0201.30.50", "kg", 2.20m));

        Assert.Equal((0m, true, false), (without.Mfn, without.NeedsValue, without.AveEstimated));
        Assert.Equal((0.02m, false, true), (with.Mfn, with.NeedsValue, with.AveEstimated));
        Assert.Equal(without.Total + 0.02m, with.Total); // nothing else moves for Australia (10% reciprocal either way)
    }

    [Fact]
    public void Build_CompoundRate_AdValoremPartPlusTheSpecificPart()
    {
        // 2402.20.80.00 (cigarettes) pays $1.05/kg + 2.3%: at $21 a kg, 5% + 2.3%.
        PanelValues without = ValueOn("2402.20.80.00", "AU", null);
        PanelValues with = ValueOn("2402.20.80.00", "AU", Values("2402.20.80.00", "kg", 21m));

        Assert.Equal(0.023m, without.Mfn); // today: the ad valorem part only, a lower bound
        Assert.Equal(0.073m, with.Mfn);
        Assert.True(with.AveEstimated);
    }

    [Fact]
    public void Build_FloorMeasuredAgainstTheEquivalent()
    {
        // The EU's 15% all-in floor adds 15% less the ordinary duty's ad valorem equivalent (docs/domain.md, "Stacking", rule 1). Cheese
        // 0406.90.12.00 pays $1.227/kg: at $12.27 a kg that is 10%, so the floor adds 5% and the total is exactly 15%.
        PanelValues with = ValueOn("0406.90.12.00", "DE", Values("0406.90.12", "kg", 12.27m));

        Assert.Equal(0.10m, with.Mfn);
        Assert.Equal(0.15m, with.Total);
        Assert.True(with.AveEstimated);
    }

    [Fact]
    public void Build_UnitThatCannotBeConverted_StaysWithoutAnEquivalent()
    {
        // A value per liter says nothing about a rate per kg.
        PanelValues with = ValueOn("0201.30.50.15", "AU", Values("0201.30.50", "liters", 2.20m));

        Assert.Equal((0m, true, false), (with.Mfn, with.NeedsValue, with.AveEstimated));
    }

    [Fact]
    public void Build_AdValoremRate_UnchangedAndNotAnEstimate()
    {
        PanelValues without = ValueOn("8703.23.01.90", "JP", null);
        PanelValues with = ValueOn("8703.23.01.90", "JP", Values("8703.23.01.90", "No.", 30_000m));

        Assert.Equal(without, with);
        Assert.False(with.AveEstimated);
    }

    [Fact]
    public void ReadUnitValues_TheDocumentedExample_Reads()
    {
        string path = Path.Combine(TestData.RepositoryRoot, "docs", "examples", "unit-values.csv");

        UnitValues values = TradeTables.ReadUnitValues(path);

        Assert.Equal(10, values.Count);
        UnitValue beef = values.For(HtsCode.Parse("0201.30.50.15"))!;
        Assert.Equal((UnitOfMeasure.Kilogram, 12.00m), (beef.Unit, beef.UsdPerUnit));
        Assert.StartsWith("illustrative", beef.Source, StringComparison.Ordinal);
        Assert.Null(values.For(HtsCode.Parse("0201.30.10.00")));
    }

    [Theory]
    [InlineData("hts10,unit,usd_per_unit,source\n0201.30.50,kg,0,x\n", "usd_per_unit", "\"usd_per_unit\" must be positive: 0")]
    [InlineData("hts10,unit,usd_per_unit,source\n0201.30.50,furlongs,2,x\n", "unit", "\"unit\" is not a unit Levy knows: \"furlongs\"")]
    [InlineData("hts10,unit,usd_per_unit,source\n0201,kg,2,x\n", "hts10", "\"hts10\" is not an 8- or 10-digit code")]
    [InlineData("hts10,unit,usd_per_unit,source\n0201.30.50,kg,2,x\n0201.30.50,kg,3,y\n", "hts10", "\"hts10\" repeats 0201.30.50, already given on line 2")]
    [InlineData("hts10,unit,usd_per_unit,source\n0201.30.50,kg,2,\n", "source", "\"source\" is blank")]
    [InlineData("hts10,unit,value\n", "usd_per_unit", "the header lacks column \"usd_per_unit\"")]
    public void ReadUnitValues_BadRow_NamesFileLineAndColumn(string csv, string? column, string message)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("levy-uv").FullName, "uv.csv");
        File.WriteAllText(path, csv);

        var ex = Assert.Throws<CsvDataException>(() => TradeTables.ReadUnitValues(path));

        Assert.Equal("uv.csv", ex.File);
        Assert.Equal(column, ex.Column);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    private sealed class Collect : IPanelSink
    {
        internal List<PanelInterval> Rows { get; } = [];

        public void Write(ReadOnlySpan<PanelInterval> rows) => Rows.AddRange(rows.ToArray());
    }
}

using Levy.Core.Primitives;
using Levy.Data.Tables;
using Levy.Data.Trade;

namespace Levy.Data.Tests.Trade;

public class TradeTablesTests
{
    [Fact]
    public void ReadBilateralTrade_SharedTable_HasTheTopTenPartners()
    {
        var rows = TradeTables.ReadBilateralTrade(SharedData.Data.Files);

        Assert.Equal(10, rows.Count);
        Assert.Contains(rows, r => r.Trade.Partner == "CN" && r.Trade.Imports == 438.9m && r.PublishedPercent == 34m);
    }

    [Fact]
    public void ReadAnnexRates_ReadsNamibiaAsACountryNotAsMissing()
    {
        var rows = TradeTables.ReadAnnexRates(SharedData.Data.Files);

        Assert.Equal(57, rows.Count);
        Assert.Contains(rows, r => r.Partner == "NA" && r.RatePercent == 21m);
    }

    [Fact]
    public void ReadImportWeights_CensusOrIsoColumns_AddUpRepeatedRows()
    {
        string census = Write("hts10,cty_code,value\n8703.23.01.90,5880,100\n8703230190,5880,50\n4009110000,5700,7\n");
        string iso = Write("hts10,iso2,value\n8703230190,JP,3\n");
        try
        {
            var a = TradeTables.ReadImportWeights(census, SharedData.Data.Countries);
            var b = TradeTables.ReadImportWeights(iso, SharedData.Data.Countries);

            Assert.Equal(150m, a.WeightOf(HtsCode.Parse("8703.23.01.90"), CountryCode.Parse("JP")));
            Assert.Equal(7m, a.WeightOf(HtsCode.Parse("4009.11.00.00"), CountryCode.Parse("CN")));
            Assert.Equal(0m, a.WeightOf(HtsCode.Parse("4009.11.00.00"), CountryCode.Parse("JP")));
            Assert.Equal(3m, b.WeightOf(HtsCode.Parse("8703.23.01.90"), CountryCode.Parse("JP")));
        }
        finally
        {
            File.Delete(census);
            File.Delete(iso);
        }
    }

    [Theory]
    [InlineData("hts10,value\n8703230190,1\n", "country column")]
    [InlineData("hts10,cty_code,value\n8703230190,9999,1\n", "not a country Levy knows")]
    [InlineData("hts10,cty_code,value\n8703230190,5880,-1\n", "negative")]
    public void ReadImportWeights_MalformedFile_SaysWhatIsWrong(string text, string expected)
    {
        string path = Write(text);
        try
        {
            var ex = Assert.Throws<CsvDataException>(() => TradeTables.ReadImportWeights(path, SharedData.Data.Countries));

            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadCountryImports_SharedTable_KnowsJapan()
    {
        var weights = TradeTables.ReadCountryImports(SharedData.Data.Files, SharedData.Data.Countries);

        Assert.Equal(143594793014m, weights.WeightOf(CountryCode.Parse("JP")));
    }

    private static string Write(string text)
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, text);
        return path;
    }
}

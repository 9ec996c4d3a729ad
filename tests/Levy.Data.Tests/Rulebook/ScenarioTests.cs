using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Data.Rulebook;

namespace Levy.Data.Tests.Rulebook;

/// <summary>The scenarios of rulebook/scenarios against the real revisions.</summary>
public class ScenarioTests
{
    private static decimal? Total(string scenario, string product, string origin, string date) =>
        SharedData.Data.ScenarioEngine(scenario).Engine.Quote(new QuoteRequest
        {
            Product = HtsCode.Parse(product),
            Origin = CountryCode.Parse(origin),
            EntryDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        }).TotalAdValorem;

    [Theory]
    [InlineData("actual", "8703.23.01.90", "2025-10-01", "0.15")]        // the deal: 15% all-in
    [InlineData("japan-no-deal", "8703.23.01.90", "2025-10-01", "0.275")] // 2.5% MFN + 25% Section 232
    [InlineData("actual", "4009.11.00.00", "2025-10-01", "0.15")]
    [InlineData("japan-no-deal", "4009.11.00.00", "2025-10-01", "0.265")] // 2.5% MFN + 24% Annex I
    [InlineData("japan-no-deal", "4009.11.00.00", "2025-04-20", "0.265")] // no pause for Japan
    [InlineData("japan-no-deal", "4009.11.00.00", "2026-03-01", "0.125")] // IEEPA gone all the same: Section 122
    public void JapanNoDeal_KeepsTheAnnexIRateAndTheCarDuty(string scenario, string product, string date, string total)
    {
        Assert.Equal(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), Total(scenario, product, "JP", date));
    }

    [Fact]
    public void NoIeepa_LeavesChinaWithMfnAndSection301()
    {
        // A Chinese car on 2025-06-10: 2.5% + 25% (301 list 1) + 25% (232), no 20% fentanyl (docs/domain.md, "Worked examples", has 72.5%).
        Assert.Equal(0.725m, Total("actual", "8703.23.01.20", "CN", "2025-06-10"));
        Assert.Equal(0.525m, Total("no-ieepa", "8703.23.01.20", "CN", "2025-06-10"));
    }

    [Fact]
    public void Floor15All_GivesVietnamTheEuDeal()
    {
        Assert.Equal(0.225m, Total("actual", "4009.11.00.00", "VN", "2025-10-01"));     // 2.5% + 20% Phase 2
        Assert.Equal(0.15m, Total("floor-15-all", "4009.11.00.00", "VN", "2025-10-01"));
    }

    [Fact]
    public void S122Extended_KeepsTheSurchargeAfterJuly24()
    {
        Assert.Equal(0.025m, Total("actual", "4009.11.00.00", "JP", "2026-09-01"));
        Assert.Equal(0.125m, Total("s122-extended", "4009.11.00.00", "JP", "2026-09-01"));
    }

    [Fact]
    public void ScenarioNames_ListActualAndTheFiles()
    {
        Assert.Equal(["actual", "floor-15-all", "japan-no-deal", "no-ieepa", "s122-extended"], SharedData.Data.ScenarioNames);
    }

    [Fact]
    public void ReadScenario_UnknownName_ListsTheScenarios()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => SharedData.Data.ScenarioEngine("japan-deal"));

        Assert.Contains("japan-no-deal", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadScenario_SelectorThatMatchesNothing_IsAnError()
    {
        string folder = Directory.CreateTempSubdirectory("levy-scenario-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "scenarios"));
            File.WriteAllText(Path.Combine(folder, "scenarios", "typo.yaml"), "title: A typo\nremove: [reciprocal-japan-flor]\n");
            RulebookFiles files = RulebookFiles.FromFolder(folder);

            var ex = Assert.Throws<RulebookException>(() => PolicyRulebookReader.ReadScenario(files, "typo", SharedData.Data.Policy, SharedData.Data.Countries));

            Assert.Contains("reciprocal-japan-flor matches no measure", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Compare_JapanNoDeal_RaisesRatesWhileIeepaLastedAndOnCarsAfter()
    {
        var jp = CountryCode.Parse("JP");
        TariffEngine noDeal = SharedData.Data.ScenarioEngine("japan-no-deal").Engine;
        var tubes = new PanelRequest { Countries = [jp], Products = [HtsCode.Parse("4009.11"), HtsCode.Parse("6109")] }; // no Section 232 goods
        var cars = new PanelRequest { Countries = [jp], Products = [HtsCode.Parse("8703.23")] };

        ScenarioComparison t = ScenarioComparison.Run(SharedData.Data.Engine, noDeal, tubes, null, TestContext.Current.CancellationToken);
        ScenarioComparison c = ScenarioComparison.Run(SharedData.Data.Engine, noDeal, cars, null, TestContext.Current.CancellationToken);

        Assert.True(t.ScenarioMean > t.BaselineMean);
        Assert.All(t.Products.Concat(c.Products), p => Assert.True(p.Difference > 0, $"{p.Product} does not rise"));
        Assert.Equal([40, 61], t.Chapters.Select(ch => ch.Chapter));
        int last = t.BaselineSeries.Days - 1; // 2026-12-31: IEEPA and Section 122 have ended
        Assert.Equal(t.BaselineSeries.Totals[last], t.ScenarioSeries.Totals[last], 9);
        Assert.Equal(0.125, c.ScenarioSeries.Totals[last] - c.BaselineSeries.Totals[last], 9); // cars: 27.5% instead of 15%
    }
}

using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Measures;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Levy.Data.Tables;

namespace Levy.Core.Tests.Calculation;

/// <summary>Issue 9, over the real data: every prefix collision of the 2026 metals annexes resolves to the most specific
/// listing; every metal estimate is a share; the facts left to the importer that decide a rate are offered as choices;
/// the United States is not an origin.</summary>
public class FidelityChoiceTests
{
    private static readonly DateOnly AnnexDay = new(2026, 4, 15);

    private static readonly string[] Annexes = ["s232-annex-1a", "s232-annex-1b", "s232-annex-2", "s232-annex-3"];

    private static RateQuote Quote(string product, string origin, string date, bool explain = true, params string[] conditions) =>
        TestData.Data.Engine.Quote(new QuoteRequest
        {
            Product = HtsCode.Parse(product),
            Origin = CountryCode.Parse(origin),
            EntryDate = DateOnly.Parse(date, CultureInfo.InvariantCulture),
            Conditions = [.. conditions],
            Explain = explain,
        });

    /// <summary>Every pair (a broader entry of one annex list, a longer entry of another lying within it) of the real table.</summary>
    private static List<(string General, ProductListEntry Broad, string Specific, ProductListEntry Narrow)> Collisions()
    {
        var lists = TestData.Data.Policy.Lists;
        var found = new List<(string, ProductListEntry, string, ProductListEntry)>();
        foreach (string a in Annexes)
        {
            foreach (string b in Annexes.Where(b => b != a))
            {
                foreach (ProductListEntry broad in lists[a].Entries)
                {
                    foreach (ProductListEntry narrow in lists[b].Entries.Where(n => n.Prefix.Length > broad.Prefix.Length && n.Prefix.IsWithin(broad.Prefix)))
                    {
                        found.Add((a, broad, b, narrow));
                    }
                }
            }
        }

        return found;
    }

    [Fact]
    public void AnnexLists_EveryPrefixCollision_IsFoundAndNamed()
    {
        var collisions = Collisions();

        // 51 in the annex table of the pinned data (docs/validation.md lists the pairs of annexes).
        Assert.Equal(51, collisions.Count);
        Assert.Contains(collisions, c => c.General == "s232-annex-2" && c.Broad.Prefix.ToString() == "8407" && c.Narrow.Prefix.ToString() == "8407.90.10");
        Assert.Contains(collisions, c => c.General == "s232-annex-2" && c.Broad.Prefix.ToString() == "8703" && c.Narrow.Prefix.ToString() == "8703.21.01");
        Assert.Contains(collisions, c => c.General == "s232-annex-1b" && c.Specific == "s232-annex-3" && c.Narrow.Prefix.ToString() == "8483.90.20");
    }

    [Fact]
    public void AnnexLists_EveryCollision_ResolvesToTheMostSpecificListing()
    {
        var lists = TestData.Data.Policy.Lists;
        TariffSchedule schedule = TestData.Data.Engine.Schedule(TestData.Data.Engine.Timeline.ForDate(AnnexDay));
        int lines = 0;
        foreach ((string general, ProductListEntry broad, string specific, ProductListEntry narrow) in Collisions())
        {
            foreach (HtsLine line in schedule.LinesWithin(narrow.Prefix).Where(l => l.Code.IsStatisticalLine || l.Code.IsTariffLine))
            {
                lines++;
                Assert.True(lists[specific].Find(line.Code, AnnexDay) is not null, $"{line.Code}: {specific} lists {narrow.Prefix} but does not cover it");
                Assert.True(lists[general].Find(line.Code, AnnexDay) is null,
                    $"{line.Code}: {general}'s {broad.Prefix} still covers it although {specific} lists it more specifically ({narrow.Prefix})");
            }
        }

        Assert.True(lines >= 51, $"only {lines} printed lines under the colliding prefixes");
    }

    [Fact]
    public void AnnexLists_EveryCollision_QuotesTheSpecificAnnexHeading()
    {
        var headingOf = new Dictionary<string, string[]>
        {
            ["s232-annex-1a"] = ["9903.82.02"],
            ["s232-annex-1b"] = ["9903.82.09"],
            ["s232-annex-2"] = [],
            ["s232-annex-3"] = ["9903.82.10", "9903.82.11"],
        };
        TariffSchedule schedule = TestData.Data.Engine.Schedule(TestData.Data.Engine.Timeline.ForDate(AnnexDay));
        foreach ((_, _, string specific, ProductListEntry narrow) in Collisions())
        {
            foreach (HtsLine line in schedule.LinesWithin(narrow.Prefix).Where(l => l.Code.IsStatisticalLine || (l.Code.IsTariffLine && !schedule.LinesWithin(l.Code).Any(c => c.Code.IsStatisticalLine))))
            {
                RateQuote q = Quote(line.Code.ToString(), "DE", "2026-04-15", explain: false);
                string[] annexHeadings = [.. q.Chapter99Headings.Select(h => h.ToString()).Where(h => h.StartsWith("9903.82", StringComparison.Ordinal))];
                Assert.True(annexHeadings.All(h => headingOf[specific].Contains(h)),
                    $"{line.Code} is listed in {specific} as {narrow.Prefix} but declares {string.Join(", ", annexHeadings)}");
            }
        }
    }

    [Fact]
    public void MetalEstimates_OfTheRealTable_AreSharesAddingUpToAtMostTheValue()
    {
        CsvTable table = CsvTable.Read(Path.Combine(TestData.RequireSharedFolder(), "policy", "metal_content_shares_bea_hs10.csv"), "hs10");
        int clamped = 0;
        foreach (CsvRecord r in table.Records)
        {
            MetalEstimate e = TestData.Data.Engine.Metal.Find(HtsCode.Parse(r["hs10"])) ?? throw new Xunit.Sdk.XunitException($"{r["hs10"]} has no estimate");
            Assert.InRange(e.Steel, 0m, 1m);
            Assert.InRange(e.Aluminum, 0m, 1m);
            Assert.InRange(e.Copper, 0m, 1m);
            Assert.True(e.Steel + e.Aluminum + e.Copper <= 1.0000000001m, $"{r["hs10"]}: {e}");
            clamped += e.IsClamped ? 1 : 0;
        }

        Assert.Equal(1112, clamped); // the rows whose shares add up to more than 1 (copper 1.806 for 7406-7413…)
    }

    // 9. Facts left to the importer that decide the rate are stated first, with the total each gives.
    [Fact]
    public void LaptopListedWholeAsAnAutoPart_OffersNotAVehiclePart()
    {
        RateQuote q = Quote("8471.30.01.00", "DE", "2025-10-01");

        QuoteChoice c = Assert.Single(q.Choices);
        Assert.Equal("not-a-vehicle-part", c.Condition);
        Assert.Equal(0.15m, c.AssumedTotal);
        Assert.Equal(0m, c.DeclaredTotal);
        Assert.Equal(0m, Quote("8471.30.01.00", "DE", "2025-10-01", true, "not-a-vehicle-part").TotalAdValorem);
    }

    [Fact]
    public void CrankshaftForVehicles_ListedByItsOwnLine_OffersNoChoice()
    {
        Assert.Empty(Quote("8483.10.30.10", "DE", "2025-10-01").Choices);
    }

    [Fact]
    public void Semiconductor_OffersEndUseAndThresholds()
    {
        RateQuote q = Quote("8471.80.40.00", "DE", "2026-01-20");

        Assert.Equal(0m, q.Choices.Single(c => c.Condition == "semiconductor-end-use").DeclaredTotal);
        Assert.Equal(0.15m, q.Choices.Single(c => c.Condition == "semiconductor-below-thresholds").DeclaredTotal); // then the EU auto-parts deal
        Assert.All(q.Choices, c => Assert.Equal(0.25m, c.AssumedTotal));
    }

    [Fact]
    public void CivilAircraftArticle_OffersCivilAircraft_AndATShirtDoesNot()
    {
        QuoteChoice c = Assert.Single(Quote("8518.10.40.00", "DE", "2025-10-01").Choices);
        Assert.Equal("civil-aircraft", c.Condition);
        Assert.Equal(0m, c.DeclaredTotal);

        Assert.Empty(Quote("6109.10.00.12", "DE", "2026-03-01").Choices);
    }

    [Fact]
    public void LeanQuote_ComputesNoChoices()
    {
        Assert.Empty(Quote("8471.30.01.00", "DE", "2025-10-01", explain: false).Choices);
    }

    [Fact]
    public void Panel_RefusesTheUnitedStatesAsAnOrigin()
    {
        var builder = new PanelBuilder(TestData.Data.Engine);
        var request = new PanelRequest { Countries = [CountryCode.Parse("US")], Products = [HtsCode.Parse("8703.23")], From = AnnexDay, To = AnnexDay };

        var e = Assert.Throws<ArgumentException>(() => builder.Build(request, new DiscardSink(), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("customs territory", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.Data.Countries.Partners, c => c.Iso.Value == "US");
    }

    private sealed class DiscardSink : IPanelSink
    {
        public void Write(ReadOnlySpan<PanelInterval> rows)
        {
        }
    }
}

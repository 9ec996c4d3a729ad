using System.Collections.Immutable;
using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Data.Trade;

namespace Levy.Core.Tests.Panels;

/// <summary>Small panels over the real revisions: a few products, a few countries (the full panel is measured by the
/// benchmark, not here).</summary>
public class PanelBuilderTests
{
    private static readonly ImmutableArray<CountryCode> Countries = [.. new[] { "JP", "CN", "CA", "DE", "RU", "GB", "VN" }.Select(CountryCode.Parse)];
    private static readonly ImmutableArray<HtsCode> Products = [HtsCode.Parse("8703.23.01"), HtsCode.Parse("4009.11.00.00"), HtsCode.Parse("7208.39.00")];

    private static readonly Lazy<(List<PanelInterval> Rows, PanelSummary Summary)> Small = new(() => Build(new PanelRequest { Countries = Countries, Products = Products }));

    private static TariffEngine Engine => TestData.Data.Engine;

    private static (List<PanelInterval>, PanelSummary) Build(PanelRequest request, TariffEngine? engine = null)
    {
        var rows = new Collect();
        PanelSummary summary = new PanelBuilder(engine ?? Engine).Build(request, rows);
        return (rows.Rows, summary);
    }

    [Fact]
    public void Build_Rows_AreSortedContiguousAndMerged()
    {
        (List<PanelInterval> rows, _) = Small.Value;

        foreach (var pair in rows.GroupBy(r => (r.Product, r.Country)))
        {
            PanelInterval[] list = [.. pair];
            for (int i = 1; i < list.Length; i++)
            {
                Assert.True(list[i].ValidFrom > list[i - 1].ValidUntil, $"{pair.Key}: rows overlap or are out of order");
                bool adjacent = list[i].ValidFrom == list[i - 1].ValidUntil.AddDays(1);
                Assert.False(adjacent && list[i].Values == list[i - 1].Values, $"{pair.Key}: equal adjacent rows at {list[i].ValidFrom} were not merged");
            }
        }

        Assert.Equal(rows.OrderBy(r => r.Product).ThenBy(r => Countries.IndexOf(r.Country)).ThenBy(r => r.ValidFrom), rows);
    }

    [Fact]
    public void Build_Rows_AccountForEveryDayAProductIsPrinted()
    {
        (List<PanelInterval> rows, PanelSummary summary) = Small.Value;

        foreach (HtsCode product in rows.Select(r => r.Product).Distinct())
        {
            int printedDays = 0;
            for (DateOnly d = summary.From; d <= summary.To; d = d.AddDays(1))
            {
                printedDays += Engine.Schedule(Engine.Timeline.ForDate(d)).IndexOf(product) >= 0 ? 1 : 0;
            }

            foreach (CountryCode c in Countries)
            {
                Assert.Equal(printedDays, rows.Where(r => r.Product == product && r.Country == c).Sum(r => r.Days));
            }
        }

        Assert.Equal(rows.Count, summary.Rows);
        Assert.True(summary.Cells > summary.Rows, "merging should leave fewer rows than cells");
    }

    [Theory]
    [InlineData("8703.23.01.90", "JP", "2025-08-10", "0.275")]
    [InlineData("8703.23.01.90", "JP", "2025-10-01", "0.15")]
    [InlineData("4009.11.00.00", "JP", "2025-04-09", "0.265")]
    [InlineData("4009.11.00.00", "JP", "2026-03-01", "0.125")]
    [InlineData("7208.39.00.90", "JP", "2026-05-01", "0.5")]
    public void Build_Row_EqualsTheQuoteOfItsDays(string product, string country, string date, string total)
    {
        (List<PanelInterval> rows, _) = Small.Value;
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        PanelInterval row = rows.Single(r => r.Product == HtsCode.Parse(product) && r.Country == CountryCode.Parse(country) && r.ValidFrom <= day && day <= r.ValidUntil);

        Assert.Equal(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), row.Values.Total);
    }

    [Fact]
    public void OriginClasses_EvaluateLikeEveryCountryOnItsOwn()
    {
        ImmutableArray<CountryCode> all = [.. TestData.Data.Countries.Countries.Select(c => c.Iso)];
        foreach (string date in new[] { "2025-04-09", "2025-08-27", "2025-11-14", "2026-03-01", "2026-06-08" })
        {
            var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
            Epoch epoch = Engine.EpochOf(day);
            OriginClasses classes = OriginClasses.For(Engine, epoch, all);
            var schedule = Engine.Schedule(Engine.Timeline.ForDate(day));
            var sample = schedule.Lines.Where(l => l.Code.IsStatisticalLine && l.Code.Chapter < 98).Select(l => l.Code).Where((_, i) => i % 97 == 0);
            foreach (HtsCode product in sample)
            {
                ProductPlan plan = Engine.BuildPlan(product, epoch);
                for (int c = 0; c < all.Length; c++)
                {
                    QuoteTotals own = Engine.Evaluate(plan, new QuoteInputs(all[c], day));
                    QuoteTotals viaClass = Engine.Evaluate(plan, new QuoteInputs(all[classes.Representatives[classes.ClassOf[c]]], day));
                    Assert.True(own.Total == viaClass.Total && own.NeedsValue == viaClass.NeedsValue
                        && Enum.GetValues<Authority>().All(a => own[a] == viaClass[a]), $"{product} from {all[c]} on {date} differs from its class");
                }
            }

            Assert.True(classes.Count < all.Length / 4, $"{classes.Count} classes on {date}");
        }
    }

    [Fact]
    public void Build_UsmcaShares_BlendCanadaWithAndWithoutTheClaim()
    {
        PreferenceShares usmca = TradeTables.ReadUsmcaShares(TestData.Data.Files, TestData.Data.Countries);
        var ca = CountryCode.Parse("CA");
        var day = new DateOnly(2025, 10, 1);
        var request = new PanelRequest { Countries = [ca], Products = [HtsCode.Parse("4009.11.00.00")], From = day, To = day, Preferences = usmca };

        PanelInterval row = Build(request).Item1.Single();
        decimal share = usmca.ShareOf(HtsCode.Parse("4009.11.00.00"), ca);
        ProductPlan plan = Engine.PlanFor(HtsCode.Parse("4009.11.00.00"), day);
        decimal without = Engine.Evaluate(plan, new QuoteInputs(ca, day)).Total!.Value;
        decimal with = Engine.Evaluate(plan, new QuoteInputs(ca, day, Program: "S")).Total!.Value;

        Assert.InRange(share, 0.01m, 0.99m);
        Assert.Equal(share * with + (1 - share) * without, row.Values.Total);
    }

    [Fact]
    public void Build_DateRange_ClipsTheRows()
    {
        var request = new PanelRequest { Countries = [CountryCode.Parse("JP")], Products = [HtsCode.Parse("4009.11.00.00")], From = new DateOnly(2025, 4, 1), To = new DateOnly(2025, 4, 30) };

        List<PanelInterval> rows = Build(request).Item1;

        Assert.Equal(new DateOnly(2025, 4, 1), rows[0].ValidFrom);
        Assert.Equal(new DateOnly(2025, 4, 30), rows[^1].ValidUntil);
        Assert.Equal([0.025m, 0.125m, 0.265m, 0.125m], rows.Select(r => r.Values.Total));
    }

    private sealed class Collect : IPanelSink
    {
        internal List<PanelInterval> Rows { get; } = [];

        public void Write(ReadOnlySpan<PanelInterval> rows) => Rows.AddRange(rows.ToArray());
    }
}

using System.Collections.Immutable;
using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Core.Tests.Measures;

/// <summary>The stacking rules one by one, on a hand-built schedule of a few lines and a hand-built rulebook.</summary>
public class StackingRulesTests
{
    private static readonly DateOnly Start = TestRulebooks.Start;

    private static HtsLine Line(string code, int indent, string description, string? general) => TestSchedules.Rated(code, indent, description, general);

    private static readonly TariffSchedule Schedule = new(HtsRevisionId.Parse("2025_basic"),
    [
        Line("7326.90.86", 0, "Other articles of iron or steel", "2.9%"),
        Line("8467.22.00", 0, "Saws", "Free"),
        Line("4009.11.00", 0, "Tubes", "2.5%"),
        Line("4009.12.00", 0, "Tubes with fittings", "20%"),
        Line("9903.10.01", 0, "Articles of steel", "The duty provided in the applicable subheading + 50%"),
        Line("9903.10.02", 0, "Derivatives", "The duty provided in the applicable subheading + a duty of 50% upon the value of the aluminum content"),
        Line("9903.20.01", 0, "Articles the product of any country", "The duty provided in the applicable subheading + 10%"),
        Line("9903.20.02", 0, "Articles of steel (232 goods)", "The duty provided in the applicable subheading"),
        Line("9903.20.03", 0, "Articles the product of Japan", "15%"),
        Line("9903.20.04", 0, "Articles the product of Japan, 15% or more", "The duty provided in the applicable subheading"),
        Line("9903.30.01", 0, "List A", "The duty provided in the applicable subheading + 25%"),
        Line("9903.30.02", 0, "List B", "The duty provided in the applicable subheading + 100%"),
    ]);

    private static readonly CountryDirectory Countries = new(
        [
            new Country(CountryCode.Parse("JP"), "5880", "Japan", []),
            new Country(CountryCode.Parse("CN"), "5700", "China", []),
            new Country(CountryCode.Parse("DE"), "4280", "Germany", []),
        ],
        new Dictionary<string, ImmutableArray<CountryCode>> { ["COLUMN2"] = [] });

    private static ProductSet List(string name, params string[] codes) => TestRulebooks.List(name, codes);

    private static PolicyMeasure M(string id, string slot, int priority, string heading, Authority authority, ProductSet? products = null,
        string[]? countries = null, MeasureKind? kind = null, string? twin = null, SlotCondition? when = null, bool partial = false, InTransitException? transit = null) =>
        TestRulebooks.Measure(id, slot, priority, heading, authority, products, countries, kind, twin, when, partial, transit);

    private static TariffEngine Engine(params PolicyMeasure[] measures) => Engine(true, measures);

    private static TariffEngine Engine(bool cachePlans, params PolicyMeasure[] measures)
    {
        Rulebook rulebook = TestRulebooks.Of(measures, ["s232", "s301", "reciprocal"], ["s301", "reciprocal", "s232"], highestRate: "s301");
        var timeline = new LegalTimeline([(Start, Schedule.Revision, "test")], Start, new DateOnly(2025, 12, 31));
        return new TariffEngine(rulebook, timeline, _ => Schedule, Countries, MetalShares.None, QuoteDefaults.Standard, cachePlans);
    }

    private static readonly PolicyMeasure Steel = M("steel", "s232", 10, "9903.10.01", Authority.Section232, List("steel", "7326"));
    private static readonly PolicyMeasure Derivative = M("derivative", "s232", 10, "9903.10.02", Authority.Section232, List("derivatives", "8467.22"));
    private static readonly PolicyMeasure Baseline = M("baseline", "reciprocal", 10, "9903.20.01", Authority.IeepaReciprocal);
    private static readonly PolicyMeasure Exempt232 = M("exempt-232", "reciprocal", 99, "9903.20.02", Authority.IeepaReciprocal,
        kind: MeasureKind.Exemption, when: new SlotCondition("s232", []), partial: true);
    private static readonly PolicyMeasure JapanFloor = M("japan-floor", "reciprocal", 30, "9903.20.03", Authority.IeepaReciprocal, countries: ["JP"], twin: "9903.20.04");

    private static RateQuote Quote(TariffEngine engine, string product, string origin, decimal? aluminum = null, StackingMode stacking = StackingMode.Legal, DateOnly? loaded = null) =>
        engine.Quote(new QuoteRequest
        {
            Product = HtsCode.Parse(product),
            Origin = CountryCode.Parse(origin),
            EntryDate = new DateOnly(2025, 6, 1),
            Metal = new MetalContent(Aluminum: aluminum),
            Stacking = stacking,
            LoadingDate = loaded,
        });

    [Fact]
    public void FollowsAnotherSlot_232Goods_AreExemptFromReciprocal()
    {
        RateQuote q = Quote(Engine(Steel, Baseline, Exempt232), "7326.90.86", "DE");

        Assert.Equal(0.029m + 0.5m, q.TotalAdValorem);
        Assert.Contains(q.Components, c => c.Heading == HtsCode.Parse("9903.20.02") && c.Kind == ComponentKind.Exemption);
        Assert.Contains(q.NotApplied, n => n.MeasureId == "baseline" && n.Reason.StartsWith("exempt", StringComparison.Ordinal));
    }

    [Fact]
    public void FollowsAnotherSlot_No232Duty_ExemptionDoesNotCount()
    {
        RateQuote q = Quote(Engine(Steel, Baseline, Exempt232), "4009.11.00", "DE");

        Assert.Equal(0.025m + 0.1m, q.TotalAdValorem);
        Assert.DoesNotContain(q.Components, c => c.Heading == HtsCode.Parse("9903.20.02"));
    }

    [Fact]
    public void PartialExemptionByMetalContent_ReciprocalOnTheRest()
    {
        RateQuote q = Quote(Engine(Derivative, Baseline, Exempt232), "8467.22.00", "DE", aluminum: 0.3m);

        Assert.Equal(0.5m * 0.3m + 0.1m * 0.7m, q.TotalAdValorem);
        QuoteComponent exemption = q.Components.Single(c => c.Heading == HtsCode.Parse("9903.20.02"));
        Assert.Equal(0.3m, exemption.Share);
    }

    [Fact]
    public void Floor_AddsUpToTheAllInRate_OrDeclaresTheTwin()
    {
        TariffEngine engine = Engine(Baseline, JapanFloor);

        RateQuote low = Quote(engine, "4009.11.00", "JP");
        RateQuote high = Quote(engine, "4009.12.00", "JP");

        Assert.Equal(0.15m, low.TotalAdValorem);
        Assert.Equal(0.125m, low.Components.Single(c => c.Kind == ComponentKind.Floor).AdValorem);
        Assert.Equal(0.20m, high.TotalAdValorem);
        Assert.Contains(high.Components, c => c.Heading == HtsCode.Parse("9903.20.04") && c.Kind == ComponentKind.Exemption);
        Assert.Contains(high.NotApplied, n => n.Reason.StartsWith("floor already met", StringComparison.Ordinal));
    }

    [Fact]
    public void Floor_OnlyForItsCountries()
    {
        Assert.Equal(0.125m, Quote(Engine(Baseline, JapanFloor), "4009.11.00", "DE").TotalAdValorem);
    }

    [Fact]
    public void HighestRateSlot_TakesTheHighestListRate()
    {
        PolicyMeasure a = M("list-a", "s301", 10, "9903.30.01", Authority.Section301, List("a", "4009"), ["CN"]);
        PolicyMeasure b = M("list-b", "s301", 10, "9903.30.02", Authority.Section301, List("b", "4009.11"), ["CN"]);

        RateQuote q = Quote(Engine(a, b), "4009.11.00", "CN");

        Assert.Equal(0.025m + 1.0m, q.TotalAdValorem);
        Assert.Contains(q.NotApplied, n => n.MeasureId == "list-a" && n.Reason.StartsWith("superseded", StringComparison.Ordinal));
    }

    [Fact]
    public void InTransit_GoodsLoadedBeforeTheCutOff_AreNotCharged()
    {
        PolicyMeasure transit = M("baseline", "reciprocal", 10, "9903.20.01", Authority.IeepaReciprocal,
            transit: new InTransitException(new DateOnly(2025, 5, 1), null, null));

        RateQuote loadedEarly = Quote(Engine(transit), "4009.11.00", "DE", loaded: new DateOnly(2025, 4, 20));
        RateQuote loadedLate = Quote(Engine(transit), "4009.11.00", "DE", loaded: new DateOnly(2025, 5, 2));

        Assert.Equal(0.025m, loadedEarly.TotalAdValorem);
        Assert.Equal(0.125m, loadedLate.TotalAdValorem);
    }

    [Fact]
    public void AdditiveMode_SwitchesOffTheNonStackingRules()
    {
        RateQuote q = Quote(Engine(Steel, Baseline, Exempt232), "7326.90.86", "DE", stacking: StackingMode.Additive);

        Assert.Equal(0.029m + 0.5m + 0.1m, q.TotalAdValorem);
    }

    [Fact]
    public void Evaluate_AgreesWithQuote_AndAuthoritiesAddUp()
    {
        TariffEngine engine = Engine(Derivative, Baseline, Exempt232, JapanFloor);
        ProductPlan plan = engine.PlanFor(HtsCode.Parse("8467.22.00"), new DateOnly(2025, 6, 1));

        QuoteTotals totals = engine.Evaluate(plan, new QuoteInputs(CountryCode.Parse("JP"), new DateOnly(2025, 6, 1), Metal: new MetalContent(Aluminum: 0.3m)));
        RateQuote quote = Quote(engine, "8467.22.00", "JP", aluminum: 0.3m);

        Assert.Equal(quote.TotalAdValorem, totals.Total);
        Assert.Equal(0.15m, totals[Authority.Section232]);
        Assert.Equal(0.15m * 0.7m, totals[Authority.IeepaReciprocal]);
    }

    [Fact]
    public void Uncached_Engine_QuotesAsTheCachedOne()
    {
        PolicyMeasure[] measures = [Steel, Derivative, Baseline, Exempt232, JapanFloor];
        TariffEngine cached = Engine(true, measures), uncached = Engine(false, measures);

        foreach ((string product, string origin) in new[] { ("7326.90.86", "DE"), ("8467.22.00", "JP"), ("4009.12.00", "JP"), ("4009.11.00", "CN") })
        {
            RateQuote a = Quote(cached, product, origin, aluminum: 0.3m), b = Quote(uncached, product, origin, aluminum: 0.3m);
            Assert.Equal(a.TotalAdValorem, b.TotalAdValorem);
            Assert.Equal(a.Components, b.Components);
        }
    }

    [Fact]
    public void MoreComponentsThanTheCapacity_IsAnError_NotADroppedDuty()
    {
        // 25 measures in transit each declare their in-transit heading: one component more than an evaluation holds.
        var transit = new InTransitException(new DateOnly(2025, 5, 1), null, HtsCode.Parse("9903.20.02"));
        PolicyMeasure[] many = [.. Enumerable.Range(0, 25).Select(i => M($"m{i}", "s301", 10, "9903.30.01", Authority.Section301, transit: transit))];

        var ex = Assert.Throws<InvalidOperationException>(() => Quote(Engine(many), "4009.11.00", "CN", loaded: new DateOnly(2025, 4, 1)));

        Assert.Contains("more than 24 components", ex.Message);
        Assert.Contains("4009.11.00", ex.Message);
    }

    [Fact]
    public void RulebookWithMoreSlotsThanTheEngineHolds_IsRefusedWhenTheEngineIsBuilt()
    {
        Rulebook rulebook = TestRulebooks.Of([], [.. Enumerable.Range(0, 17).Select(i => $"slot{i}")], []);
        var timeline = new LegalTimeline([(Start, Schedule.Revision, "test")], Start, new DateOnly(2025, 12, 31));

        var ex = Assert.Throws<ArgumentException>(() => new TariffEngine(rulebook, timeline, _ => Schedule, Countries, MetalShares.None, QuoteDefaults.Standard));

        Assert.Contains("17 slots", ex.Message);
        Assert.Contains("at most 16", ex.Message);
    }
}

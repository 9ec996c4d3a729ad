using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Core.Tests.Calculation;

/// <summary>The stories of docs/domain.md, "Worked examples" (the Japan story, the Chinese car, the floor, the aluminum derivative) and one case per partner and regime, against
/// the real HTS revisions and the rulebook. Expected totals are worked out from the headings and instruments cited.</summary>
public class EngineStoryTests
{
    private static RateQuote Quote(string product, string origin, string date, string? program = null, string? loaded = null,
        decimal? steel = null, decimal? aluminum = null, decimal? usContent = null, StackingMode stacking = StackingMode.Legal, params string[] conditions) =>
        TestData.Data.Engine.Quote(new QuoteRequest
        {
            Product = HtsCode.Parse(product),
            Origin = CountryCode.Parse(origin),
            EntryDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            ClaimedProgram = program,
            LoadingDate = loaded is null ? null : DateOnly.Parse(loaded, System.Globalization.CultureInfo.InvariantCulture),
            Metal = new MetalContent(steel, aluminum),
            UsContentShare = usContent,
            Stacking = stacking,
            Conditions = [.. conditions],
        });

    private static void AssertQuote(RateQuote q, decimal total, params string[] dutiableHeadings)
    {
        Assert.True(q.TotalAdValorem == total, $"expected {total}, got {q.TotalAdValorem}\n{VisibleCasesTests.Describe(q)}");
        var charged = q.Components.Skip(1).Where(c => c.Kind != ComponentKind.Exemption && c.AdValorem != 0).Select(c => c.Heading!.Value.ToString()).Order();
        Assert.Equal(dutiableHeadings.Order(), charged);
    }

    // docs/domain.md, "Worked examples" (Japan): the car 8703.23.01.90 (MFN 2.5%).
    [Theory]
    [InlineData("2025-01-15", "0.025")]
    [InlineData("2025-03-20", "0.025")]             // 9903.94.01 printed since 03-12 but in force 04-03
    [InlineData("2025-04-05", "0.275", "9903.94.01")]
    [InlineData("2025-04-20", "0.275", "9903.94.01")]
    [InlineData("2025-08-10", "0.275", "9903.94.01")] // Japan auto relief not retroactive
    [InlineData("2025-09-20", "0.15", "9903.94.41")]
    [InlineData("2026-03-01", "0.15", "9903.94.41")]
    [InlineData("2026-05-01", "0.15", "9903.94.41")]  // annex metals do not apply to vehicles
    public void JapanStory_Car(string date, string total, params string[] headings)
    {
        RateQuote q = Quote("8703.23.01.90", "JP", date);

        AssertQuote(q, decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), headings);
    }

    // docs/domain.md, "Worked examples" (Japan): hot-rolled steel 7208.39.00.90 (MFN Free) and aluminium 7601.10.30.00 (MFN 2.6%).
    [Theory]
    [InlineData("7208.39.00.90", "2025-01-15", "0")]                       // within the Japan TRQ
    [InlineData("7208.39.00.90", "2025-03-20", "0.25", "9903.81.87")]
    [InlineData("7208.39.00.90", "2025-06-10", "0.5", "9903.81.87")]
    [InlineData("7208.39.00.90", "2025-09-20", "0.5", "9903.81.87")]       // the floor does not touch 232 goods
    [InlineData("7208.39.00.90", "2026-03-01", "0.5", "9903.81.87")]       // no Section 122 on 232 goods
    [InlineData("7208.39.00.90", "2026-05-01", "0.5", "9903.82.02")]       // annex I-A, full value
    [InlineData("7601.10.30.00", "2025-01-15", "0.126", "9903.85.01")]
    [InlineData("7601.10.30.00", "2025-03-20", "0.276", "9903.85.02")]
    [InlineData("7601.10.30.00", "2025-06-10", "0.526", "9903.85.02")]
    [InlineData("7601.10.30.00", "2026-05-01", "0.526", "9903.82.02")]
    public void JapanStory_SteelAndAluminium(string product, string date, string total, params string[] headings)
    {
        RateQuote q = Quote(product, "JP", date);

        AssertQuote(q, decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), headings);
        if (DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) >= new DateOnly(2025, 4, 5))
        {
            Assert.Contains(q.Chapter99Headings, h => h.ToString() is "9903.01.33" or "9903.03.06");
        }
    }

    // A Japanese good outside Section 232 and Annex II: rubber tubes 4009.11.00.00, MFN 2.5%.
    [Theory]
    [InlineData("2025-01-15", "0.025")]
    [InlineData("2025-04-05", "0.125", "9903.01.25")]
    [InlineData("2025-04-09", "0.265", "9903.01.53")]   // the one day of the 24% Annex I rate
    [InlineData("2025-04-20", "0.125", "9903.01.25")]   // paused: back to 10%
    [InlineData("2025-08-10", "0.15", "9903.02.73")]    // 15% all-in, retroactive to 08-07 (not 2.5% + 15%)
    [InlineData("2026-01-10", "0.15", "9903.02.73")]
    [InlineData("2026-03-01", "0.125", "9903.03.01")]   // IEEPA gone, Section 122
    [InlineData("2026-08-01", "0.025")]                 // Section 122 expired 07-24
    public void JapanStory_OrdinaryGood(string date, string total, params string[] headings)
    {
        AssertQuote(Quote("4009.11.00.00", "JP", date), decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), headings);
    }

    // docs/domain.md, "Worked examples": a Chinese car.
    [Theory]
    [InlineData("2025-06-10", "0.725", "9903.88.01", "9903.94.01", "9903.01.24")]
    [InlineData("2025-12-01", "0.625", "9903.88.01", "9903.94.01", "9903.01.24")]
    [InlineData("2026-03-01", "0.525", "9903.88.01", "9903.94.01")]
    public void WorkedExampleA_ChineseCar(string date, string total, params string[] headings)
    {
        AssertQuote(Quote("8703.23.01.20", "CN", date), decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), headings);
    }

    // China through every escalation and the truce: 8501.10.40.20 (MFN 4.4%, List 1).
    [Theory]
    [InlineData("2025-01-15", "0.294")]
    [InlineData("2025-02-10", "0.394")]   // +10% fentanyl (EO 14195)
    [InlineData("2025-03-10", "0.494")]   // 20% fentanyl (EO 14228)
    [InlineData("2025-04-07", "0.594")]   // +10% baseline
    [InlineData("2025-04-09", "1.334")]   // 84% (EO 14259)
    [InlineData("2025-04-10", "1.744")]   // 125% (EO 14266)
    [InlineData("2025-05-14", "0.594")]   // Geneva: back to 10%
    [InlineData("2025-11-10", "0.494")]   // fentanyl 10% (EO 14357)
    [InlineData("2026-02-24", "0.394")]   // IEEPA gone, Section 122
    [InlineData("2026-04-06", "0.544")]   // annex I-B replaces Section 122 (no 122 on 232 goods)
    public void China_EveryEscalation(string date, string total)
    {
        Assert.Equal(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), Quote("8501.10.40.20", "CN", date).TotalAdValorem);
    }

    [Fact]
    public void China_InTransitBeforeLiberationDay_NoReciprocalDuty()
    {
        RateQuote q = Quote("4009.11.00.00", "CN", "2025-04-11", loaded: "2025-04-01");

        Assert.Equal(0.475m, q.TotalAdValorem);
        Assert.Contains(q.Chapter99Headings, h => h.ToString() == "9903.01.28");
        Assert.Contains(q.NotApplied, n => n.Reason.StartsWith("goods in transit", StringComparison.Ordinal));
    }

    // Canada and Mexico, with and without USMCA.
    [Theory]
    [InlineData("8482.10.50.68", "CA", "2025-03-10", null, "0.34")]   // 25% fentanyl (V044)
    [InlineData("8482.10.50.68", "CA", "2025-08-10", null, "0.44")]   // 35% from 08-01 (V045)
    [InlineData("8482.10.50.68", "CA", "2025-06-01", "S", "0")]       // USMCA: KORUS-like Free + 9903.01.14
    [InlineData("6109.10.00.12", "MX", "2025-06-01", null, "0.415")]  // V048
    [InlineData("6109.10.00.12", "MX", "2025-06-01", "S", "0")]
    [InlineData("7208.51.00.30", "CA", "2025-04-10", null, "0.25")]   // EO 14289 first version: IEEPA instead of 232 steel
    [InlineData("7208.51.00.30", "CA", "2025-04-10", "S", "0.25")]    // USMCA steel escapes IEEPA, so 232 applies
    [InlineData("7208.51.00.30", "CA", "2025-07-10", null, "0.5")]    // Proclamation 10947: 232 first, no IEEPA on the metal
    [InlineData("8703.23.01.20", "MX", "2025-06-10", null, "0.275")]  // 232 autos, no Mexico IEEPA (note 33(a))
    [InlineData("6109.10.00.12", "MX", "2026-03-01", "S", "0")]       // Section 122 exemption for USMCA goods (9903.03.08)
    [InlineData("6109.10.00.12", "MX", "2026-03-01", null, "0.265")]
    public void CanadaMexico_WithAndWithoutUsmca(string product, string origin, string date, string? program, string total)
    {
        Assert.Equal(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), Quote(product, origin, date, program).TotalAdValorem);
    }

    [Fact]
    public void UsmcaVehicle_PaysAutosDutyOnNonUsContent()
    {
        RateQuote q = Quote("8703.23.01.20", "MX", "2025-06-10", program: "S", usContent: 0.6m);

        QuoteComponent autos = q.Components.Single(c => c.Heading?.ToString() == "9903.94.03");
        Assert.Equal(0.4m, autos.Share);
        Assert.Equal(0.10m, autos.AdValorem);
    }

    // Partners and deals (4009.11.00.00, MFN 2.5%, outside 232 and Annex II).
    [Theory]
    [InlineData("DE", "2025-10-01", null, "0.15")]     // EU floor
    [InlineData("CH", "2025-10-01", null, "0.415")]    // Switzerland 39%
    [InlineData("CH", "2025-12-01", null, "0.15")]     // Swiss floor from 11-14
    [InlineData("LI", "2025-12-01", null, "0.15")]
    [InlineData("KR", "2025-10-01", "KR", "0.15")]     // +15% on KORUS Free (V061's heading)
    [InlineData("KR", "2025-12-01", "KR", "0.15")]     // floor measured on the KORUS rate
    [InlineData("GB", "2025-10-01", null, "0.125")]    // UK 10%
    [InlineData("VN", "2025-04-09", null, "0.485")]    // Vietnam 46% for one day
    [InlineData("VN", "2025-10-01", null, "0.225")]    // Vietnam 20%
    [InlineData("TW", "2025-10-01", null, "0.225")]
    [InlineData("IN", "2025-10-01", null, "0.525")]    // India 25% + 25% (EO 14329)
    [InlineData("IN", "2026-02-10", null, "0.275")]    // the +25% ended 2026-02-07
    [InlineData("BR", "2025-10-01", null, "0.525")]    // Brazil 10% + 40%
    [InlineData("RU", "2025-10-01", null, "0.25")]     // column 2 (25%), no reciprocal (9903.01.29)
    public void Partners(string origin, string date, string? program, string total)
    {
        Assert.Equal(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), Quote("4009.11.00.00", origin, date, program).TotalAdValorem);
    }

    [Fact]
    public void Phase2_InTransit_KeepsTheBaselineRate()
    {
        RateQuote q = Quote("4009.11.00.00", "VN", "2025-10-01", loaded: "2025-08-01");

        Assert.Equal(0.125m, q.TotalAdValorem);
        Assert.Contains(q.NotApplied, n => n.MeasureId == "reciprocal-phase2-9903.02.69" && n.Reason.StartsWith("goods in transit", StringComparison.Ordinal));
    }

    [Fact]
    public void UkSteel_StaysAt25Percent()
    {
        AssertQuote(Quote("7208.51.00.30", "GB", "2025-10-01"), 0.25m, "9903.81.94");
    }

    // docs/domain.md, "Worked examples": an aluminum derivative of Germany with 40% aluminum content.
    [Fact]
    public void WorkedExampleC_DerivativeOnMetalContent_ReciprocalFloorOnTheRest()
    {
        // Saws 8467.22.00.20 (MFN Free), an aluminum derivative charged on its aluminum content (9903.85.08).
        RateQuote q = Quote("8467.22.00.20", "DE", "2025-10-01", aluminum: 0.4m);

        QuoteComponent metal = q.Components.Single(c => c.Authority == Authority.Section232);
        Assert.Equal((0.4m, 0.2m), (metal.Share, metal.AdValorem!.Value));
        QuoteComponent floor = q.Components.Single(c => c.Kind == ComponentKind.Floor);
        Assert.Equal((0.6m, 0.09m), (floor.Share, floor.AdValorem!.Value));
        Assert.Equal(0.29m, q.TotalAdValorem);
        Assert.Contains(q.Components, c => c.Heading?.ToString() == "9903.01.33" && c.Share == 0.4m);
    }

    [Fact]
    public void Section122_ExcludesDerivativesAsAWhole()
    {
        RateQuote q = Quote("8482.10.50.68", "JP", "2026-03-15");

        Assert.DoesNotContain(q.Components, c => c.Authority == Authority.Section122 && c.Kind != ComponentKind.Exemption);
        Assert.Contains(q.Chapter99Headings, h => h.ToString() == "9903.03.06");
    }

    [Fact]
    public void Annex2026_CertifiedLightMetal_IsOutsideSection232_AndPays122()
    {
        RateQuote plain = Quote("8501.10.40.20", "DE", "2026-05-01");
        RateQuote light = Quote("8501.10.40.20", "DE", "2026-05-01", conditions: "metal-under-15pct-weight");

        Assert.Contains(plain.Components, c => c.Heading?.ToString() == "9903.82.09");
        Assert.Contains(light.Components, c => c.Heading?.ToString() == "9903.82.03");
        Assert.Contains(light.Components, c => c.Heading?.ToString() == "9903.03.01" && c.AdValorem == 0.1m);
    }

    [Fact]
    public void AdditiveMode_IgnoresNonStackingRules()
    {
        RateQuote legal = Quote("8703.23.01.20", "CN", "2025-06-10");
        RateQuote additive = Quote("8703.23.01.20", "CN", "2025-06-10", stacking: StackingMode.Additive);

        Assert.Equal(0.725m, legal.TotalAdValorem);
        Assert.Equal(0.825m, additive.TotalAdValorem); // + the 10% reciprocal that 9903.01.33 excludes
    }

    [Theory]
    [InlineData("8703.23.01.90", "JP", "2025-04-20", "KR", "program")]   // Japan cannot claim KORUS
    [InlineData("8703.23.01.90", "JP", "2025-04-20", "A", "program")]    // GSP lapsed
    [InlineData("8703.23.01.90", "JP", "2025-04-20", "ZZ", "program")]   // unknown program
    [InlineData("8703.23", "JP", "2025-04-20", null, "product")]         // a heading, not a line
    public void Quote_ContradictoryRequest_NamesTheField(string product, string origin, string date, string? program, string field)
    {
        var ex = Assert.Throws<InvalidQuoteRequestException>(() => Quote(product, origin, date, program));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Quote_UnknownCodeAndDateOutsideData_AreClearErrors()
    {
        var unknown = Assert.Throws<UnknownProductException>(() => Quote("8703.23.01.99", "JP", "2025-04-20"));
        Assert.Equal("Unknown HTS code 8703.23.01.99 in 2025 Revision 10 (nearest: 8703.23.01.90).", unknown.Message);
        Assert.Throws<Levy.Core.Schedule.DateOutsideDataException>(() => Quote("8703.23.01.90", "JP", "2027-01-01"));
    }
}

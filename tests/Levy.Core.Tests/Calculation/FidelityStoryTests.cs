using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Core.Tests.Calculation;

/// <summary>The six rate errors of issue 9 ("Fidelity II"), found by comparing Levy with the peer tracker, each on the real
/// revisions and rulebook, with the law's answer worked out from the heading text and U.S. note cited.</summary>
public class FidelityStoryTests
{
    private static RateQuote Quote(string product, string origin, string date, decimal? steel = null, decimal? aluminum = null, decimal? copper = null,
        string? program = null, params string[] conditions) =>
        TestData.Data.Engine.Quote(new QuoteRequest
        {
            Product = HtsCode.Parse(product),
            Origin = CountryCode.Parse(origin),
            EntryDate = DateOnly.Parse(date, CultureInfo.InvariantCulture),
            Metal = new MetalContent(steel, aluminum, copper),
            ClaimedProgram = program,
            Conditions = [.. conditions],
        });

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static QuoteComponent Component(RateQuote q, string heading) =>
        q.Components.SingleOrDefault(c => c.Heading?.ToString() == heading)
        ?? throw new Xunit.Sdk.XunitException($"{heading} is not declared\n{VisibleCasesTests.Describe(q)}");

    private static void AssertTotal(RateQuote q, decimal expected) =>
        Assert.True(q.TotalAdValorem == expected, $"expected {expected}, got {q.TotalAdValorem}\n{VisibleCasesTests.Describe(q)}");

    // 1. A duty "upon the value of the copper content" (9903.78.01, U.S. note 36) cannot exceed 50% of the whole value: the
    // BEA estimate for 7407 (copper 180.61%, steel 1.74%, aluminum 2.40%) is clamped to 100% in all, in proportion.
    [Fact]
    public void CopperProfile_BeaShareAboveOne_IsClampedNotMultiplied()
    {
        RateQuote q = Quote("7407.10.15.00", "DE", "2025-10-01");

        QuoteComponent copper = Component(q, "9903.78.01");
        decimal share = Math.Round(1m / (1m + D("0.0174404250673669") + D("0.0240122971334920")), 4);
        Assert.Equal(share, copper.Share);
        Assert.Equal(0.5m * share, copper.AdValorem);
        Assert.True(q.TotalAdValorem < 0.53m, $"above MFN 3% + 50% of the value: {q.TotalAdValorem}");
        Assert.Contains(q.Assumptions, a => a.Contains("clamped from 180.61%", StringComparison.Ordinal));
    }

    [Fact]
    public void CopperProfile_DeclaredWholeValueCopper_PaysFiftyPercentOfValue()
    {
        AssertTotal(Quote("7407.10.15.00", "DE", "2025-10-01", copper: 1m), 0.53m);
    }

    [Fact]
    public void DeclaredMetalShares_AddingUpToMoreThanTheValue_AreRefused()
    {
        var e = Assert.Throws<InvalidQuoteRequestException>(() => Quote("8482.10.50.68", "DE", "2025-10-01", steel: 0.8m, aluminum: 0.8m));

        Assert.Contains("steel_share", e.Field, StringComparison.Ordinal);
        Assert.Contains("1.6", e.Message, StringComparison.Ordinal);
    }

    // 2. U.S. note 16(c)(vii) lists 8407.90.10, 8407.90.90, 8703.10.10, 8703.10.50 and 8703.21.01 as derivative steel
    // articles (Annex I-B, 9903.82.09 +25%); the 4-digit Annex II rows "8407" and "8703" must not take them away. Likewise
    // 8483.90.20 is Annex III (15% all-in) although 8483.90 is Annex I-B, and 8503.00.45 Annex II although 8503.00 is I-B.
    [Theory]
    [InlineData("8407.90.10.20", "DE", "0.25")]
    [InlineData("8407.90.90.60", "DE", "0.25")]
    [InlineData("8703.10.10.00", "JP", "0.275")]
    [InlineData("8703.10.50.30", "JP", "0.275")]
    [InlineData("8703.21.01", "DE", "0.275")]
    public void AnnexIB_EnginesAndVehicles_PayTheIBDuty(string product, string origin, string total)
    {
        RateQuote q = Quote(product, origin, "2026-04-15");

        AssertTotal(q, D(total));
        Assert.Equal(0.25m, Component(q, "9903.82.09").AdValorem);
    }

    [Fact]
    public void AnnexIII_SpecificLineWithinAnIBSubheading_TakesTheFloor()
    {
        RateQuote q = Quote("8483.90.20.00", "DE", "2026-04-15");

        AssertTotal(q, 0.15m);
        Assert.Equal(0.15m, Component(q, "9903.82.10").FloorRate);
    }

    [Fact]
    public void AnnexII_SpecificLineWithinAnIBSubheading_PaysNoMetalsDuty()
    {
        RateQuote q = Quote("8503.00.45.00", "DE", "2026-04-15");

        Assert.DoesNotContain(q.Components, c => c.Heading?.ToString().StartsWith("9903.82", StringComparison.Ordinal) == true);
        Assert.Equal(0.10m, Component(q, "9903.03.01").AdValorem);
    }

    // 3. Heading 9903.85.68: derivative aluminum articles of notes 19(i)-(k) the product of Russia, +200% on the full value
    // (note 19(m)(B)); from 2026-04-06 it still applies ("except as provided for in headings 9903.82.16 and 9903.85.68").
    [Theory]
    [InlineData("2026-04-15")]
    [InlineData("2025-10-01")]
    public void Russia_DerivativeAluminumHinge_Pays200PercentOnTheColumn2Rate(string date)
    {
        RateQuote q = Quote("8302.10.60.30", "RU", date);

        AssertTotal(q, 2.45m);
        Assert.Equal(2m, Component(q, "9903.85.68").AdValorem);
    }

    [Fact]
    public void Russia_BumperStampingBefore2025_03_12_PaysTheDerivativeHeadingOfNote19aiii()
    {
        RateQuote q = Quote("8708.10.30.20", "RU", "2025-02-01");

        Assert.Equal(2m, Component(q, "9903.85.68").AdValorem);
    }

    // 4. 9903.81.98 (UK steel derivatives of note 16(u), the UK counterpart of 9903.81.91) is charged on the steel content:
    // bearing 8482.10.50 with 20% steel: 9% MFN + 25% x 20% + the UK's 10% reciprocal on the other 80%.
    [Fact]
    public void UnitedKingdom_SteelDerivative_PaysOnItsSteelContent()
    {
        RateQuote q = Quote("8482.10.50.68", "GB", "2025-10-01", steel: 0.2m);

        Assert.Equal(0.05m, Component(q, "9903.81.98").AdValorem);
        AssertTotal(q, 0.09m + 0.05m + 0.08m);
    }

    // 5. U.S. note 39(a)(1)-(8): semiconductor articles of 9903.79.01 are not subject to the auto-parts headings (9903.94.05,
    // .32, .43, .53, .63…), nor to 9903.01.10 (Canada), 9903.01.01 (Mexico) or 9903.01.24-.76 (China's fentanyl duty).
    [Theory]
    [InlineData("KR", "0.25")]
    [InlineData("GB", "0.25")]
    [InlineData("DE", "0.25")]
    [InlineData("CA", "0.25")]
    [InlineData("MX", "0.25")]
    [InlineData("CN", "0.50")]   // + Section 301 (9903.88.03), which note 39(a) does not list
    public void Semiconductors_NotSubjectToAutoPartsOrIeepaFentanyl(string origin, string total)
    {
        RateQuote q = Quote("8471.80.40.00", origin, "2026-01-20");

        AssertTotal(q, D(total));
        Assert.Equal(0.25m, Component(q, "9903.79.01").AdValorem);
        Assert.DoesNotContain(q.Components, c => c.Authority == Authority.IeepaFentanyl && c.AdValorem > 0);
    }

    // 6. 9903.82.04 covers articles "of aluminum or of steel" of the United Kingdom (note 16(c)(i)-(iv) and (d)); UK copper
    // articles (16(c)(v) and (viii)) stay on 9903.82.02 (+50%) and 9903.82.09 (+25%).
    [Theory]
    [InlineData("7408.11.60.00", "9903.82.02", "0.53")]
    [InlineData("8544.42.10.00", "9903.82.09", "0.25")]
    public void UnitedKingdom_CopperArticles_StayOnTheGeneralAnnexHeadings(string product, string heading, string total)
    {
        RateQuote q = Quote(product, "GB", "2026-04-15");

        AssertTotal(q, D(total));
        Assert.True(Component(q, heading).AdValorem > 0);
    }

    [Fact]
    public void UnitedKingdom_SteelArticles_KeepTheirDeal()
    {
        RateQuote q = Quote("7208.39.00.90", "GB", "2026-04-15");

        Assert.Equal(0.25m, Component(q, "9903.82.04").AdValorem);
    }

    // 7. A Chapter 99 heading is not goods, and goods of U.S. origin are not imports: both are refused with what to do.
    [Fact]
    public void Chapter99Heading_IsRefused_NamingTheGoodsProvisions()
    {
        var e = Assert.Throws<InvalidQuoteRequestException>(() => Quote("9903.94.01", "JP", "2025-05-01"));

        Assert.Equal("product", e.Field);
        Assert.Contains("8703.23", e.Message, StringComparison.Ordinal);
        Assert.Contains("chapter 1–97", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitedStatesOrigin_IsRefused_PointingToChapter98()
    {
        var e = Assert.Throws<InvalidQuoteRequestException>(() => Quote("8703.23.01.90", "US", "2025-05-01"));

        Assert.Equal("origin", e.Field);
        Assert.Contains("9801.00.10", e.Message, StringComparison.Ordinal);
    }

    // 9. 50 U.S.C. 1702(b)(3): informational materials are outside IEEPA; unused stamps, banknotes and share certificates
    // (4907) and collectors' pieces and antiques (9705, 9706) are not (31 CFR 560.315: artworks are 9701-9703).
    [Theory]
    [InlineData("4907.00.00.00", "0.375")]    // 7.5% Section 301 + 20% fentanyl + 10% reciprocal
    [InlineData("9706.10.00", "0.375")]
    [InlineData("4901.99.00.93", "0.075")]    // books: Section 301 only
    public void InformationalMaterials_AreBooksAndArtworksNotInstrumentsOrAntiques(string product, string total)
    {
        AssertTotal(Quote(product, "CN", "2025-06-01"), D(total));
    }
}

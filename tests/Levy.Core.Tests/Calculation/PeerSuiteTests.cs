using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Tests.Calculation;

/// <summary>The peer's own test suite as Levy tests: every assertion of Budget-Lab-Yale/tariff-rate-tracker's
/// <c>tests/test_rate_calculation.R</c> ("calc") and <c>tests/run_tests_daily_series.R</c> ("daily") that states a rate
/// fact, mapped from its fixture codes to a real HTS line, origin and date, with the peer's answer and Levy's. Where they
/// differ, docs/validation.md ("The peer's test suite") gives the legal reason under the case's id.</summary>
/// <remarks>Assertions about the peer's own machinery (schemas, caches, parsers of its files, country aliases, fail-closed
/// gates) state no rate fact and are not mapped; docs/validation.md lists them.</remarks>
public class PeerSuiteTests
{
    /// <summary>One mapped assertion.</summary>
    /// <param name="Id">Levy's id for it (docs/validation.md).</param>
    /// <param name="PeerTest">The peer's file and run_test name.</param>
    /// <param name="Product">The real line.</param>
    /// <param name="Origin">The origin.</param>
    /// <param name="Date">The entry date.</param>
    /// <param name="Args">Extra options, CLI-style.</param>
    /// <param name="Measure">What is compared: total, additional, an authority (s232, s301, fentanyl, reciprocal, s122), a
    /// heading (<c>heading:9903.79.01</c>), or <c>refused</c> (1 when the request is refused, 0 when quoted).</param>
    /// <param name="Peer">The peer's answer, as a fraction of value.</param>
    /// <param name="Levy">Levy's answer.</param>
    public sealed record PeerCase(string Id, string PeerTest, string Product, string Origin, string Date, string Args, string Measure, decimal Peer, decimal Levy)
    {
        /// <summary>True when the peer's answer is Levy's.</summary>
        public bool Agrees => Peer == Levy;

        /// <inheritdoc/>
        public override string ToString() => $"{Id} {Product} {Origin} {Date} {Args}: {Measure}";
    }

    internal static readonly PeerCase[] Cases =
    [
        new("P01", "calc: extracts surcharge rate (India +25%, 9903.02.26)", "6109.10.00.12", "IN", "2025-08-10", "", "reciprocal", 0.25m, 0.25m),
        new("P02", "calc: extracts floor rate (Japan 15%)", "4009.11.00.00", "JP", "2025-08-10", "", "total", 0.15m, 0.15m),
        new("P03", "calc: detects terminated entry (Annex I rates suspended)", "4009.11.00.00", "DE", "2025-04-15", "", "reciprocal", 0.10m, 0.10m),
        new("P04", "calc: assigns correct phase (India before Phase 2)", "6109.10.00.12", "IN", "2025-08-06", "", "reciprocal", 0.10m, 0.10m),
        new("P05", "calc: assigns correct phase (India from 2025-08-07)", "6109.10.00.12", "IN", "2025-08-07", "", "reciprocal", 0.25m, 0.25m),
        new("P06", "calc: universal baseline 9903.01.25 (+10%)", "4009.11.00.00", "JP", "2025-04-05", "", "reciprocal", 0.10m, 0.10m),
        new("P07", "calc: extracts general fentanyl rates by country (Mexico 25%)", "6109.10.00.12", "MX", "2025-06-01", "", "fentanyl", 0.25m, 0.25m),
        new("P08", "calc: extracts general fentanyl rates by country (Canada 25%)", "6109.10.00.12", "CA", "2025-06-01", "", "fentanyl", 0.25m, 0.25m),
        new("P09", "calc: extracts general fentanyl rates by country (China 20%)", "6109.10.00.12", "CN", "2025-06-01", "", "fentanyl", 0.20m, 0.20m),
        new("P10", "calc: extracts carveout entries (Canada energy 10%)", "2709.00.10.00", "CA", "2025-06-01", "", "fentanyl", 0.10m, 0.10m),
        new("P11", "calc: extracts steel 232 rate (50%)", "7208.39.00.90", "DE", "2025-07-01", "", "s232", 0.50m, 0.50m),
        new("P12", "calc: extracts aluminum 232 with exempt countries (10%)", "7601.10.30.00", "CN", "2025-02-01", "", "s232", 0.10m, 0.10m),
        new("P13", "calc: extracts aluminum 232 with exempt countries (Australia exempt)", "7601.10.30.00", "AU", "2025-02-01", "", "s232", 0m, 0m),
        new("P14", "calc: extracts semiconductor 232 rate from 9903.79.01", "8471.80.40.00", "TW", "2026-01-20", "", "heading:9903.79.01", 0.25m, 0.25m),
        new("P15", "calc: semi_rate defaults to 0 when 9903.79 absent", "8471.80.40.00", "TW", "2026-01-10", "", "heading:9903.79.01", 0m, 0m),
        new("P16", "calc: extracts s122 rate from 9903.03.01", "6109.10.00.12", "DE", "2026-03-01", "", "s122", 0.10m, 0.10m),
        new("P17", "calc: has_s122 is FALSE when no 9903.03 entries", "6109.10.00.12", "DE", "2026-02-20", "", "s122", 0m, 0m),
        new("P18", "calc: identifies S-program USMCA eligibility", "0201.10.05.10", "CA", "2025-06-01", "--program S", "refused", 0m, 0m),
        new("P19", "calc: identifies S+ in secondary parenthesized group", "0401.40.25.00", "CA", "2025-06-01", "--program S", "refused", 0m, 1m),
        new("P20", "calc: products without S/S+ are not USMCA eligible", "9802.00.60.00", "CA", "2025-06-01", "--program S", "refused", 1m, 1m),
        new("P21", "calc: skips Chapter 99 items", "9903.88.15", "CN", "2025-06-01", "", "refused", 1m, 1m),
        new("P22", "calc: skips non-10-digit codes", "0201.10", "CA", "2025-06-01", "", "refused", 1m, 1m),
        new("P23", "calc: 232/IEEPA mutual exclusion: China with 232 gets full fentanyl", "7208.39.00.90", "CN", "2025-07-01", "", "fentanyl", 0.20m, 0.20m),
        new("P24", "calc: 232/IEEPA mutual exclusion: non-China with 232 has scaled IEEPA", "7208.39.00.90", "DE", "2025-07-01", "", "reciprocal", 0m, 0m),
        new("P25", "calc: rate_301 only contributes for China", "7208.39.00.90", "DE", "2025-07-01", "", "s301", 0m, 0m),
        new("P26", "calc: tpc_additive stacks all authorities", "7208.39.00.90", "CN", "2025-06-01", "--additive", "additional", 0.80m, 0.80m),
        new("P27", "calc: mutual exclusion: 232 product with metal_share=1 gets no IEEPA (nor Section 122)", "7208.39.00.90", "DE", "2026-03-01", "", "additional", 0.50m, 0.50m),
        new("P28", "calc: non-232 product stacks IEEPA + fentanyl + s122 fully", "4009.11.00.00", "DE", "2026-03-01", "", "s122", 0.10m, 0.10m),
        new("P29", "calc: rev_1 applies 25% rate_232 to qualifying-share=1 semi HTS10s", "8471.80.40.00", "JP", "2026-01-20", "", "s232", 0.25m, 0.25m),
        new("P30", "calc: rev_1 zeros rate_232 on calibrated-out semi HTS10s (qualifying_share=0)", "8471.50.01.50", "DE", "2026-01-20", "", "heading:9903.79.01", 0m, 0.25m),
        new("P31", "calc: 2026_basic has no 25% rate_232 on semi HTS10s", "8471.80.40.00", "DE", "2026-01-10", "", "heading:9903.79.01", 0m, 0m),
        new("P32", "calc: Note 39(a) override: active 8471.80.4000 carries 25% (Switzerland)", "8471.80.40.00", "CH", "2026-01-20", "", "s232", 0.25m, 0.25m),
        new("P33", "calc: Note 39(a) override: active 8471.80.4000 carries 25% (Korea)", "8471.80.40.00", "KR", "2026-01-20", "", "s232", 0.25m, 0.25m),
        new("P34", "calc: Note 39(a) override: active 8471.80.4000 carries 25% (China)", "8471.80.40.00", "CN", "2026-01-20", "", "s232", 0.25m, 0.25m),
        new("P35", "calc: Note 2(v)(xvi): EU x active semi carries total=0.25", "8471.80.40.00", "DE", "2026-01-20", "", "additional", 0.25m, 0.25m),
        new("P36", "calc: MX/CA x active semi: fentanyl does not contribute (Canada)", "8471.80.40.00", "CA", "2026-01-20", "", "additional", 0.25m, 0.25m),
        new("P37", "calc: MX/CA x active semi: fentanyl does not contribute (Mexico)", "8471.80.40.00", "MX", "2026-01-20", "", "additional", 0.25m, 0.25m),
        new("P38", "calc: China x active semi: 232 + fentanyl + 301 all stack to 60%", "8471.80.40.00", "CN", "2026-01-20", "", "additional", 0.60m, 0.50m),
        new("P39", "calc: Russia aluminum 200% surcharge applies in ch 76", "7601.10.30.00", "RU", "2026-04-15", "", "s232", 2m, 2m),
        new("P40", "calc: Russia aluminum derivative surcharge applies in Annex I-B", "8302.10.60.30", "RU", "2026-04-15", "", "s232", 2m, 2m),
        new("P41", "calc: Russia annex_2 products are NOT surcharged", "8503.00.45.00", "RU", "2026-04-15", "", "s232", 0m, 0m),
        new("P42", "calc: Russia annex_2 products are NOT surcharged (a note 19(k) article)", "0402.99.68.00", "RU", "2026-04-15", "", "s232", 0m, 2m),
        new("P43", "calc: Russia steel (ch 72/73) does NOT get the aluminum-only surcharge", "7208.39.00.90", "RU", "2026-04-15", "", "s232", 0.50m, 0.50m),
        new("P44", "calc: Non-Russia countries in ch 76 do NOT get the Russia surcharge", "7601.10.30.00", "DE", "2026-04-15", "", "s232", 0.50m, 0.50m),
        new("P45", "calc: Annex II x rate_232>0 is semi-products-only", "8503.00.45.00", "DE", "2026-04-15", "", "s232", 0m, 0m),
        new("P46", "calc: rev_6 9903.94.01 is gated off", "8703.23.01.90", "JP", "2025-03-20", "", "s232", 0m, 0m),
        new("P47", "calc: filter_active_ch99 keeps rows where revision date >= offset (autos)", "8703.23.01.90", "JP", "2025-04-03", "", "s232", 0.25m, 0.25m),
        new("P48", "calc: filter_active_ch99 keeps rows where revision date >= offset (parts drop)", "8708.40.11.10", "DE", "2025-04-03", "", "s232", 0m, 0m),
        new("P49", "calc: filter_active_ch99 drops not-yet-active rows (parts from 2025-05-03)", "8708.40.11.10", "DE", "2025-05-03", "", "s232", 0.25m, 0.25m),
        new("P50", "daily: rate_s122 zeroed after expiry date (before)", "6109.10.00.12", "DE", "2026-07-20", "", "s122", 0.10m, 0.10m),
        new("P51", "daily: rate_s122 zeroed after expiry date (after)", "6109.10.00.12", "DE", "2026-07-24", "", "s122", 0m, 0m),
        new("P52", "daily: total_rate recomputed after s122 zeroing", "6109.10.00.12", "DE", "2026-07-24", "", "total", 0.165m, 0.165m),
        new("P53", "daily: s122 active on exact expiry date", "6109.10.00.12", "DE", "2026-07-23", "", "s122", 0.10m, 0.10m),
        new("P54", "daily: tpc_additive produces different totals than mutual_exclusion", "7208.39.00.90", "DE", "2025-10-01", "--additive", "additional", 0.65m, 0.65m),
        new("P55", "daily: tpc_additive authority decomposition reflects additive stacking", "7208.39.00.90", "DE", "2025-10-01", "--additive", "reciprocal", 0.15m, 0.15m),
        new("P56", "daily: tpc_additive vs mutual_exclusion: known numeric difference on 232 product", "7208.39.00.90", "DE", "2025-10-01", "", "additional", 0.50m, 0.50m),
        new("P57", "daily: stacking excludes rate_301 for non-China countries", "8703.23.01.90", "DE", "2025-06-01", "", "s301", 0m, 0m),
        new("P58", "daily: stacking includes rate_301 for China", "8501.10.40.20", "CN", "2025-06-01", "", "additional", 0.55m, 0.55m),
        new("P59", "daily: blanket auto entry produces auto_rate > 0", "8703.23.01.90", "DE", "2025-07-01", "", "s232", 0.25m, 0.25m),
        new("P60", "daily: deal-only auto entries (UK deal 7.5%)", "8703.23.01.90", "GB", "2025-07-01", "", "s232", 0.075m, 0.075m),
        new("P61", "daily: calculator zeroes IEEPA on 2026-02-20", "6109.10.00.12", "CN", "2026-02-20", "", "reciprocal", 0m, 0.10m),
        new("P62", "daily: calculator zeroes IEEPA on 2026-02-20 while Section 122 remains HTS-dated", "6109.10.00.12", "CN", "2026-02-20", "", "s122", 0m, 0m),
        new("P63", "daily: policy-date mode: rev_16 effective 2025-06-04 (steel 50%)", "7208.39.00.90", "DE", "2025-06-04", "", "s232", 0.50m, 0.50m),
        new("P64", "daily: policy-date mode: 2026_rev_4 effective 2026-02-24 (Section 122)", "6109.10.00.12", "DE", "2026-02-24", "", "s122", 0.10m, 0.10m),
        new("P65", "daily: decomposition uses steel_share for steel derivatives (reciprocal)", "8482.10.50.68", "DE", "2025-10-01", "--steel-share 0.3", "reciprocal", 0.042m, 0.042m),
        new("P66", "daily: decomposition uses steel_share for steel derivatives (Section 122)", "8482.10.50.68", "DE", "2026-03-01", "--steel-share 0.3", "s122", 0.07m, 0m),
        new("P67", "daily: decomposition: ch76 product nonmetal_share = 1 - aluminum_share", "7604.10.10.00", "DE", "2025-10-01", "--aluminum-share 0.1", "reciprocal", 0.09m, 0m),
        new("P68", "daily: flat 100 derivative keeps full 232 rate through derivative scaling and stacking", "8407.90.10.20", "DE", "2025-08-20", "--steel-share 1", "additional", 0.50m, 0.50m),
        new("P69", "daily: annex rate override: I-A 50%", "7208.10.15.00", "DE", "2026-04-15", "", "s232", 0.50m, 0.50m),
        new("P70", "daily: annex rate override: I-B 25%", "8503.00.35.00", "DE", "2026-04-15", "", "s232", 0.25m, 0.25m),
        new("P71", "daily: annex rate override: II removed", "8503.00.45.00", "DE", "2026-04-15", "", "s232", 0m, 0m),
        new("P72", "daily: annex rate override: III max(0, 15% - base)", "9013.90.80.00", "DE", "2026-04-15", "", "s232", 0.105m, 0.105m),
        new("P73", "daily: annex III floor formula edge cases (base 0 -> 15%)", "8455.90.40.00", "DE", "2026-04-15", "", "s232", 0.15m, 0.15m),
        new("P74", "daily: annex III floor formula edge cases (base 1.6% -> 13.4%)", "8504.34.00.00", "DE", "2026-04-15", "", "s232", 0.134m, 0.134m),
        new("P75", "daily: annex III floor formula edge cases (base above the floor -> 0; the same rule on the Japan floor)", "6109.10.00.12", "JP", "2025-10-01", "", "reciprocal", 0m, 0m),
        new("P76", "daily: UK annex deal: UK steel I-A 25%", "7208.39.00.90", "GB", "2026-04-15", "", "s232", 0.25m, 0.25m),
        new("P77", "daily: UK annex deal: UK steel I-B 15%", "8503.00.35.00", "GB", "2026-04-15", "", "s232", 0.15m, 0.15m),
        new("P78", "daily: UK annex deal: UK copper I-A 50% (no UK deal for copper)", "7408.11.60.00", "GB", "2026-04-15", "", "s232", 0.50m, 0.50m),
        new("P79", "daily: annex classification is NA for pre-April-6 dates", "8503.00.35.00", "DE", "2026-03-15", "", "heading:9903.82.09", 0m, 0m),
        new("P80", "daily: annex prefix matching: specific prefix wins (8503.00.45 -> II)", "8503.00.45.00", "DE", "2026-04-15", "", "heading:9903.82.09", 0m, 0m),
        new("P81", "daily: annex prefix matching: specific prefix wins (8503.00.90 -> II)", "8503.00.90.00", "DE", "2026-04-15", "", "heading:9903.82.09", 0m, 0m),
        new("P82", "daily: annex prefix matching: catchall 850300 -> I-B", "8503.00.35.00", "DE", "2026-04-15", "", "heading:9903.82.09", 0.25m, 0.25m),
        new("P83", "daily: annex prefix matching: specific prefix wins (8483.90.20 -> III)", "8483.90.20.00", "DE", "2026-04-15", "", "heading:9903.82.10", 0.105m, 0.105m),
        new("P84", "daily: annex prefix matching: catchall 848390 -> I-B", "8483.90.50", "DE", "2026-04-15", "", "heading:9903.82.09", 0.25m, 0.25m),
        new("P85", "daily: post-annex derivative: full customs value, Section 122 contributes zero", "8482.10.50.68", "JP", "2026-04-15", "", "s122", 0m, 0m),
        new("P86", "daily: pre-annex derivative: BEA stacking preserved (Section 122 on the non-metal share)", "8482.10.50.68", "JP", "2026-03-15", "--steel-share 0.6", "s122", 0.04m, 0m),
        new("P87", "daily: annex II product (removed from 232): full S122 applies", "8503.00.45.00", "JP", "2026-04-15", "", "s122", 0.10m, 0.10m),
        new("P88", "daily: calculate_rates_for_revision populates annex tags (7308.20.00.35 -> I-A)", "7308.20.00.35", "DE", "2026-04-15", "", "s232", 0.50m, 0.50m),
        new("P89", "daily: primary chapter product gets annex_1a (7209.15.00.00)", "7209.15.00.00", "DE", "2026-04-15", "", "s232", 0.50m, 0.50m),
    ];

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (PeerCase c in Cases)
        {
            data.Add(c.Id);
        }

        return data;
    }

    private static QuoteRequest RequestOf(PeerCase c) => CaseArgs.Apply(new QuoteRequest
    {
        Product = HtsCode.Parse(c.Product),
        Origin = CountryCode.Parse(c.Origin),
        EntryDate = DateOnly.Parse(c.Date, CultureInfo.InvariantCulture),
    }, c.Args, c.Id);

    private static decimal? Measure(PeerCase c)
    {
        RateQuote q;
        try
        {
            q = TestData.Data.Engine.Quote(RequestOf(c));
        }
        catch (InvalidQuoteRequestException) when (c.Measure == "refused")
        {
            return 1m;
        }

        decimal Of(Authority a) => q.Components.Skip(1).Where(x => x.Authority == a).Sum(x => x.AdValorem ?? 0m);
        return c.Measure switch
        {
            "refused" => 0m,
            "total" => q.TotalAdValorem,
            "additional" => q.AdditionalAdValorem,
            "s232" => Of(Authority.Section232),
            "s301" => Of(Authority.Section301),
            "fentanyl" => Of(Authority.IeepaFentanyl),
            "reciprocal" => Of(Authority.IeepaReciprocal),
            "s122" => Of(Authority.Section122),
            _ when c.Measure.StartsWith("heading:", StringComparison.Ordinal) =>
                q.Components.Where(x => x.Heading?.ToString() == c.Measure["heading:".Length..]).Sum(x => x.AdValorem ?? 0m),
            _ => throw new Xunit.Sdk.XunitException($"{c.Id}: unknown measure {c.Measure}"),
        };
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void PeerAssertion_OnARealLine_LevyGivesItsAnswer(string id)
    {
        PeerCase c = Cases.Single(x => x.Id == id);

        decimal? levy = Measure(c);

        Assert.True(levy == c.Levy, $"{c}: Levy gives {levy}, the table says {c.Levy} (peer {c.Peer})");
    }

    [Fact]
    public void PeerAssertions_EveryDifference_IsExplainedInValidationMd()
    {
        string validation = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "validation.md"));
        var differences = Cases.Where(c => !c.Agrees).ToList();

        Assert.All(differences, c => Assert.Contains($"| {c.Id} |", validation, StringComparison.Ordinal));
        Assert.Equal(Cases.Length, Cases.Select(c => c.Id).Distinct().Count());
        TestContext.Current.SendDiagnosticMessage($"{Cases.Length} peer assertions: {Cases.Length - differences.Count} agree, {differences.Count} differ ({string.Join(", ", differences.Select(d => d.Id))}).");
    }

    // calc "section_232 from 9903.80-85 / 9903.94 / 9903.74 / 9903.78 / 9903.79", "section_301 from 9903.86-89 / 9903.91",
    // "section_122 from 9903.03.xx", "section_201 safeguards from 9903.40-45", "ieepa_reciprocal from 9903.96": the authority
    // of every heading the peer classifies that the rulebook declares.
    [Theory]
    [InlineData("9903.03.01", Authority.Section122)]
    [InlineData("9903.85.04", Authority.Section232)]
    [InlineData("9903.94.01", Authority.Section232)]
    [InlineData("9903.74.01", Authority.Section232)]
    [InlineData("9903.78.01", Authority.Section232)]
    [InlineData("9903.79.01", Authority.Section232)]
    [InlineData("9903.88.15", Authority.Section301)]
    [InlineData("9903.91.01", Authority.Section301)]
    [InlineData("9903.45.25", Authority.Section201)]
    [InlineData("9903.96.02", Authority.IeepaReciprocal)]
    [InlineData("9903.80.01", Authority.Section232)]
    public void PeerClassifyAuthority_EveryRulebookMeasureOfTheHeading_HasThatAuthority(string heading, Authority authority)
    {
        PolicyMeasure[] measures = [.. TestData.Data.Engine.Rulebook.Measures.Where(m => m.Heading.ToString() == heading)];

        Assert.NotEmpty(measures);
        Assert.All(measures, m => Assert.Equal(authority, m.Authority));
    }

    // calc "semi product list exists with expected headings": note 39(b) scope is 8471.50, 8471.80 and 8473.30.
    [Fact]
    public void PeerSemiconductorList_IsWithinTheProvisionsOfNote39b()
    {
        ProductSet semis = TestData.Data.Policy.Lists["s232-semiconductors"];

        Assert.True(semis.Entries.Length >= 5);
        Assert.All(semis.Entries, e => Assert.Contains(e.Prefix.Truncate(6).ToString(), new[] { "8471.50", "8471.80", "8473.30" }));
    }

    // calc "parse_rate: simple percentage / Free / compound rates return NA", "parse_ch99_rate: surcharge format / bare
    // percentage": the texts as the revisions print them.
    [Theory]
    [InlineData("6.8%", "0.068")]
    [InlineData("Free", "0")]
    [InlineData("The duty provided in the applicable subheading + 25%", "0.25")]
    [InlineData("The duty provided in the applicable subheading + 7.5%", "0.075")]
    [InlineData("25%", "0.25")]
    public void PeerParseRate_RealTexts_ReadAsTheSameFraction(string text, string fraction)
    {
        decimal read = RateParser.Parse(text) switch
        {
            AdValoremRate a => a.Fraction,
            FreeRate => 0m,
            ApplicableSubheadingRate { Additional: AdValoremRate a } => a.Fraction,
            var other => throw new Xunit.Sdk.XunitException($"\"{text}\" parsed as {other}"),
        };

        Assert.Equal(decimal.Parse(fraction, CultureInfo.InvariantCulture), read);
    }

    [Fact]
    public void PeerParseRate_CompoundRate_NeedsAValue()
    {
        RateQuote q = TestData.Data.Engine.Quote(new QuoteRequest { Product = HtsCode.Parse("0402.99.90.00"), Origin = CountryCode.Parse("DE"), EntryDate = new DateOnly(2025, 6, 1) });

        Assert.Null(q.TotalAdValorem); // 46.3¢/kg + 14.9%: the peer's parse_rate returns NA, Levy asks for value and quantity
    }

    // calc "total_rate = base_rate + total_additional", "no negative rates", "net authority decomposition sums to
    // total_additional" (and daily "net authorities sum to total_additional"): over the quotes of every mapped case.
    [Fact]
    public void PeerInvariants_TotalIsTheSumOfNonNegativeComponents()
    {
        foreach (PeerCase c in Cases.Where(c => c.Measure != "refused"))
        {
            RateQuote q = TestData.Data.Engine.Quote(RequestOf(c));
            if (q.TotalAdValorem is not { } total)
            {
                continue;
            }

            Assert.All(q.Components, x => Assert.True(x.AdValorem >= 0m, $"{c}: {x.Heading} is negative"));
            Assert.Equal(total, q.Components.Sum(x => x.AdValorem!.Value));
            Assert.Equal(total, q.Base.AdValorem + q.AdditionalAdValorem);
        }
    }
}

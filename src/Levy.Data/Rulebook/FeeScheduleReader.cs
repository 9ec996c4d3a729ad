using System.Collections.Immutable;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Data.Rulebook;

/// <summary>Builds the <see cref="FeeSchedule"/> from the rulebook's <c>fees.yaml</c>: MPF figures per fiscal year, the
/// HMF rate, the informal-entry limit, the MPF-exempt programs and de minimis treatment, each with dates and a source.</summary>
public static class FeeScheduleReader
{
    private const string File = "fees.yaml";

    /// <summary>Reads the fee schedule.</summary>
    /// <param name="rulebook">The rulebook.</param>
    /// <exception cref="RulebookException">fees.yaml is missing, malformed, lacks a figure or a citation, or has
    /// overlapping periods.</exception>
    public static FeeSchedule Read(RulebookFiles rulebook)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        FeesFile f = YamlRulebook.Read<FeesFile>(rulebook, File);
        var mpf = new List<MpfRates>();
        foreach (MpfEntry m in f.Mpf ?? [])
        {
            string year = m.FiscalYear ?? throw Missing("mpf", "fiscal_year");
            mpf.Add(new MpfRates(year, Period(m.From, m.Until, "mpf " + year), Percent(m.AdValoremPercent, "mpf " + year),
                Usd(m.MinimumUsd, "mpf " + year, "minimum_usd"), Usd(m.MaximumUsd, "mpf " + year, "maximum_usd"),
                Usd(m.InformalUsd, "mpf " + year, "informal_usd"), Cite(m.Citation, "mpf " + year)));
        }

        var hmf = (f.Hmf ?? []).Select(h => new HmfRates(Period(h.From, h.Until, "hmf"), Percent(h.AdValoremPercent, "hmf"), Cite(h.Citation, "hmf"))).ToList();
        InformalEntry i = f.InformalEntry ?? throw Missing("the file", "informal_entry");
        var informal = new InformalEntryRule(Usd(i.LimitUsd, "informal_entry", "limit_usd"),
            Usd(i.Chapter99ArticleLimitUsd, "informal_entry", "chapter99_article_limit_usd"), i.Chapter99ExceptionSuspendedFrom,
            Cite(i.Citation, "informal_entry"));
        DeMinimisEntry d = f.DeMinimis ?? throw Missing("the file", "de_minimis");
        var suspensions = new List<DeMinimisSuspension>();
        foreach (SuspensionEntry s in d.Suspensions ?? [])
        {
            if (s.AllCountries == (s.Countries is { Count: > 0 }))
            {
                throw new RulebookException(File, 0, "de_minimis: each suspension gives either countries or all_countries: true");
            }

            var countries = (s.Countries ?? []).Select(c => CountryCode.TryParse(c, out CountryCode code) ? code
                : throw new RulebookException(File, 0, $"de_minimis: \"{c}\" is not a two-letter country code")).ToImmutableArray();
            suspensions.Add(new DeMinimisSuspension(Period(s.From, s.Until, "de_minimis suspension"), countries, Cite(s.Citation, "de_minimis suspension")));
        }

        var deMinimis = new DeMinimisRule(Usd(d.ThresholdUsd, "de_minimis", "threshold_usd"), Cite(d.Citation, "de_minimis"), suspensions);
        try
        {
            return new FeeSchedule(mpf, hmf, informal, f.MpfExemptPrograms ?? [], deMinimis);
        }
        catch (ArgumentException ex)
        {
            throw new RulebookException(File, 0, ex.Message);
        }
    }

    private static EffectivePeriod Period(DateOnly? from, DateOnly? until, string where)
    {
        DateOnly start = from ?? throw Missing(where, "from");
        return until is { } end && end <= start
            ? throw new RulebookException(File, 0, $"{where}: until ({end:yyyy-MM-dd}) is not after from ({start:yyyy-MM-dd})")
            : new EffectivePeriod(start, until);
    }

    private static decimal Percent(decimal? percent, string where) =>
        percent is { } p and >= 0 and < 100 ? p / 100m : throw Missing(where, "ad_valorem_percent (0 to 100)");

    private static Money Usd(decimal? usd, string where, string key) =>
        usd is { } u and >= 0 ? new Money(u) : throw Missing(where, key);

    private static string Cite(string? citation, string where) =>
        string.IsNullOrWhiteSpace(citation) ? throw Missing(where, "citation") : citation.Trim();

    private static RulebookException Missing(string where, string key) => new(File, 0, $"{where}: \"{key}\" is missing or invalid");

    private sealed class FeesFile
    {
        public List<MpfEntry>? Mpf { get; set; }

        public List<string>? MpfExemptPrograms { get; set; }

        public List<HmfEntry>? Hmf { get; set; }

        public InformalEntry? InformalEntry { get; set; }

        public DeMinimisEntry? DeMinimis { get; set; }
    }

    private sealed class MpfEntry
    {
        public string? FiscalYear { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? Until { get; set; }

        public decimal? AdValoremPercent { get; set; }

        public decimal? MinimumUsd { get; set; }

        public decimal? MaximumUsd { get; set; }

        public decimal? InformalUsd { get; set; }

        public string? Citation { get; set; }

        public string? Verified { get; set; }
    }

    private sealed class HmfEntry
    {
        public DateOnly? From { get; set; }

        public DateOnly? Until { get; set; }

        public decimal? AdValoremPercent { get; set; }

        public string? Citation { get; set; }

        public string? Verified { get; set; }
    }

    private sealed class InformalEntry
    {
        public decimal? LimitUsd { get; set; }

        public decimal? Chapter99ArticleLimitUsd { get; set; }

        public DateOnly? Chapter99ExceptionSuspendedFrom { get; set; }

        public string? Citation { get; set; }

        public string? Verified { get; set; }
    }

    private sealed class DeMinimisEntry
    {
        public decimal? ThresholdUsd { get; set; }

        public string? Citation { get; set; }

        public List<SuspensionEntry>? Suspensions { get; set; }
    }

    private sealed class SuspensionEntry
    {
        public List<string>? Countries { get; set; }

        public bool AllCountries { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? Until { get; set; }

        public string? Citation { get; set; }

        public string? Verified { get; set; }
    }
}

using System.Collections.Immutable;
using Levy.Core.Primitives;
using Levy.Core.Refunds;

namespace Levy.Data.Rulebook;

/// <summary>Builds the <see cref="RefundRules"/> from the rulebook's <c>refunds.yaml</c>: the ruling and the last day of
/// IEEPA collection, the statutory periods, the CAPE phases and limits, and the quarterly overpayment rates.</summary>
public static class RefundRulesReader
{
    private const string File = "refunds.yaml";

    /// <summary>Reads the rules.</summary>
    /// <exception cref="RulebookException">refunds.yaml is missing, malformed, lacks a figure or a source, or its quarters
    /// overlap or leave a gap.</exception>
    public static RefundRules Read(RulebookFiles rulebook)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        RefundsFile f = YamlRulebook.Read<RefundsFile>(rulebook, File);
        DatedFact ruling = f.Ruling ?? throw Missing("the file", "ruling");
        DatedFact ended = f.CollectionEnded ?? throw Missing("the file", "collection_ended");
        PeriodsEntry p = f.Periods ?? throw Missing("the file", "periods");
        CapeEntry c = f.Cape ?? throw Missing("the file", "cape");
        var sources = new Dictionary<string, string>
        {
            ["ruling"] = Cite(ruling.Source, "ruling"),
            ["collection_ended"] = Cite(ended.Source, "collection_ended"),
            ["liquidation"] = Cite(p.LiquidationSource, "periods.liquidation_source"),
            ["reliquidation"] = Cite(p.ReliquidationSource, "periods.reliquidation_source"),
            ["protest"] = Cite(p.ProtestSource, "periods.protest_source"),
            ["max_entries"] = Cite(c.MaxEntriesSource, "cape.max_entries_source"),
            ["phase1"] = Cite(c.Phase1Source, "cape.phase1_source"),
            ["phase1_excluded"] = Cite(c.Phase1ExcludedSource, "cape.phase1_excluded_source"),
            ["refund_reports"] = Cite(f.RefundReports?.Source, "refund_reports.source"),
        };
        var phases = (c.Phases ?? []).Select(ph => new CapePhaseRule(ph.Number ?? throw Missing("cape.phases", "number"), ph.Opened,
            ph.Covers ?? throw Missing("cape.phases", "covers"), Cite(ph.Source, $"cape.phases[{ph.Number}]"), ph.Verified ?? false)).ToImmutableArray();
        var quarters = ImmutableArray.CreateBuilder<InterestQuarter>();
        foreach (QuarterEntry q in f.Interest ?? throw Missing("the file", "interest"))
        {
            DateOnly from = q.From ?? throw Missing("interest", "from");
            string where = $"interest from {from:yyyy-MM-dd}";
            DateOnly until = q.Until is { } u && u > from ? u : throw Missing(where, "until (after from)");
            quarters.Add(new InterestQuarter(new EffectivePeriod(from, until), Percent(q.NoncorporatePercent, where), Percent(q.CorporatePercent, where),
                Percent(q.CorporateLargePercent, where), Cite(q.Source, where), q.Verified ?? false, q.Note));
        }

        try
        {
            return new RefundRules(ruling.Date ?? throw Missing("ruling", "date"), ended.Date ?? throw Missing("collection_ended", "date"),
                p.LiquidationDays ?? throw Missing("periods", "liquidation_days"), p.ReliquidationDays ?? throw Missing("periods", "reliquidation_days"),
                p.ProtestDays ?? throw Missing("periods", "protest_days"), c.Phase1DaysAfterLiquidation ?? throw Missing("cape", "phase1_days_after_liquidation"),
                c.MaxEntriesPerDeclaration ?? throw Missing("cape", "max_entries_per_declaration"), [.. c.Phase1ExcludedEntryTypes ?? []], phases,
                quarters.ToImmutable(), f.CheckToleranceUsd ?? throw Missing("the file", "check_tolerance_usd"), sources.ToImmutableDictionary());
        }
        catch (ArgumentException ex)
        {
            throw new RulebookException(File, 0, ex.Message);
        }
    }

    private static decimal Percent(decimal? percent, string where) =>
        percent is { } v and >= 0 and < 100 ? v / 100m : throw Missing(where, "a rate in percent (0 to 100)");

    private static string Cite(string? source, string where) =>
        string.IsNullOrWhiteSpace(source) ? throw Missing(where, "source") : source.Trim();

    private static RulebookException Missing(string where, string key) => new(File, 0, $"{where}: \"{key}\" is missing or invalid");

    private sealed class RefundsFile
    {
        public DatedFact? Ruling { get; set; }

        public DatedFact? CollectionEnded { get; set; }

        public PeriodsEntry? Periods { get; set; }

        public CapeEntry? Cape { get; set; }

        public SourceEntry? RefundReports { get; set; }

        public decimal? CheckToleranceUsd { get; set; }

        public List<QuarterEntry>? Interest { get; set; }
    }

    private sealed class DatedFact
    {
        public DateOnly? Date { get; set; }

        public string? Source { get; set; }
    }

    private sealed class SourceEntry
    {
        public string? Source { get; set; }
    }

    private sealed class PeriodsEntry
    {
        public int? LiquidationDays { get; set; }

        public string? LiquidationSource { get; set; }

        public int? ReliquidationDays { get; set; }

        public string? ReliquidationSource { get; set; }

        public int? ProtestDays { get; set; }

        public string? ProtestSource { get; set; }
    }

    private sealed class CapeEntry
    {
        public int? MaxEntriesPerDeclaration { get; set; }

        public string? MaxEntriesSource { get; set; }

        public string? Note { get; set; }

        public int? Phase1DaysAfterLiquidation { get; set; }

        public string? Phase1Source { get; set; }

        public List<string>? Phase1ExcludedEntryTypes { get; set; }

        public string? Phase1ExcludedSource { get; set; }

        public List<PhaseEntry>? Phases { get; set; }
    }

    private sealed class PhaseEntry
    {
        public int? Number { get; set; }

        public DateOnly? Opened { get; set; }

        public string? Covers { get; set; }

        public string? Source { get; set; }

        public bool? Verified { get; set; }
    }

    private sealed class QuarterEntry
    {
        public DateOnly? From { get; set; }

        public DateOnly? Until { get; set; }

        public decimal? NoncorporatePercent { get; set; }

        public decimal? CorporatePercent { get; set; }

        public decimal? CorporateLargePercent { get; set; }

        public string? Source { get; set; }

        public bool? Verified { get; set; }

        public string? Note { get; set; }
    }
}

namespace Levy.Core.Calculation.Entries;

/// <summary>Message templates of the entry calculation.</summary>
internal static class EntryErrorMessages
{
    internal const string DifferentDates = "the lines of entry {0} have different entry dates ({1:yyyy-MM-dd} and {2:yyyy-MM-dd}); an entry has one date";
    internal const string DifferentTypes = "the lines of entry {0} declare different entry types; an entry has one type";
    internal const string NoMpf = "no Merchandise Processing Fee figures for entry date {0:yyyy-MM-dd} in the rulebook (fees.yaml covers {1})";
    internal const string MpfCarriedForward = "MPF: the rulebook has no figures for {0} (entry date {1:yyyy-MM-dd}); the {2} figures are used, the latest known ({3}). CBP publishes each fiscal year's figures in the Federal Register each summer (19 CFR 24.23); update with `levy data sync` or a newer Levy";
    internal const string NoHmf = "no Harbor Maintenance Fee rate for entry date {0:yyyy-MM-dd} in the rulebook (fees.yaml)";
    internal const string DeMinimis = "de minimis: declared value {0} is at or under {1}, released free of duty and fees ({2})";
    internal const string DeMinimisSuspended = "de minimis treatment not available: {0}";
    internal const string MpfExempt = "line {0}: no MPF on goods claimed under program {1} (19 CFR 24.23(c))";
    internal const string FormalForChapter99 = "formal entry: line {0} is over {1} and classified in Chapter 99 subchapter III/IV ({2})";
    internal const string Informal = "informal entry: declared value {0} does not exceed {1} ({2})";
}

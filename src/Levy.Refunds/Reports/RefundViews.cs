using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Refunds.Claims;
using Levy.Refunds.Import;

namespace Levy.Refunds.Reports;

// The shapes `levy refund … --json` writes and the web API answers: plain values, amounts in dollars as numbers, dates as
// yyyy-MM-dd, entry numbers as ABC-1234567-6.

/// <summary>A row that could not be read.</summary>
public sealed record RowErrorView(string File, int Line, string Field, string? Value, string Message)
{
    /// <summary>The view of an error of a file.</summary>
    public static RowErrorView From(string file, RowError e) => new(file, e.Line, e.Field, e.Value, e.Message);
}

/// <summary>What an import did.</summary>
public sealed record ImportView(string File, int Rows, int LinesAdded, int LinesUpdated, int LinesUnchanged, int RowsInLines, int ErrorRows,
    int LinesChecked, double Seconds, IReadOnlyList<RowErrorView> Errors)
{
    /// <summary>The view of a result.</summary>
    public static ImportView From(ImportResult r) => new(r.File, r.Rows, r.LinesAdded, r.LinesUpdated, r.LinesUnchanged, r.RowsInLines, r.ErrorCount,
        r.LinesChecked, Math.Round(r.Elapsed.TotalSeconds, 2), [.. r.Errors.Select(e => RowErrorView.From(r.File, e))]);
}

/// <summary>How many lines carry a flag, and why it matters.</summary>
public sealed record FlagSummaryView(string Flag, int Lines, string Reason);

/// <summary>A flagged line.</summary>
public sealed record FlaggedLineView(string Entry, int Line, string Hts, string Origin, IReadOnlyList<string> Flags, decimal IeepaPaid, decimal? IeepaLaw,
    decimal Exposure, decimal? NonIeepaDifference, string Declared, string? Note)
{
    /// <summary>The view of a line.</summary>
    public static FlaggedLineView From(FlaggedLine l) => new(l.Entry.ToString(), l.Line, l.Hts, l.Origin,
        [.. RefundFlagReasons.All.Where(f => l.Flags.HasFlag(f)).Select(RefundFlagReasons.Name)], l.IeepaPaid.Amount, l.IeepaLaw?.Amount, l.Exposure.Amount,
        l.NonIeepaDifference?.Amount, l.Declared, l.Note);
}

/// <summary>The flags of the ledger and the lines that carry them.</summary>
public sealed record CheckView(int Checked, int Skipped, IReadOnlyList<FlagSummaryView> Flags, IReadOnlyList<FlaggedLineView> Lines)
{
    /// <summary>The view of the ledger's flags.</summary>
    public static CheckView From(int checkedLines, int skipped, IReadOnlyDictionary<string, int> counts, IReadOnlyList<FlaggedLine> lines, RefundRules rules) =>
        new(checkedLines, skipped,
            [.. RefundFlagReasons.All.Select(f => new FlagSummaryView(RefundFlagReasons.Name(f), counts.GetValueOrDefault(RefundFlagReasons.Name(f)), RefundFlagReasons.Reason(f, rules)))],
            [.. lines.Select(FlaggedLineView.From)]);
}

/// <summary>An entry as a claim.</summary>
public sealed record ClaimView(string Entry, string Importer, string? EntryType, DateOnly EntryDate, DateOnly SummaryDate, decimal IeepaPaid, decimal Fentanyl,
    decimal Reciprocal, DateOnly Liquidation, bool LiquidationEstimated, string Standing, DateOnly Phase1Until, DateOnly ReliquidationUntil,
    DateOnly ProtestUntil, DateOnly? NextDeadline, string? NextDeadlineWhat, int? DeclarationId)
{
    /// <summary>The view of a claim.</summary>
    public static ClaimView From(EntryClaim c) => new(c.Entry.ToString(), c.Importer, c.EntryType, c.EntryDate, c.SummaryDate, c.Ieepa.Amount, c.Fentanyl.Amount,
        c.Reciprocal.Amount, c.Deadlines.Liquidation, c.Deadlines.LiquidationEstimated, RefundReport.Standing(c.Deadlines.Standing), c.Deadlines.Phase1Until,
        c.Deadlines.ReliquidationUntil, c.Deadlines.ProtestUntil, c.Deadlines.NextDeadline, c.Deadlines.NextDeadlineWhat, c.DeclarationId);
}

/// <summary>Entries and IEEPA paid by standing.</summary>
public sealed record StandingView(string Standing, int Entries, decimal IeepaPaid);

/// <summary>What closes soonest.</summary>
public sealed record DeadlinesView(DateOnly AsOf, IReadOnlyList<StandingView> Standings, int Listed, IReadOnlyList<ClaimView> Entries)
{
    /// <summary>The deadlines of a ledger on a date: every entry that paid IEEPA duty and is not declared yet, the soonest
    /// deadline first.</summary>
    public static DeadlinesView From(RefundLedger ledger, DateOnly asOf, int limit, RefundStanding? only = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var standings = new Dictionary<RefundStanding, (int Entries, Money Paid)>();
        var open = new PriorityQueue<EntryClaim, (DateOnly, string)>();
        foreach (EntryClaim c in ledger.Claims(asOf))
        {
            RefundStanding s = c.Deadlines.Standing;
            (int n, Money paid) = standings.GetValueOrDefault(s);
            standings[s] = (n + 1, paid + c.Ieepa);
            if (c.Deadlines.NextDeadline is { } next && c.DeclarationId is null && (only is null || only == s))
            {
                // Keep the `limit` soonest: a max-heap by date, the latest dropped.
                open.Enqueue(c, (DateOnly.FromDayNumber(-next.DayNumber + DateOnly.MaxValue.DayNumber), c.Entry.Compact));
                if (open.Count > limit)
                {
                    open.Dequeue();
                }
            }
        }

        var soonest = new List<EntryClaim>();
        while (open.Count > 0)
        {
            soonest.Add(open.Dequeue());
        }

        soonest.Reverse();
        soonest.Sort((a, b) => a.Deadlines.NextDeadline!.Value.CompareTo(b.Deadlines.NextDeadline!.Value) is var d && d != 0 ? d : string.CompareOrdinal(a.Entry.Compact, b.Entry.Compact));
        return new DeadlinesView(asOf, [.. standings.OrderBy(s => s.Key).Select(s => new StandingView(RefundReport.Standing(s.Key), s.Value.Entries, s.Value.Paid.Amount))],
            soonest.Count, [.. soonest.Select(ClaimView.From)]);
    }
}

/// <summary>A declaration written.</summary>
public sealed record DeclarationView(int Id, string File, int Entries, decimal IeepaPaid)
{
    /// <summary>The view of a file.</summary>
    public static DeclarationView From(DeclarationFile f) => new(f.Id, f.Path, f.Entries, f.Ieepa.Amount);
}

/// <summary>A difference between expected and received.</summary>
public sealed record DifferenceView(string Kind, string Entry, decimal ExpectedPrincipal, decimal ReceivedPrincipal, decimal ExpectedInterest, decimal ReceivedInterest, string Detail)
{
    /// <summary>The view of a difference.</summary>
    public static DifferenceView From(RefundDifference d) => new(d.Kind, d.Entry, d.ExpectedPrincipal.Amount, d.ReceivedPrincipal.Amount, d.ExpectedInterest.Amount,
        d.ReceivedInterest.Amount, d.Detail);
}

/// <summary>A refund report read and reconciled.</summary>
public sealed record StatusView(string File, int Rows, int Added, int Updated, IReadOnlyList<RowErrorView> Errors, DateOnly AsOf, string RateClass,
    int DeclaredEntries, int RefundedEntries, decimal ExpectedPrincipal, decimal ReceivedPrincipal, decimal ExpectedInterest, decimal ReceivedInterest,
    decimal OtherReceived, bool UsesUnverifiedRates, IReadOnlyList<DifferenceView> Differences)
{
    /// <summary>The view of a reconciliation.</summary>
    public static StatusView From(string file, RefundReportImport read, RefundReconciliation r, DateOnly asOf, OverpaymentRateClass rateClass) =>
        new(file, read.Rows, read.Added, read.Updated, [.. read.Errors.Select(e => RowErrorView.From(file, e))], asOf, RateClassName(rateClass), r.DeclaredEntries, r.RefundedEntries,
            r.ExpectedPrincipal.Amount, r.ReceivedPrincipal.Amount, r.ExpectedInterest.Amount, r.ReceivedInterest.Amount, r.OtherReceived.Amount, r.UsesUnverifiedRates,
            [.. r.Differences.Select(DifferenceView.From)]);

    /// <summary>The option value of a rate class.</summary>
    public static string RateClassName(OverpaymentRateClass c) => c switch
    {
        OverpaymentRateClass.NonCorporate => "noncorporate",
        OverpaymentRateClass.CorporateOver10000 => "corporate-large",
        _ => "corporate",
    };

    /// <summary>Parses a rate class option value.</summary>
    public static OverpaymentRateClass? ParseRateClass(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "corporate" => OverpaymentRateClass.Corporate,
        "noncorporate" or "non-corporate" => OverpaymentRateClass.NonCorporate,
        "corporate-large" => OverpaymentRateClass.CorporateOver10000,
        _ => null,
    };
}

/// <summary>A group's totals.</summary>
public sealed record ReportRowView(string Key, int Entries, int Lines, decimal IeepaPaid, decimal Phase1, decimal Protest, decimal Exposure, decimal NonIeepaDifference, decimal Interest)
{
    /// <summary>The view of a row.</summary>
    public static ReportRowView From(ReportRow r) => new(r.Key, r.Entries, r.Lines, r.IeepaPaid.Amount, r.Phase1.Amount, r.Protest.Amount, r.Exposure.Amount,
        r.NonIeepaDifference.Amount, r.Interest.Amount);
}

/// <summary>Totals by a dimension.</summary>
public sealed record ReportView(string By, DateOnly AsOf, string RateClass, IReadOnlyList<ReportRowView> Rows, ReportRowView Total)
{
    /// <summary>The view of totals.</summary>
    public static ReportView From(RefundTotals t) => new(t.Dimension.ToString().ToLowerInvariant(), t.AsOf, StatusView.RateClassName(t.RateClass),
        [.. t.Rows.Select(ReportRowView.From)], ReportRowView.From(t.Total));
}

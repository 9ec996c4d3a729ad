using System.Globalization;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Data.Batch;
using Spectre.Console;
using PercentText = Levy.Core.Text.PercentText;

namespace Levy.Cli.Rendering;

/// <summary>One line's entry summary as <c>levy duty</c> shows it; the JSON shape of <c>levy duty --json</c>.</summary>
internal sealed record EntrySummaryView(
    string Product,
    string Origin,
    string OriginName,
    DateOnly EntryDate,
    string Revision,
    string RevisionName,
    decimal CustomsValue,
    decimal EnteredValue,
    IReadOnlyList<DutyLineView> Lines,
    decimal Duty,
    IReadOnlyDictionary<string, decimal> DutyByAuthority,
    string EntryType,
    bool DeMinimis,
    FeeView Mpf,
    FeeView Hmf,
    decimal Total,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Assumptions) : Levy.Core.Reports.DataAnswer
{
    internal static EntrySummaryView From(Entry entry, RateQuote quote, string originName)
    {
        LineAmounts line = entry.Lines[0];
        DutyBreakdown duty = line.Duty;
        // CBP's order of reporting: the Chapter 99 numbers first, then the chapter 1-97 number (CBP CSMS #39587858; docs/domain.md, "Order of reporting").
        var lines = duty.Components.Where(c => c.Component.Heading is not null).Concat(duty.Components.Where(c => c.Component.Heading is null))
            .Select(c => DutyLineView.From(c, quote.Product.Code)).ToList();
        MpfRates? mpf = entry.MpfRates;
        string mpfBasis = entry.IsDeMinimis ? "not charged: de minimis"
            : mpf is null ? string.Empty
            : entry.Mpf == Core.Primitives.Money.Zero ? "not charged: goods of an exempt program (19 CFR 24.23(c))"
            : entry.Type == Core.Calculation.Entries.EntryType.Informal ? $"informal entry ({mpf.FiscalYear} flat fee)"
            : $"{PercentText.Of(mpf.AdValorem)} of {Dollars(entry.EnteredValue)} ({mpf.FiscalYear}: min {mpf.Minimum}, max {mpf.Maximum})";
        string hmfBasis = entry.Hmf == Core.Primitives.Money.Zero
            ? entry.IsDeMinimis ? "not charged: de minimis" : $"not charged: mode {(entry.Lines[0].Duty.Quote.Request.Mode?.ToString().ToLowerInvariant() ?? "not given")} (vessel cargo only)"
            : $"0.125% of {Dollars(entry.EnteredValue)} vessel cargo (19 CFR 24.24)";
        return new EntrySummaryView(
            quote.Product.Code.ToString(), quote.Request.Origin.Value, originName, entry.EntryDate, quote.Revision.ShortName, quote.Revision.ToString(),
            duty.CustomsValue.Amount, duty.EnteredValue.Amount, lines, duty.Total.Amount,
            Enum.GetValues<Authority>().Where(a => duty.TotalFor(a) != Core.Primitives.Money.Zero).ToDictionary(a => a.ToString(), a => duty.TotalFor(a).Amount),
            entry.Type.ToString().ToLowerInvariant(), entry.IsDeMinimis,
            new FeeView("499", line.Mpf.Amount, mpfBasis), new FeeView("501", line.Hmf.Amount, hmfBasis), line.Total.Amount,
            mpf is null || entry.Mpf == Core.Primitives.Money.Zero ? entry.Notes : [.. entry.Notes, $"MPF figures: {mpf.Citation}"], quote.Assumptions);
    }

    internal static void Render(IAnsiConsole console, EntrySummaryView v)
    {
        CliContext.WriteDataNotice(console, v);
        console.MarkupLine($"[bold]Entry summary[/] (estimate): {v.Product} from {Markup.Escape(v.OriginName)} ({v.Origin}), entered {v.EntryDate:yyyy-MM-dd} — HTS {Markup.Escape(v.RevisionName)}");
        console.WriteLine();
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Line").AddColumn("HTS number").AddColumn("Rate").AddColumn(new TableColumn("Entered value").RightAligned())
            .AddColumn(new TableColumn("Duty").RightAligned());
        for (int i = 0; i < v.Lines.Count; i++)
        {
            DutyLineView l = v.Lines[i];
            table.AddRow(i == 0 ? "001" : string.Empty, l.Number, Markup.Escape(l.Rate),
                l.Heading is null ? Dollars(v.EnteredValue) : string.Empty, Usd(l.Amount));
        }

        table.AddRow(string.Empty, "[bold]Duty[/]", string.Empty, string.Empty, $"[bold]{Usd(v.Duty)}[/]");
        table.AddRow(string.Empty, "MPF (499)", Markup.Escape(v.Mpf.Basis), string.Empty, Usd(v.Mpf.Amount));
        table.AddRow(string.Empty, "HMF (501)", Markup.Escape(v.Hmf.Basis), string.Empty, Usd(v.Hmf.Amount));
        table.AddRow(string.Empty, "[bold]Total[/]", string.Empty, string.Empty, $"[bold]{Usd(v.Total)}[/]");
        console.Write(table);
        foreach (string note in v.Notes.Concat(v.Assumptions.Select(a => "assumed: " + a)))
        {
            console.WriteLine("• " + note);
        }
    }

    private static string Usd(decimal amount) => new Money(amount).RoundToCents().ToString();

    internal static string Dollars(Money value) => "$" + value.Amount.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Dollars(decimal value) => Dollars(new Money(value));
}

/// <summary>One HTS number of an entry-summary line with its rate and duty.</summary>
internal sealed record DutyLineView(string Number, string? Heading, string Authority, string Kind, string Rate, decimal Amount)
{
    internal static DutyLineView From(ComponentDuty d, HtsCode product)
    {
        QuoteComponent c = d.Component;
        string rate = c.Kind switch
        {
            ComponentKind.Base => c.PrintedRate.ToString()!,
            ComponentKind.Floor => $"{PercentText.Of(c.FloorRate ?? 0m)} all-in",
            ComponentKind.Exemption => "no additional duty",
            _ when c.AdValorem is { } a && c.Share is > 0m and < 1m => $"+{PercentText.Of(a / c.Share)} on {PercentText.Of(c.Share)} of value",
            _ when c.AdValorem is { } a => $"+{PercentText.Of(a)}",
            _ => c.PrintedRate.ToString()!,
        };
        return new DutyLineView((c.Heading ?? product).ToString(), c.Heading?.ToString(), c.Authority.ToString(), c.Kind.ToString(), rate, d.Amount.Amount);
    }
}

/// <summary>A fee with its class code, amount and how it was computed.</summary>
internal sealed record FeeView(string ClassCode, decimal Amount, string Basis);

/// <summary>What a batch did; the JSON shape of <c>levy duty --file … --output … --json</c>.</summary>
internal sealed record BatchSummaryView(
    long Lines,
    long Computed,
    long Errors,
    long Entries,
    IReadOnlyDictionary<string, long> ErrorsByField,
    IReadOnlyDictionary<string, decimal> DutyByAuthority,
    decimal Duty,
    decimal Mpf,
    decimal Hmf,
    decimal Total,
    long? Compared,
    long? Differing,
    decimal? NetDifference,
    double Seconds,
    long StaleLines,
    long MpfCarriedForward) : Levy.Core.Reports.DataAnswer
{
    internal static BatchSummaryView From(BatchSummary s, bool compare) => new(
        s.Lines, s.Computed, s.Errors, s.Entries,
        s.ErrorsByField.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
        Enum.GetValues<Authority>().Where(a => s.DutyFor(a) != Money.Zero).ToDictionary(a => a.ToString(), a => s.DutyFor(a).Amount),
        s.Duty.Amount, s.Mpf.Amount, s.Hmf.Amount, s.Total.Amount,
        compare ? s.Compared : null, compare ? s.Differing : null, compare ? s.NetDifference.Amount : null,
        Math.Round(s.Elapsed.TotalSeconds, 3), s.StaleLines, s.MpfCarriedForward);

    private static string Signed(decimal amount) => (amount < 0 ? "-" : string.Empty) + new Money(Math.Abs(amount));

    /// <summary>Plain lines (stderr when the rows go to stdout, so that they stay machine-readable).</summary>
    internal static void Render(TextWriter w, BatchSummaryView v)
    {
        string errors = v.Errors == 0 ? "no errors" : $"{v.Errors:N0} error{(v.Errors == 1 ? string.Empty : "s")} ({string.Join(", ", v.ErrorsByField.Select(p => $"{p.Key}: {p.Value:N0}"))})";
        w.WriteLine($"{v.Lines:N0} lines: {v.Computed:N0} computed, {errors}; {v.Entries:N0} entries.");
        foreach ((string authority, decimal amount) in v.DutyByAuthority)
        {
            w.WriteLine($"  {authority,-16} {new Money(amount),18}");
        }

        w.WriteLine($"  {"Duty",-16} {new Money(v.Duty),18}");
        w.WriteLine($"  {"MPF",-16} {new Money(v.Mpf),18}");
        w.WriteLine($"  {"HMF",-16} {new Money(v.Hmf),18}");
        w.WriteLine($"  {"Total",-16} {new Money(v.Total),18}");
        if (v.Compared is { } compared)
        {
            w.WriteLine($"Compared {compared:N0} lines with the declared amounts: {v.Differing:N0} differ; declared minus computed: {Signed(v.NetDifference ?? 0m)}.");
        }

        if (v.StaleLines > 0 && v.DataNotice is { } notice)
        {
            w.WriteLine($"{v.StaleLines:N0} line{(v.StaleLines == 1 ? " is" : "s are")} entered after {v.DataAsOf:yyyy-MM-dd} (column stale): {notice}");
        }

        if (v.MpfCarriedForward > 0)
        {
            w.WriteLine($"{v.MpfCarriedForward:N0} line{(v.MpfCarriedForward == 1 ? "" : "s")} used the latest known MPF figures: the rulebook has none for their fiscal year (docs/duty.md).");
        }
    }
}

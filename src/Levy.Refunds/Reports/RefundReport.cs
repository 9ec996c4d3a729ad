using System.Globalization;
using System.Text;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Refunds.Claims;
using Levy.Refunds.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Levy.Refunds.Reports;

/// <summary>How totals are grouped.</summary>
public enum ReportDimension
{
    /// <summary>By importer of record.</summary>
    Importer,

    /// <summary>By month of entry.</summary>
    Month,

    /// <summary>By country of origin.</summary>
    Country,

    /// <summary>By IEEPA authority (fentanyl, reciprocal).</summary>
    Authority,

    /// <summary>By where the entry stands for CAPE on the as-of date.</summary>
    Phase,
}

/// <summary>One group's totals.</summary>
/// <param name="Key">The importer, month (<c>2025-04</c>), country, authority or standing.</param>
/// <param name="Entries">Entries (an entry with lines of several countries counts in each; by authority, the entries and
/// lines that paid under it).</param>
/// <param name="Lines">Lines.</param>
/// <param name="IeepaPaid">IEEPA duty paid: what CAPE refunds.</param>
/// <param name="Phase1">Of which refundable through CAPE Phase 1 on the as-of date.</param>
/// <param name="Protest">Of which needing a protest (or a later phase) to be kept.</param>
/// <param name="Exposure">IEEPA duty the law charged that was not declared.</param>
/// <param name="NonIeepaDifference">Other duties paid minus charged by the law.</param>
/// <param name="Interest">Interest to the as-of date on the IEEPA paid (19 U.S.C. 1505(c)).</param>
public sealed record ReportRow(string Key, int Entries, int Lines, Money IeepaPaid, Money Phase1, Money Protest, Money Exposure,
    Money NonIeepaDifference, Money Interest);

/// <summary>Totals of the ledger by importer, month, country, authority or phase.</summary>
/// <param name="Dimension">The grouping.</param>
/// <param name="AsOf">The date standing and interest are judged on.</param>
/// <param name="RateClass">The overpayment rate used.</param>
/// <param name="Rows">The groups, in key order.</param>
/// <param name="Total">All groups together.</param>
public sealed record RefundTotals(ReportDimension Dimension, DateOnly AsOf, OverpaymentRateClass RateClass, IReadOnlyList<ReportRow> Rows, ReportRow Total);

/// <summary>Builds <see cref="RefundTotals"/> by streaming the ledger's lines once (memory grows with the number of groups,
/// not of lines).</summary>
public static class RefundReport
{
    /// <summary>Computes the totals.</summary>
    public static RefundTotals Build(RefundLedger ledger, ReportDimension dimension, DateOnly asOf, OverpaymentRateClass rateClass)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var groups = new SortedDictionary<string, Accumulator>(StringComparer.Ordinal);
        var total = new Accumulator();
        var factors = new Dictionary<DateOnly, decimal>();
        using LedgerContext db = ledger.Database.CreateContext();
        var rows = from l in db.Lines
                   join e in db.Entries on l.EntryNumber equals e.EntryNumber
                   orderby l.EntryNumber
                   select new
                   {
                       l.EntryNumber, l.Origin, l.FentanylPaidCents, l.ReciprocalPaidCents, l.ExposureCents, l.OrdinaryPaidCents, l.OtherPaidCents,
                       l.LawNonIeepaCents, e.Importer, e.EntryDate, e.SummaryDate, e.DepositDate, e.LiquidationDate, e.EntryType,
                   };
        foreach (var r in rows.AsNoTracking())
        {
            long ieepa = r.FentanylPaidCents + r.ReciprocalPaidCents;
            RefundStanding standing = EntryDeadlines.For(r.SummaryDate, r.LiquidationDate, r.EntryType, ieepa > 0, asOf, ledger.Rules).Standing;
            DateOnly deposit = r.DepositDate ?? r.SummaryDate;
            if (!factors.TryGetValue(deposit, out decimal factor))
            {
                factor = RefundInterest.Compute(new Money(1m), deposit, asOf, ledger.Rules, rateClass).Factor - 1m;
                factors[deposit] = factor;
            }

            long difference = r.LawNonIeepaCents is { } law ? r.OrdinaryPaidCents + r.OtherPaidCents - law : 0;
            if (dimension == ReportDimension.Authority)
            {
                // A line's undeclared IEEPA and its other differences are not split by authority: they count in the total only.
                if (r.FentanylPaidCents > 0)
                {
                    Add("ieepa-fentanyl", r.EntryNumber, r.FentanylPaidCents, 0, 0, standing, factor);
                }

                if (r.ReciprocalPaidCents > 0)
                {
                    Add("ieepa-reciprocal", r.EntryNumber, r.ReciprocalPaidCents, 0, 0, standing, factor);
                }

                total.Add(r.EntryNumber, ieepa, r.ExposureCents, difference, standing, factor);
                continue;
            }

            string key = dimension switch
            {
                ReportDimension.Importer => r.Importer,
                ReportDimension.Month => r.EntryDate.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                ReportDimension.Country => r.Origin,
                _ => Standing(standing),
            };
            Add(key, r.EntryNumber, ieepa, r.ExposureCents, difference, standing, factor);
            total.Add(r.EntryNumber, ieepa, r.ExposureCents, difference, standing, factor);
        }

        return new RefundTotals(dimension, asOf, rateClass, [.. groups.Select(g => g.Value.ToRow(g.Key))], total.ToRow("total"));

        void Add(string key, string entry, long ieepa, long exposure, long difference, RefundStanding standing, decimal factor)
        {
            if (!groups.TryGetValue(key, out Accumulator? a))
            {
                groups[key] = a = new Accumulator();
            }

            a.Add(entry, ieepa, exposure, difference, standing, factor);
        }
    }

    /// <summary>The name of a standing (<c>phase-1</c>, <c>later-phase</c>, <c>protest</c>, <c>final</c>, <c>nothing-to-claim</c>).</summary>
    public static string Standing(RefundStanding standing) => standing switch
    {
        RefundStanding.Phase1 => "phase-1",
        RefundStanding.LaterPhase => "later-phase",
        RefundStanding.Protest => "protest",
        RefundStanding.Final => "final",
        _ => "nothing-to-claim",
    };

    /// <summary>Writes totals as CSV (amounts in dollars with cents).</summary>
    public static void WriteCsv(RefundTotals totals, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write($"{totals.Dimension.ToString().ToLowerInvariant()},entries,lines,ieepa_paid,phase1,protest,exposure,non_ieepa_difference,interest\n");
        foreach (ReportRow r in totals.Rows.Append(totals.Total))
        {
            string key = r.Key.Contains(',') ? $"\"{r.Key.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : r.Key;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{key},{r.Entries},{r.Lines},{r.IeepaPaid.Amount:0.00},{r.Phase1.Amount:0.00},{r.Protest.Amount:0.00},{r.Exposure.Amount:0.00},{r.NonIeepaDifference.Amount:0.00},{r.Interest.Amount:0.00}\n"));
        }
    }

    /// <summary>An SVG bar chart of IEEPA paid by month of entry, split into what CAPE Phase 1 refunds and what needs a
    /// protest or a later phase (needs totals by <see cref="ReportDimension.Month"/>).</summary>
    /// <exception cref="ArgumentException">The totals are not by month.</exception>
    public static string Chart(RefundTotals byMonth)
    {
        ArgumentNullException.ThrowIfNull(byMonth);
        if (byMonth.Dimension != ReportDimension.Month)
        {
            throw new ArgumentException("The chart needs totals by month.", nameof(byMonth));
        }

        const int width = 900, height = 420, left = 90, right = 20, top = 40, bottom = 70;
        IReadOnlyList<ReportRow> rows = byMonth.Rows;
        decimal max = Math.Max(1m, rows.Count == 0 ? 1m : rows.Max(r => r.IeepaPaid.Amount));
        decimal scale = NiceCeiling(max);
        double barSpace = rows.Count == 0 ? 1 : (double)(width - left - right) / rows.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"IEEPA duty paid and refundable by month of entry\">\n");
        svg.Append("<style>text{font:12px sans-serif;fill:#222}.p1{fill:#2b7a4b}.pr{fill:#c77d1a}.other{fill:#9aa5b1}.axis{stroke:#555}</style>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"22\" font-weight=\"bold\">IEEPA duty paid by month of entry (as of {byMonth.AsOf:yyyy-MM-dd})</text>\n");
        for (int i = 0; i <= 4; i++)
        {
            double y = top + (height - top - bottom) * (1 - i / 4.0);
            decimal v = scale * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{left - 4}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke-opacity=\"0.2\"/><text x=\"{left - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Short(v)}</text>\n");
        }

        for (int i = 0; i < rows.Count; i++)
        {
            ReportRow r = rows[i];
            double x = left + i * barSpace + barSpace * 0.15, w = barSpace * 0.7, y = height - bottom;
            foreach ((decimal amount, string css, string what) in new[] { (r.Phase1.Amount, "p1", "CAPE Phase 1"), (r.Protest.Amount, "pr", "protest or later phase"),
                (r.IeepaPaid.Amount - r.Phase1.Amount - r.Protest.Amount, "other", "final or other") })
            {
                if (amount <= 0)
                {
                    continue;
                }

                double h = (double)(amount / scale) * (height - top - bottom);
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\"><title>{r.Key}: {what} {new Money(amount)}</title></rect>\n");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" transform=\"rotate(45 {x + w / 2:0.#} {height - bottom + 16})\">{r.Key}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"p1\" x=\"{left}\" y=\"{height - 18}\" width=\"12\" height=\"12\"/><text x=\"{left + 16}\" y=\"{height - 8}\">refundable through CAPE Phase 1</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"pr\" x=\"{left + 240}\" y=\"{height - 18}\" width=\"12\" height=\"12\"/><text x=\"{left + 256}\" y=\"{height - 8}\">protest or later phase</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"other\" x=\"{left + 440}\" y=\"{height - 18}\" width=\"12\" height=\"12\"/><text x=\"{left + 456}\" y=\"{height - 8}\">final</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static decimal NiceCeiling(decimal max)
    {
        decimal step = 1m;
        while (step * 10 < max)
        {
            step *= 10;
        }

        foreach (decimal m in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * m >= max)
            {
                return step * m;
            }
        }

        return step * 10;
    }

    private static string Short(decimal v) => v switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"${v / 1_000_000_000m:0.#}bn"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"${v / 1_000_000m:0.#}m"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"${v / 1_000m:0.#}k"),
        _ => string.Create(CultureInfo.InvariantCulture, $"${v:0}"),
    };

    private sealed class Accumulator
    {
        private string? _lastEntry;
        private int _entries, _lines;
        private long _ieepa, _phase1, _protest, _exposure, _difference;
        private decimal _interest;

        internal void Add(string entry, long ieepa, long exposure, long difference, RefundStanding standing, decimal factor)
        {
            if (entry != _lastEntry)
            {
                _entries++;
                _lastEntry = entry;
            }

            _lines++;
            _ieepa += ieepa;
            _exposure += exposure;
            _difference += difference;
            if (standing == RefundStanding.Phase1)
            {
                _phase1 += ieepa;
            }
            else if (standing is RefundStanding.Protest or RefundStanding.LaterPhase)
            {
                _protest += ieepa;
            }

            _interest += ieepa / 100m * factor;
        }

        internal ReportRow ToRow(string key) => new(key, _entries, _lines, RefundLedger.Cents(_ieepa), RefundLedger.Cents(_phase1), RefundLedger.Cents(_protest),
            RefundLedger.Cents(_exposure), RefundLedger.Cents(_difference), new Money(_interest).RoundToCents());
    }
}

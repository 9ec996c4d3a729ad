using System.Globalization;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Refunds.Import;
using Levy.Refunds.Ledger;

namespace Levy.Refunds.Claims;

/// <summary>A difference between what a declared entry should bring and what CBP reported.</summary>
/// <param name="Kind"><c>not-refunded</c>, <c>principal-differs</c>, <c>interest-differs</c>, <c>not-declared</c> or <c>unknown-entry</c>.</param>
/// <param name="Entry">The entry.</param>
/// <param name="ExpectedPrincipal">The IEEPA duty paid (0 when the entry is not in the ledger).</param>
/// <param name="ReceivedPrincipal">The principal reported.</param>
/// <param name="ExpectedInterest">The interest Levy computes (19 U.S.C. 1505(c)).</param>
/// <param name="ReceivedInterest">The interest reported.</param>
/// <param name="Detail">A sentence.</param>
public sealed record RefundDifference(string Kind, string Entry, Money ExpectedPrincipal, Money ReceivedPrincipal, Money ExpectedInterest,
    Money ReceivedInterest, string Detail);

/// <summary>Declared against received, to the cent.</summary>
/// <param name="DeclaredEntries">Entries in recorded declarations.</param>
/// <param name="RefundedEntries">Declared entries with a refund reported.</param>
/// <param name="ExpectedPrincipal">IEEPA duty paid on declared entries.</param>
/// <param name="ReceivedPrincipal">Principal reported for declared entries.</param>
/// <param name="ExpectedInterest">Interest Levy computes for declared entries (to the refund's date, or the as-of date).</param>
/// <param name="ReceivedInterest">Interest reported for declared entries.</param>
/// <param name="OtherReceived">Principal and interest reported for entries not declared through Levy.</param>
/// <param name="Differences">Every difference.</param>
/// <param name="UsesUnverifiedRates">True when an expected interest used a rate marked unverified in refunds.yaml.</param>
public sealed record RefundReconciliation(int DeclaredEntries, int RefundedEntries, Money ExpectedPrincipal, Money ReceivedPrincipal,
    Money ExpectedInterest, Money ReceivedInterest, Money OtherReceived, IReadOnlyList<RefundDifference> Differences, bool UsesUnverifiedRates);

/// <summary>What reading a refund report did.</summary>
/// <param name="Rows">Data rows.</param>
/// <param name="Added">Refund rows new to the ledger.</param>
/// <param name="Updated">Refund rows changed.</param>
/// <param name="Errors">Rows that could not be read.</param>
public sealed record RefundReportImport(int Rows, int Added, int Updated, IReadOnlyList<RowError> Errors);

/// <summary>Reads CBP's refund report (REV-615 CAPE Details Refunds, ES-022, or a broker's equivalent) into the ledger and
/// reconciles expected against received.</summary>
public static class RefundStatus
{
    private static readonly (string Field, string[] Names)[] Columns =
    [
        ("entry_number", ["Entry Summary Number", "Entry Number", "Entry No"]),
        ("declaration_number", ["CAPE Declaration Number", "Declaration Number", "CAPE Declaration", "Declaration"]),
        ("principal", ["Refund Principal Amount", "Principal Amount", "Refund Principal", "Principal", "Refund Amount"]),
        ("interest", ["Refund Interest Amount", "Interest Amount", "Refund Interest", "Interest"]),
        ("status", ["Refund Secondary Status", "Refund Status", "Secondary Status", "Status"]),
        ("status_date", ["Treasury Status Date", "Refund Date", "Status Date", "Liquidation Date", "Date"]),
    ];

    /// <summary>The header of a refund report as Levy writes it (and ACE names it).</summary>
    public static readonly string[] Header = [.. Columns.Select(c => c.Names[0])];

    /// <summary>Reads a refund report into the ledger (one transaction; re-reading it changes nothing).</summary>
    /// <exception cref="RefundInputException">The header lacks the entry number or the principal.</exception>
    public static RefundReportImport Read(LedgerDatabase ledger, Stream content, string fileName, TableFormat format)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var errors = new List<RowError>();
        int rows = 0, added = 0, updated = 0;
        int[]? map = null;
        using LedgerContext db = ledger.CreateContext();
        using var transaction = db.Database.BeginTransaction();
        var batch = new List<RefundRecord>();
        foreach (SourceRow row in TabularSource.Read(content, format, fileName))
        {
            if (map is null)
            {
                map = [.. Columns.Select(c => Array.FindIndex(row.Cells, h => h is not null && c.Names.Any(n => Es003Fields.Normalize(n) == Es003Fields.Normalize(h))))];
                if (map[0] < 0 || map[2] < 0)
                {
                    throw new RefundInputException(fileName, row.Line, "header",
                        $"a refund report needs \"{Columns[0].Names[0]}\" and \"{Columns[2].Names[0]}\" columns; the header has {string.Join(", ", row.Cells.Select(c => $"\"{c}\""))}");
                }

                continue;
            }

            if (row.Cells.All(c => c is null))
            {
                continue;
            }

            rows++;
            string? Cell(int field) => map[field] is int i and >= 0 && i < row.Cells.Length ? row.Cells[i] : null;
            if (!EntryNumber.TryParse(Cell(0), out EntryNumber entry, out string? error))
            {
                errors.Add(new RowError(row.Line, "entry_number", Cell(0), error));
                continue;
            }

            if (!TryAmount(Cell(2), out decimal principal))
            {
                errors.Add(new RowError(row.Line, "principal", Cell(2), "is not an amount in USD"));
                continue;
            }

            decimal interest = 0;
            if (Cell(3) is { } it && !TryAmount(it, out interest))
            {
                errors.Add(new RowError(row.Line, "interest", it, "is not an amount in USD"));
                continue;
            }

            DateOnly? date = null;
            if (Cell(5) is { } dt)
            {
                if (!DateTime.TryParseExact(dt, ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime parsed))
                {
                    errors.Add(new RowError(row.Line, "status_date", dt, "is not a date (yyyy-mm-dd or mm/dd/yyyy)"));
                    continue;
                }

                date = DateOnly.FromDateTime(parsed);
            }

            batch.Add(new RefundRecord
            {
                EntryNumber = entry.Compact,
                DeclarationNumber = Cell(1) ?? string.Empty,
                PrincipalCents = LineAssembler.Cents(principal),
                InterestCents = LineAssembler.Cents(interest),
                Status = Cell(4),
                StatusDate = date,
                ReportFile = fileName,
            });
            if (batch.Count >= 2_000)
            {
                (int a, int u) = Save(db, batch);
                added += a;
                updated += u;
            }
        }

        if (map is null)
        {
            throw new RefundInputException(fileName, 1, "header", "the refund report is empty");
        }

        (int a2, int u2) = Save(db, batch);
        transaction.Commit();
        return new RefundReportImport(rows, added + a2, updated + u2, errors);
    }

    private static (int Added, int Updated) Save(LedgerContext db, List<RefundRecord> batch)
    {
        string[] numbers = [.. batch.Select(b => b.EntryNumber).Distinct()];
        var existing = db.Refunds.Where(r => numbers.Contains(r.EntryNumber)).ToDictionary(r => (r.EntryNumber, r.DeclarationNumber));
        int added = 0, updated = 0;
        foreach (RefundRecord r in batch.DistinctBy(b => (b.EntryNumber, b.DeclarationNumber)))
        {
            if (existing.TryGetValue((r.EntryNumber, r.DeclarationNumber), out RefundRecord? old))
            {
                if (old.PrincipalCents != r.PrincipalCents || old.InterestCents != r.InterestCents || old.Status != r.Status || old.StatusDate != r.StatusDate)
                {
                    r.Id = old.Id;
                    db.Refunds.Update(r);
                    updated++;
                }
            }
            else
            {
                db.Refunds.Add(r);
                added++;
            }
        }

        db.SaveChanges();
        db.ChangeTracker.Clear();
        batch.Clear();
        return (added, updated);
    }

    /// <summary>Reconciles every declared entry with the refunds reported.</summary>
    /// <param name="ledger">The refund work.</param>
    /// <param name="asOf">The date interest runs to for entries without a reported date.</param>
    /// <param name="rateClass">The overpayment rate of the importer.</param>
    public static RefundReconciliation Reconcile(RefundLedger ledger, DateOnly asOf, OverpaymentRateClass rateClass)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Dictionary<string, (long P, long I, DateOnly? Date, string? Status)> received;
        using (LedgerContext db = ledger.Database.CreateContext())
        {
            received = db.Refunds.AsEnumerable().GroupBy(r => r.EntryNumber).ToDictionary(g => g.Key,
                g => (g.Sum(r => r.PrincipalCents), g.Sum(r => r.InterestCents), g.Max(r => r.StatusDate), g.Last().Status));
        }

        var differences = new List<RefundDifference>();
        Money expectedP = Money.Zero, receivedP = Money.Zero, expectedI = Money.Zero, receivedI = Money.Zero, other = Money.Zero;
        int declared = 0, refunded = 0;
        bool unverified = false;
        var seen = new HashSet<string>();
        foreach (EntryClaim claim in ledger.Claims(asOf))
        {
            string number = claim.Entry.Compact;
            seen.Add(number);
            bool got = received.TryGetValue(number, out var r);
            if (claim.DeclarationId is null)
            {
                if (got)
                {
                    other += RefundLedger.Cents(r.P + r.I);
                    differences.Add(new RefundDifference("not-declared", claim.Entry.ToString(), claim.Ieepa, RefundLedger.Cents(r.P), Money.Zero, RefundLedger.Cents(r.I),
                        "CBP reported a refund for an entry no recorded declaration holds (declared outside Levy?)"));
                }

                continue;
            }

            declared++;
            DateOnly until = got && r.Date is { } d ? d : asOf;
            InterestResult interest = RefundInterest.Compute(claim.Ieepa, claim.DepositDate, until, ledger.Rules, rateClass);
            unverified |= interest.UsesUnverifiedRates;
            expectedP += claim.Ieepa;
            expectedI += interest.Amount;
            if (!got)
            {
                differences.Add(new RefundDifference("not-refunded", claim.Entry.ToString(), claim.Ieepa, Money.Zero, interest.Amount, Money.Zero,
                    $"declared in declaration {claim.DeclarationId}; no refund reported yet"));
                continue;
            }

            refunded++;
            Money p = RefundLedger.Cents(r.P), i = RefundLedger.Cents(r.I);
            receivedP += p;
            receivedI += i;
            if (p != claim.Ieepa)
            {
                differences.Add(new RefundDifference("principal-differs", claim.Entry.ToString(), claim.Ieepa, p, interest.Amount, i,
                    $"CBP refunded {p} of the {claim.Ieepa} IEEPA duty paid ({(p - claim.Ieepa)})"));
            }
            else if (i != interest.Amount)
            {
                differences.Add(new RefundDifference("interest-differs", claim.Entry.ToString(), claim.Ieepa, p, interest.Amount, i,
                    $"interest {i} reported, {interest.Amount} computed from {claim.DepositDate:yyyy-MM-dd} to {until:yyyy-MM-dd} ({i - interest.Amount})"));
            }
        }

        foreach ((string number, var r) in received)
        {
            if (!seen.Contains(number))
            {
                other += RefundLedger.Cents(r.P + r.I);
                differences.Add(new RefundDifference("unknown-entry", EntryNumber.Parse(number).ToString(), Money.Zero, RefundLedger.Cents(r.P), Money.Zero,
                    RefundLedger.Cents(r.I), "CBP reported a refund for an entry that is not in the ledger"));
            }
        }

        return new RefundReconciliation(declared, refunded, expectedP, receivedP, expectedI, receivedI, other, differences, unverified);
    }

    private static bool TryAmount(string? text, out decimal value)
    {
        value = 0;
        return text is not null && Core.Inputs.ExcelNumber.TryParse(text, out value, out bool percent) && !percent;
    }
}

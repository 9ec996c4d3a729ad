using System.Globalization;
using System.Text;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Refunds.Ledger;

namespace Levy.Refunds.Import;

/// <summary>An entry summary line built from its rows: the entry's fields and the line's, ready for the ledger.</summary>
/// <param name="Entry">The entry (from the line's first row).</param>
/// <param name="Line">The line.</param>
public sealed record AssembledLine(EntryRecord Entry, LineRecord Line);

/// <summary>Builds entry summary lines from the rows of an export, in order: the rows of one line (its Chapter 99 numbers
/// and its chapter 1–97 number) are consecutive, and the lines of one entry too. Streams: only the current line and the
/// last <see cref="RememberedEntries"/> entry numbers (as 64-bit hashes) are held.</summary>
/// <remarks>Every row ends up in a line or in an error; the counts reconcile: rows = Σ line row counts + error rows.</remarks>
public sealed class LineAssembler
{
    /// <summary>How many ended entries are remembered to catch an entry whose rows are not together.</summary>
    public const int RememberedEntries = 65_536;

    private readonly IeepaHeadings _ieepa;

    /// <summary>Creates an assembler.</summary>
    /// <param name="ieepa">Which headings are IEEPA.</param>
    public LineAssembler(IeepaHeadings ieepa) => _ieepa = ieepa ?? throw new ArgumentNullException(nameof(ieepa));

    /// <summary>Assembles lines.</summary>
    /// <param name="rows">The rows, read.</param>
    /// <returns>Lines and errors, in file order.</returns>
    public IEnumerable<(AssembledLine? Line, RowError? Error)> Assemble(IEnumerable<(Es003Row? Row, RowError? Error)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var group = new List<Es003Row>();
        var ended = new HashSet<ulong>();
        var endedOrder = new Queue<ulong>();
        var linesOfEntry = new HashSet<int>();
        Es003Row? entryFirst = null;
        foreach ((Es003Row? row, RowError? error) in rows)
        {
            if (error is not null)
            {
                yield return (null, error);
                continue;
            }

            Es003Row r = row!;
            if (group.Count > 0 && (group[0].Entry != r.Entry || group[0].LineNumber != r.LineNumber))
            {
                foreach ((AssembledLine?, RowError?) result in Build(group))
                {
                    yield return result;
                }

                linesOfEntry.Add(group[0].LineNumber);
                group.Clear();
            }

            if (entryFirst is null || entryFirst.Entry != r.Entry)
            {
                if (entryFirst is not null)
                {
                    ulong h = Hash(entryFirst.Entry.Compact);
                    if (ended.Add(h))
                    {
                        endedOrder.Enqueue(h);
                        if (endedOrder.Count > RememberedEntries)
                        {
                            ended.Remove(endedOrder.Dequeue());
                        }
                    }
                }

                if (ended.Contains(Hash(r.Entry.Compact)))
                {
                    yield return (null, new RowError(r.Line, Es003Fields.EntryNumber, r.Entry.ToString(),
                        $"entry {r.Entry} appeared earlier in the file: the rows of an entry must be together"));
                    entryFirst = null;
                    linesOfEntry.Clear();
                    continue;
                }

                entryFirst = r;
                linesOfEntry.Clear();
            }
            else if (EntryDifference(entryFirst, r) is { } difference)
            {
                yield return (null, new RowError(r.Line, difference.Field, difference.Value,
                    $"differs from line {entryFirst.Line} of the same entry ({difference.Expected})"));
                continue;
            }

            if (group.Count == 0 && linesOfEntry.Contains(r.LineNumber))
            {
                yield return (null, new RowError(r.Line, Es003Fields.LineNumber, r.LineNumber.ToString(CultureInfo.InvariantCulture),
                    $"line {r.LineNumber} of entry {r.Entry} appeared earlier: the rows of a line must be together"));
                continue;
            }

            group.Add(r);
        }

        foreach ((AssembledLine?, RowError?) result in Build(group))
        {
            yield return result;
        }
    }

    private static (string Field, string? Value, string Expected)? EntryDifference(Es003Row first, Es003Row r) =>
        r.EntryDate != first.EntryDate ? (Es003Fields.EntryDate, r.EntryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first.EntryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : r.SummaryDate != first.SummaryDate ? (Es003Fields.SummaryDate, r.SummaryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first.SummaryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : r.Importer != first.Importer ? (Es003Fields.Importer, r.Importer, first.Importer)
        : r.LiquidationDate != first.LiquidationDate ? (Es003Fields.LiquidationDate, r.LiquidationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first.LiquidationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none")
        : null;

    private IEnumerable<(AssembledLine?, RowError?)> Build(List<Es003Row> rows)
    {
        if (rows.Count == 0)
        {
            yield break;
        }

        Es003Row? baseRow = null;
        long fentanyl = 0, reciprocal = 0, other = 0;
        bool ieepaDeclared = false;
        var declared = new StringBuilder();
        int used = 0;
        foreach (Es003Row r in rows)
        {
            if (!r.Hts.IsChapter99)
            {
                if (baseRow is not null)
                {
                    yield return (null, new RowError(r.Line, Es003Fields.Hts, r.Hts.ToString(),
                        $"line {r.LineNumber} of entry {r.Entry} already has the chapter 1-97 number {baseRow.Hts} (line {baseRow.Line}); one line has one"));
                    continue;
                }

                baseRow = r;
                used++;
                continue;
            }

            long cents = Cents(r.Duty);
            switch (_ieepa.AuthorityOf(r.Hts))
            {
                case Authority.IeepaFentanyl:
                    fentanyl += cents;
                    ieepaDeclared = true;
                    break;
                case Authority.IeepaReciprocal:
                    reciprocal += cents;
                    ieepaDeclared = true;
                    break;
                default:
                    other += cents;
                    break;
            }

            if (declared.Length > 0)
            {
                declared.Append(';');
            }

            declared.Append(r.Hts.ToString()).Append('=').Append(r.Duty.ToString("0.00", CultureInfo.InvariantCulture));
            used++;
        }

        if (baseRow is null)
        {
            Es003Row first = rows[0];
            foreach (Es003Row r in rows)
            {
                yield return (null, new RowError(r.Line, Es003Fields.Hts, r.Hts.ToString(),
                    $"line {first.LineNumber} of entry {first.Entry} has Chapter 99 numbers but no chapter 1-97 number"));
            }

            yield break;
        }

        Es003Row b = baseRow;
        var entry = new EntryRecord
        {
            EntryNumber = b.Entry.Compact,
            Importer = b.Importer,
            EntryType = b.EntryType,
            EntryDate = b.EntryDate,
            SummaryDate = b.SummaryDate,
            DepositDate = b.DepositDate,
            LiquidationDate = b.LiquidationDate,
            LiquidationStatus = b.LiquidationStatus,
            Port = b.Port,
        };
        entry.ContentHash = HashOf(entry.Importer, entry.EntryType, entry.EntryDate, entry.SummaryDate, entry.DepositDate, entry.LiquidationDate, entry.LiquidationStatus, entry.Port);
        var line = new LineRecord
        {
            EntryNumber = b.Entry.Compact,
            LineNumber = b.LineNumber,
            Hts = b.Hts.ToString(),
            Origin = b.Origin.Value,
            Program = b.Program,
            ValueCents = Cents(b.Value),
            Quantity = b.Quantity,
            SteelShare = b.SteelShare,
            AluminumShare = b.AluminumShare,
            CopperShare = b.CopperShare,
            OrdinaryPaidCents = Cents(b.Duty),
            FentanylPaidCents = fentanyl,
            ReciprocalPaidCents = reciprocal,
            OtherPaidCents = other,
            Declared = declared.Length > 400 ? declared.ToString(0, 400) : declared.ToString(),
            IeepaDeclared = ieepaDeclared,
            RowCount = used,
            FirstRow = rows[0].Line,
        };
        line.ContentHash = HashOf(line.Hts, line.Origin, line.Program, line.ValueCents, line.Quantity, line.SteelShare, line.AluminumShare, line.CopperShare,
            line.OrdinaryPaidCents, line.Declared);
        yield return (new AssembledLine(entry, line), null);
    }

    /// <summary>Dollars to whole cents, half a cent away from zero.</summary>
    public static long Cents(decimal dollars) => (long)Math.Round(dollars * 100m, 0, MidpointRounding.AwayFromZero);

    private static long HashOf(params object?[] parts)
    {
        ulong h = 14695981039346656037UL;
        foreach (object? p in parts)
        {
            string s = p switch
            {
                null => "\u0001",
                DateOnly d => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => p.ToString() ?? string.Empty,
            };
            foreach (char c in s)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            h = (h ^ '|') * 1099511628211UL;
        }

        return unchecked((long)h);
    }

    private static ulong Hash(string id)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in id)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}

using System.Globalization;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Refunds.Checking;
using Levy.Refunds.Import;
using Levy.Refunds.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Levy.Refunds.Claims;

/// <summary>What a check run did.</summary>
/// <param name="Checked">Lines checked.</param>
/// <param name="Skipped">Lines already checked with the same rulebook.</param>
/// <param name="ByFlag">Lines per flag name.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record CheckRun(int Checked, int Skipped, IReadOnlyDictionary<string, int> ByFlag, TimeSpan Elapsed);

/// <summary>A CAPE Declaration written.</summary>
/// <param name="Id">Its id in the ledger.</param>
/// <param name="Path">The CSV file.</param>
/// <param name="Entries">The number of entries.</param>
/// <param name="Ieepa">The IEEPA duty paid on them.</param>
public sealed record DeclarationFile(int Id, string Path, int Entries, Money Ieepa);

/// <summary>The refund work on a ledger: check lines, list claims and deadlines, write declarations.</summary>
/// <remarks>Each method is one unit of work with its own context; methods that write do so in one transaction.
/// Not thread-safe.</remarks>
public sealed class RefundLedger
{
    private const int EntryPage = 2_000;

    /// <summary>Creates the work over a ledger.</summary>
    public RefundLedger(LedgerDatabase database, RefundRules rules, TimeProvider? clock = null)
    {
        Database = database ?? throw new ArgumentNullException(nameof(database));
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        Clock = clock ?? TimeProvider.System;
    }

    /// <summary>The ledger.</summary>
    public LedgerDatabase Database { get; }

    /// <summary>The rules.</summary>
    public RefundRules Rules { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Today, by the clock (UTC).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Checks the lines not yet checked with the checker's rulebook (or every line).</summary>
    /// <param name="checker">The checker.</param>
    /// <param name="all">True to check every line again.</param>
    /// <param name="cancellationToken">Stops the run; nothing is written.</param>
    public CheckRun Check(LineChecker checker, bool all = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checker);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using LedgerContext db = Database.CreateContext();
        using var transaction = db.Database.BeginTransaction();
        int done = 0;
        string fingerprint = checker.Fingerprint;
        int skipped = all ? 0 : db.Lines.Count(l => l.CheckedWith == fingerprint);
        string last = string.Empty;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<EntryRecord> entries = [.. db.Entries.Where(e => string.Compare(e.EntryNumber, last) > 0).OrderBy(e => e.EntryNumber).Take(EntryPage)];
            if (entries.Count == 0)
            {
                break;
            }

            last = entries[^1].EntryNumber;
            string[] numbers = [.. entries.Select(e => e.EntryNumber)];
            IQueryable<LineRecord> query = db.Lines.Where(l => numbers.Contains(l.EntryNumber));
            if (!all)
            {
                query = query.Where(l => l.CheckedWith == null || l.CheckedWith != fingerprint);
            }

            List<LineRecord> lines = [.. query];
            Dictionary<string, EntryRecord> byNumber = entries.ToDictionary(e => e.EntryNumber);
            foreach (LineRecord line in lines)
            {
                checker.Check(byNumber[line.EntryNumber], line);
            }

            db.Lines.UpdateRange(lines);
            db.SaveChanges();
            db.ChangeTracker.Clear();
            done += lines.Count;
        }

        transaction.Commit();
        return new CheckRun(done, skipped, FlagCounts(db), clock.Elapsed);
    }

    /// <summary>The number of lines carrying each flag.</summary>
    public IReadOnlyDictionary<string, int> FlagCounts()
    {
        using LedgerContext db = Database.CreateContext();
        return FlagCounts(db);
    }

    private static Dictionary<string, int> FlagCounts(LedgerContext db)
    {
        var counts = new Dictionary<string, int>();
        foreach (var g in db.Lines.Where(l => l.Flags != 0).GroupBy(l => l.Flags).Select(g => new { g.Key, Count = g.Count() }))
        {
            foreach (RefundFlags f in RefundFlagReasons.All)
            {
                if (((RefundFlags)g.Key).HasFlag(f))
                {
                    counts[RefundFlagReasons.Name(f)] = counts.GetValueOrDefault(RefundFlagReasons.Name(f)) + g.Count;
                }
            }
        }

        return counts;
    }

    /// <summary>Every entry of the ledger as a claim, judged on a date (in entry number order, streamed).</summary>
    /// <param name="asOf">The date to judge on.</param>
    public IEnumerable<EntryClaim> Claims(DateOnly asOf)
    {
        using LedgerContext db = Database.CreateContext();
        var sums = db.Lines.GroupBy(l => l.EntryNumber).Select(g => new
        {
            EntryNumber = g.Key,
            Lines = g.Count(),
            Fentanyl = g.Sum(l => l.FentanylPaidCents),
            Reciprocal = g.Sum(l => l.ReciprocalPaidCents),
            Exposure = g.Sum(l => l.ExposureCents),
            F1 = g.Max(l => l.Flags & 1),
            F2 = g.Max(l => l.Flags & 2),
            F4 = g.Max(l => l.Flags & 4),
            F8 = g.Max(l => l.Flags & 8),
            F16 = g.Max(l => l.Flags & 16),
            F32 = g.Max(l => l.Flags & 32),
        });
        var query = from e in db.Entries
                    join s in sums on e.EntryNumber equals s.EntryNumber
                    join d in db.DeclaredEntries on e.EntryNumber equals d.EntryNumber into declared
                    from d in declared.DefaultIfEmpty()
                    orderby e.EntryNumber
                    select new { Entry = e, Sums = s, DeclarationId = (int?)d.DeclarationId };
        foreach (var row in query.AsNoTracking())
        {
            EntryRecord e = row.Entry;
            long ieepa = row.Sums.Fentanyl + row.Sums.Reciprocal;
            yield return new EntryClaim(EntryNumber.Parse(e.EntryNumber), e.Importer, e.EntryType, e.EntryDate, e.SummaryDate, e.DepositDate ?? e.SummaryDate,
                row.Sums.Lines, Cents(row.Sums.Fentanyl), Cents(row.Sums.Reciprocal), Cents(row.Sums.Exposure), (RefundFlags)(row.Sums.F1 | row.Sums.F2 | row.Sums.F4 | row.Sums.F8 | row.Sums.F16 | row.Sums.F32),
                EntryDeadlines.For(e.SummaryDate, e.LiquidationDate, e.EntryType, ieepa > 0, asOf, Rules), row.DeclarationId);
        }
    }

    /// <summary>The flagged lines, most money first.</summary>
    /// <param name="flag">One flag to list, or null for any.</param>
    /// <param name="limit">At most this many.</param>
    public IReadOnlyList<FlaggedLine> FlaggedLines(RefundFlags? flag, int limit)
    {
        using LedgerContext db = Database.CreateContext();
        IQueryable<LineRecord> lines = db.Lines.Where(l => l.Flags != 0);
        List<LineRecord> candidates = [.. lines.OrderByDescending(l => l.FentanylPaidCents + l.ReciprocalPaidCents + l.ExposureCents).ThenBy(l => l.EntryNumber).ThenBy(l => l.LineNumber)
            .Take(flag is null ? limit : Math.Max(limit * 20, 1000))];
        return [.. candidates.Where(l => flag is not { } f || ((RefundFlags)l.Flags).HasFlag(f)).Take(limit).Select(l => new FlaggedLine(
            EntryNumber.Parse(l.EntryNumber), l.LineNumber, l.Hts, l.Origin, (RefundFlags)l.Flags, Cents(l.FentanylPaidCents + l.ReciprocalPaidCents),
            l.LawIeepaCents is { } c ? Cents(c) : null, Cents(l.ExposureCents),
            l.LawNonIeepaCents is { } n ? Cents(l.OrdinaryPaidCents + l.OtherPaidCents - n) : null, l.Declared, l.CheckNote))];
    }

    /// <summary>Writes the CAPE Declarations of a phase: every entry that paid IEEPA duty, stands in the phase on
    /// <paramref name="asOf"/> and is in no declaration recorded yet, at most <see cref="RefundRules.MaxEntriesPerDeclaration"/>
    /// per file; then records them. A CSV holds one column, <c>Entry Number</c>, with 11-character entry numbers.</summary>
    /// <param name="phase">The CAPE phase.</param>
    /// <param name="asOf">The date eligibility is judged on.</param>
    /// <param name="folder">Where to write.</param>
    /// <exception cref="LedgerException">CAPE takes no declarations for the phase on that date.</exception>
    public IReadOnlyList<DeclarationFile> Declare(int phase, DateOnly asOf, string folder)
    {
        CapePhaseRule rule = Rules.Phases.FirstOrDefault(p => p.Number == phase)
            ?? throw new LedgerException($"--phase {phase}: CAPE has no phase {phase}; the rulebook knows {string.Join(", ", Rules.Phases.Select(p => p.Number))}.");
        if (rule.Opened is not { } opened || opened > asOf)
        {
            throw new LedgerException($"--phase {phase}: CBP has not opened CAPE Phase {phase} to declarations by {asOf:yyyy-MM-dd} ({rule.Covers}; {rule.Source}).");
        }

        if (phase != 1)
        {
            throw new LedgerException($"--phase {phase}: Levy writes Phase 1 declarations only; the entries of later phases are listed by levy refund deadlines.");
        }

        Directory.CreateDirectory(folder);
        List<EntryClaim> eligible = [.. Claims(asOf).Where(c => c.Deadlines.Standing == RefundStanding.Phase1 && c.DeclarationId is null)];
        var files = new List<DeclarationFile>();
        using LedgerContext db = Database.CreateContext();
        using var transaction = db.Database.BeginTransaction();
        int next = (db.Declarations.Max(d => (int?)d.Id) ?? 0) + 1;
        foreach (EntryClaim[] part in eligible.Chunk(Rules.MaxEntriesPerDeclaration))
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"cape-phase{phase}-{asOf:yyyyMMdd}-{next:D3}.csv");
            string path = Path.Combine(folder, name);
            var record = new DeclarationRecord
            {
                Phase = phase,
                FileName = name,
                CreatedAt = Clock.GetUtcNow().UtcDateTime,
                AsOf = asOf,
                EntryCount = part.Length,
                IeepaCents = part.Sum(c => LineAssembler.Cents(c.Ieepa.Amount)),
            };
            db.Declarations.Add(record);
            db.SaveChanges();
            db.DeclaredEntries.AddRange(part.Select(c => new DeclaredEntryRecord { EntryNumber = c.Entry.Compact, DeclarationId = record.Id }));
            db.SaveChanges();
            db.ChangeTracker.Clear();
            WriteDeclaration(path, part.Select(c => c.Entry));
            files.Add(new DeclarationFile(record.Id, path, part.Length, new Money(record.IeepaCents / 100m)));
            next = record.Id + 1;
        }

        transaction.Commit();
        return files;
    }

    /// <summary>Writes a CAPE Declaration CSV: the header <c>Entry Number</c>, then one entry number per line.</summary>
    public static void WriteDeclaration(string path, IEnumerable<EntryNumber> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        WriteDeclaration(writer, entries);
    }

    /// <summary>Writes a CAPE Declaration CSV to a writer.</summary>
    public static void WriteDeclaration(TextWriter writer, IEnumerable<EntryNumber> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        writer.Write("Entry Number\r\n");
        foreach (EntryNumber e in entries)
        {
            writer.Write(e.Compact);
            writer.Write("\r\n");
        }
    }

    /// <summary>The declarations recorded.</summary>
    public IReadOnlyList<DeclarationRecord> Declarations()
    {
        using LedgerContext db = Database.CreateContext();
        return [.. db.Declarations.OrderBy(d => d.Id)];
    }

    internal static Money Cents(long cents) => new(cents / 100m);
}

/// <summary>A line the check flagged.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Line">The line number.</param>
/// <param name="Hts">The chapter 1–97 number.</param>
/// <param name="Origin">The origin.</param>
/// <param name="Flags">What was found.</param>
/// <param name="IeepaPaid">IEEPA paid (refundable).</param>
/// <param name="IeepaLaw">IEEPA the law charged, when checked.</param>
/// <param name="Exposure">IEEPA charged but not declared.</param>
/// <param name="NonIeepaDifference">Other duties paid minus charged, when checked.</param>
/// <param name="Declared">The Chapter 99 numbers declared with their amounts.</param>
/// <param name="Note">Why it could not be checked, if so.</param>
public sealed record FlaggedLine(EntryNumber Entry, int Line, string Hts, string Origin, RefundFlags Flags, Money IeepaPaid, Money? IeepaLaw,
    Money Exposure, Money? NonIeepaDifference, string Declared, string? Note);

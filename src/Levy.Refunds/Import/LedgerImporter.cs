using System.Diagnostics;
using System.Security.Cryptography;
using Levy.Core.Refunds;
using Levy.Refunds.Checking;
using Levy.Refunds.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Levy.Refunds.Import;

/// <summary>What an import did.</summary>
/// <param name="ImportId">The import's id in the ledger.</param>
/// <param name="File">The file name.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="LinesAdded">Lines new to the ledger.</param>
/// <param name="LinesUpdated">Lines the file changed.</param>
/// <param name="LinesUnchanged">Lines already in the ledger as the file has them.</param>
/// <param name="RowsInLines">Rows that went into lines (added, updated or unchanged).</param>
/// <param name="Errors">The error rows (at most <see cref="LedgerImporter.MaxReportedErrors"/> listed; all are stored).</param>
/// <param name="ErrorCount">The number of error rows.</param>
/// <param name="LinesChecked">Lines checked against the law during the import.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record ImportResult(int ImportId, string File, int Rows, int LinesAdded, int LinesUpdated, int LinesUnchanged, int RowsInLines,
    IReadOnlyList<RowError> Errors, int ErrorCount, int LinesChecked, TimeSpan Elapsed);

/// <summary>Imports an ES-003-style export into the ledger, in one transaction: a file read to its end is committed whole,
/// anything that stops it (an exception, a cancellation) leaves the ledger as it was.</summary>
/// <remarks>
/// <para>Re-importing the same file changes nothing (each line and entry carries a hash of what it declared); a corrected
/// file updates the lines it changes, re-checks them, and says how many. Lines are written in chunks of
/// <see cref="ChunkLines"/>, with the change tracker cleared after each, so memory does not grow with the file.</para>
/// <para>Not thread-safe: one import at a time per instance.</para>
/// </remarks>
public sealed class LedgerImporter
{
    /// <summary>Lines written per round trip.</summary>
    public const int ChunkLines = 4_000;

    /// <summary>The most error rows listed in an <see cref="ImportResult"/> (all are stored in the ledger).</summary>
    public const int MaxReportedErrors = 1_000;

    private readonly LedgerDatabase _ledger;
    private readonly IeepaHeadings _ieepa;
    private readonly LineChecker? _checker;
    private readonly TimeProvider _clock;

    /// <summary>Creates an importer.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="ieepa">The IEEPA headings.</param>
    /// <param name="checker">Checks new and changed lines as they are imported; null to leave them for <c>levy refund check</c>.</param>
    /// <param name="clock">The clock (import time).</param>
    public LedgerImporter(LedgerDatabase ledger, IeepaHeadings ieepa, LineChecker? checker, TimeProvider? clock = null)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _ieepa = ieepa ?? throw new ArgumentNullException(nameof(ieepa));
        _checker = checker;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Imports a file.</summary>
    /// <param name="content">The file's content; read twice (its hash, then its rows) when seekable.</param>
    /// <param name="fileName">The file name, for messages and the ledger.</param>
    /// <param name="format">CSV or XLSX.</param>
    /// <param name="overrides">Column → field overrides (<c>--map</c>).</param>
    /// <param name="cancellationToken">Stops the import; the ledger is left as it was.</param>
    /// <exception cref="RefundInputException">The header is wrong or the file is not CSV/XLSX (nothing is written).</exception>
    /// <exception cref="OperationCanceledException">Cancelled (nothing is written).</exception>
    public ImportResult Import(Stream content, string fileName, TableFormat format, IReadOnlyDictionary<string, string>? overrides = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var clock = Stopwatch.StartNew();
        string sha = string.Empty;
        if (content.CanSeek)
        {
            long start = content.Position;
            sha = Convert.ToHexStringLower(SHA256.HashData(content));
            content.Position = start;
        }

        var assembler = new LineAssembler(_ieepa);
        IEnumerable<(AssembledLine? Line, RowError? Error)> items =
            assembler.Assemble(Es003Reader.Read(TabularSource.Read(content, format, fileName), fileName, overrides));

        using LedgerContext db = _ledger.CreateContext();
        using var transaction = db.Database.BeginTransaction();
        var import = new ImportRecord { FileName = fileName, Sha256 = sha, ImportedAt = _clock.GetUtcNow().UtcDateTime };
        db.Imports.Add(import);
        db.SaveChanges();
        db.ChangeTracker.Clear();
        bool ledgerWasEmpty = !db.Lines.Any();

        var errors = new List<RowError>();
        int pendingErrors = 0;
        int errorCount = 0, rows = 0, added = 0, updated = 0, unchanged = 0, rowsInLines = 0, checkedLines = 0;
        var chunk = new List<AssembledLine>(ChunkLines);
        var entriesWritten = new HashSet<string>(StringComparer.Ordinal); // of the current chunk and the last entry before it
        string? lastEntry = null;

        void Flush()
        {
            if (chunk.Count == 0)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            Dictionary<(string, int), long> existingLines = [];
            Dictionary<string, long> existingEntries = [];
            if (!ledgerWasEmpty)
            {
                string[] numbers = [.. chunk.Select(c => c.Entry.EntryNumber).Distinct()];
                foreach (string[] part in numbers.Chunk(500))
                {
                    foreach (var l in db.Lines.Where(l => part.Contains(l.EntryNumber)).Select(l => new { l.EntryNumber, l.LineNumber, l.ContentHash, l.CheckedWith }))
                    {
                        existingLines[(l.EntryNumber, l.LineNumber)] = l.CheckedWith is null ? ~l.ContentHash : l.ContentHash;
                    }

                    foreach (var e in db.Entries.Where(e => part.Contains(e.EntryNumber)).Select(e => new { e.EntryNumber, e.ContentHash }))
                    {
                        existingEntries[e.EntryNumber] = e.ContentHash;
                    }
                }
            }

            entriesWritten.RemoveWhere(e => e != lastEntry);
            foreach (AssembledLine item in chunk)
            {
                EntryRecord entry = item.Entry;
                LineRecord line = item.Line;
                rowsInLines += line.RowCount;
                if (entriesWritten.Add(entry.EntryNumber))
                {
                    entry.ImportId = import.Id;
                    if (!existingEntries.TryGetValue(entry.EntryNumber, out long entryHash))
                    {
                        db.Entries.Add(entry);
                    }
                    else if (entryHash != entry.ContentHash)
                    {
                        db.Entries.Update(entry);
                    }
                }

                bool known = existingLines.TryGetValue((line.EntryNumber, line.LineNumber), out long lineHash);
                // An unchanged line that was never checked counts as unchanged but is checked now (its stored hash is
                // complemented above so that it compares unequal only for the check, not for the count).
                bool same = known && (lineHash == line.ContentHash || ~lineHash == line.ContentHash);
                bool needsCheck = !same || ~lineHash == line.ContentHash;
                if (_checker is not null && needsCheck)
                {
                    _checker.Check(entry, line);
                    checkedLines++;
                }

                if (!known)
                {
                    db.Lines.Add(line);
                    added++;
                }
                else if (!same)
                {
                    db.Lines.Update(line);
                    updated++;
                }
                else
                {
                    unchanged++;
                    if (_checker is not null && needsCheck)
                    {
                        db.Lines.Update(line);
                    }
                }

                lastEntry = entry.EntryNumber;
            }

            db.SaveChanges();
            db.ChangeTracker.Clear();
            chunk.Clear();
            pendingErrors = 0;
        }

        foreach ((AssembledLine? line, RowError? error) in items)
        {
            if (error is not null)
            {
                rows++;
                errorCount++;
                if (errors.Count < MaxReportedErrors)
                {
                    errors.Add(error);
                }

                db.ImportErrors.Add(new ImportErrorRecord
                {
                    ImportId = import.Id,
                    Row = error.Line,
                    Field = error.Field,
                    Value = error.Value is { Length: > 200 } v ? v[..200] : error.Value,
                    Message = error.Message.Length > 400 ? error.Message[..400] : error.Message,
                });
                if (++pendingErrors >= ChunkLines)
                {
                    // A file of errors is written in chunks too, so that memory stays flat whatever the file holds.
                    db.SaveChanges();
                    db.ChangeTracker.Clear();
                    pendingErrors = 0;
                }

                continue;
            }

            rows += line!.Line.RowCount;
            chunk.Add(line);
            if (chunk.Count >= ChunkLines)
            {
                Flush();
            }
        }

        Flush();
        db.SaveChanges();
        import.Rows = rows;
        import.LinesAdded = added;
        import.LinesUpdated = updated;
        import.LinesUnchanged = unchanged;
        import.ErrorRows = errorCount;
        db.Imports.Update(import);
        db.SaveChanges();
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return new ImportResult(import.Id, fileName, rows, added, updated, unchanged, rowsInLines, errors, errorCount, checkedLines, clock.Elapsed);
    }
}

using System.Collections.Immutable;
using System.Diagnostics;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Data.Batch;

/// <summary>Runs the duty of many lines: rows in, one output row per input row out, in order, with a summary at the end.</summary>
/// <remarks>
/// <para>The rows are streamed: only the lines of the current entry are held (lines with the same <c>entry_id</c> one after
/// another form an entry; a line without one is an entry by itself), so memory does not grow with the input. An entry is
/// limited to <see cref="MaxEntryLines"/> lines; further lines with its id, and lines of an entry that already ended, are
/// error rows rather than a silently split entry. The last <see cref="RememberedEntries"/> ended entry ids are remembered
/// as 64-bit hashes, so an entry that reappears within that window is caught and memory stays flat.</para>
/// <para>The rate engine is one injected function. A row it cannot answer (an unknown code, a date outside the data, an
/// unexpected failure) becomes an error row naming the field and the reason, and the batch goes on: this is the one place
/// where every exception of the engine is caught, so that no row is lost.</para>
/// <para>Not thread-safe: one run at a time.</para>
/// </remarks>
public sealed class DutyBatch
{
    /// <summary>The most lines an entry may have.</summary>
    public const int MaxEntryLines = 10_000;

    /// <summary>How many ended entries are remembered to catch an entry whose lines are not together (a window, so that
    /// memory stays flat however many entries the input has).</summary>
    public const int RememberedEntries = 65_536;

    private readonly Func<QuoteRequest, RateQuote> _engine;
    private readonly FeeSchedule _fees;
    private readonly bool _compare;
    private readonly DateOnly? _dataAsOf;

    /// <summary>Creates a runner.</summary>
    /// <param name="engine">The rate engine: a quote for a request.</param>
    /// <param name="fees">The fee figures.</param>
    /// <param name="compare">True to compare with the declared amounts of the input.</param>
    /// <param name="dataAsOf">The publication date of the newest HTS revision in the data: the summary counts the lines
    /// entered after it (<see cref="BatchSummary.StaleLines"/>); null not to count them.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DutyBatch(Func<QuoteRequest, RateQuote> engine, FeeSchedule fees, bool compare = false, DateOnly? dataAsOf = null)
    {
        _dataAsOf = dataAsOf;
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(fees);
        _engine = engine;
        _fees = fees;
        _compare = compare;
    }

    /// <summary>Runs the batch.</summary>
    /// <param name="rows">The input rows.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="progress">Told the number of rows written, every 4,096 rows.</param>
    /// <param name="cancellationToken">Stops the run between two rows: the rows read so far are answered (every output row
    /// is complete), no further row is read, and <see cref="BatchSummary.Interrupted"/> is set.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="DutyInputException">The input's header is wrong (from the reader, before any row).</exception>
    /// <exception cref="IOException">The input cannot be read or the output cannot be written.</exception>
    public BatchSummary Run(IEnumerable<InputRow> rows, IDutyOutput output, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var summary = new BatchSummary(_dataAsOf);
        var scratch = new RunScratch();
        var ended = new HashSet<ulong>();
        var endedOrder = new Queue<ulong>();
        string? groupId = null;
        void Emit(OutputRow row)
        {
            output.Write(row);
            summary.Add(row);
            if (progress is not null && (summary.Lines & 4095) == 0)
            {
                progress.Report(summary.Lines);
            }
        }

        void Flush()
        {
            if (scratch.Rows.Count > 0)
            {
                ProcessEntry(scratch, summary);
                foreach (OutputRow row in scratch.Results)
                {
                    Emit(row);
                }

                if (groupId is not null && Hash(groupId) is var hash && ended.Add(hash))
                {
                    endedOrder.Enqueue(hash);
                    if (endedOrder.Count > RememberedEntries)
                    {
                        ended.Remove(endedOrder.Dequeue());
                    }
                }

                scratch.Clear();
                groupId = null;
            }
        }

        foreach (InputRow row in rows)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                summary.Interrupted = true;
                break;
            }

            string? id = row.EntryId;
            if (id is not null && id == groupId && scratch.Rows.Count < MaxEntryLines)
            {
                scratch.Rows.Add(row);
                continue;
            }

            Flush();
            if (id is not null && ended.Contains(Hash(id)))
            {
                Emit(new OutputRow(row, null, null, new LineError(DutyColumns.EntryId,
                    Core.Inputs.InputMessages.Format(BatchMessages.EntryAlreadyEnded, id, MaxEntryLines)), null));
                continue;
            }

            groupId = id;
            scratch.Rows.Add(row);
            if (id is null)
            {
                Flush();
            }
        }

        Flush();
        progress?.Report(summary.Lines);
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    // Fills scratch.Results with one output row per row of the entry, in order. Whatever fails while a row is worked out
    // (the engine, the duty, the entry's fees) becomes that row's error: nothing here may lose a row.
    private void ProcessEntry(RunScratch scratch, BatchSummary summary)
    {
        List<InputRow> group = scratch.Rows;
        List<OutputRow> results = scratch.Results;
        for (int i = 0; i < group.Count; i++)
        {
            InputRow row = group[i];
            results.Add(null!); // the computed lines' rows are set once the entry's fees are known
            if (row.EntryLine is not { } line)
            {
                results[i] = new OutputRow(row, null, null, row.Error, null);
                continue;
            }

            try
            {
                LineError? failed = ComputeLine(scratch, line, i);
                if (failed is not null)
                {
                    results[i] = new OutputRow(row, null, null, failed, null);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                results[i] = new OutputRow(row, null, null, Unexpected(ex), null);
            }
        }

        if (scratch.Lines.Count > 0)
        {
            EntryResult result;
            try
            {
                result = Entry.Calculate(scratch.Lines, scratch.Duties, _fees);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                result = EntryResult.Failure(Unexpected(ex));
            }

            if (result.IsSuccess)
            {
                summary.AddEntry();
            }

            for (int k = 0; k < scratch.Positions.Count; k++)
            {
                InputRow row = group[scratch.Positions[k]];
                results[scratch.Positions[k]] = result.IsSuccess
                    ? new OutputRow(row, result.Entry.Lines[k], result.Entry, null, _compare ? Compare(row.Declared, result.Entry.Lines[k]) : null)
                    : new OutputRow(row, null, null, result.Error, null);
            }
        }
    }

    // Quotes one line and computes its duty into the scratch lists; the error when it cannot.
    private LineError? ComputeLine(RunScratch scratch, EntryLine line, int position)
    {

        // A quantity declared without a unit is in the HTS unit, which only the quote knows, and the engine needs it to
        // measure specific duties against the floors: the line is asked again with it. The units of the products
        // quoted so far are remembered, so that a line of a product seen before is asked once, with its units filled
        // in; the answer is the same, since the request is the same.
        EntryLine asked = line;
        ImmutableArray<UnitOfMeasure> known = default;
        if (HasBlankUnit(line) && scratch.Units.TryGetValue(line.Product, out known))
        {
            asked = line.WithHtsUnits(known);
        }

        LineError? error = TryQuote(asked, out RateQuote? quote);
        if (error is null)
        {
            ImmutableArray<UnitOfMeasure> units = quote!.Product.Units;
            EntryLine resolved = !ReferenceEquals(asked, line) && known.AsSpan().SequenceEqual(units.AsSpan()) ? asked : line.WithHtsUnits(units);
            if (!ReferenceEquals(resolved, line) && !ReferenceEquals(resolved, asked))
            {
                scratch.RememberUnits(line.Product, units);
            }

            if (!ReferenceEquals(resolved, asked) && !asked.Quantities.AsSpan().SequenceEqual(resolved.Quantities.AsSpan()))
            {
                error = TryQuote(resolved, out quote);
            }

            line = resolved;
        }

        if (error is null)
        {
            DutyResult duty = DutyCalculator.Calculate(quote!, line.Value, line.Quantities);
            if (duty.IsSuccess)
            {
                scratch.Lines.Add(line);
                scratch.Duties.Add(duty.Breakdown);
                scratch.Positions.Add(position);
                return null;
            }

            error = duty.Error;
        }

        return error;
    }

    private static LineError Unexpected(Exception ex) =>
        new(BatchMessages.EngineField, Core.Inputs.InputMessages.Format(BatchMessages.EngineFailed, ex.GetType().Name, ex.Message.Split('\n')[0].Trim()));

    private LineError? TryQuote(EntryLine line, out RateQuote? quote)
    {
        try
        {
            quote = _engine(line.ToQuoteRequest(explain: false));
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            quote = null;
            string field = ex switch
            {
                InvalidQuoteRequestException { Field: "product" } => DutyColumns.Hts10,
                InvalidQuoteRequestException q => q.Field,
                DateOutsideDataException => DutyColumns.EntryDate,
                UnknownCountryException => DutyColumns.Origin,
                KeyNotFoundException => DutyColumns.Hts10,
                _ => "(engine)",
            };
            // ArgumentException messages end with "(Parameter 'x')" and, for a range, "Actual value was …": drop both.
            string message = ex.Message.Split('\n')[0].Split(" (Parameter", 2)[0].Trim();
            return new LineError(field, field == "(engine)" ? $"{ex.GetType().Name}: {message}" : message);
        }
    }

    /// <summary>The declared amounts that differ from the computed ones; empty when all match.</summary>
    internal static List<AmountDifference> Compare(DeclaredAmounts? declared, LineAmounts computed)
    {
        var differences = new List<AmountDifference>();
        if (declared is null)
        {
            return differences;
        }

        void Check(string what, Money? d, Money c)
        {
            if (d is { } amount && amount != c)
            {
                differences.Add(new AmountDifference(what, amount, c));
            }
        }

        Check("duty_total", declared.DutyTotal, computed.Duty.Total);
        Check("mfn", declared.Mfn, computed.Duty.Ordinary);
        if (declared.HeadingColumnsPresent)
        {
            var seen = new HashSet<HtsCode>();
            foreach ((HtsCode heading, Money amount) in declared.Headings)
            {
                seen.Add(heading);
                Check(heading.ToString(), amount, AmountFor(computed.Duty, heading));
            }

            foreach (ComponentDuty c in computed.Duty.Components)
            {
                if (c.Component.Heading is { } h && c.Amount != Money.Zero && seen.Add(h))
                {
                    Check(h.ToString(), Money.Zero, AmountFor(computed.Duty, h));
                }
            }
        }

        Check("mpf", declared.Mpf, computed.Mpf);
        Check("hmf", declared.Hmf, computed.Hmf);
        return differences;
    }

    private static Money AmountFor(DutyBreakdown duty, HtsCode heading)
    {
        Money sum = Money.Zero;
        foreach (ComponentDuty c in duty.Components)
        {
            if (c.Component.Heading == heading)
            {
                sum += c.Amount;
            }
        }

        return sum;
    }

    // What a run keeps from one entry to the next: the rows of the current entry and what is worked out for them, in
    // lists that are cleared rather than made anew for each entry (Entry.Calculate keeps none of them), and the units of
    // the products quoted so far.
    private sealed class RunScratch
    {
        internal List<InputRow> Rows { get; } = [];

        internal List<OutputRow> Results { get; } = [];

        internal List<EntryLine> Lines { get; } = [];

        internal List<DutyBreakdown> Duties { get; } = [];

        internal List<int> Positions { get; } = [];

        // The reporting units of the products quoted in this run, for lines that leave a unit blank (at most 65,536
        // products, so that memory stays flat).
        internal Dictionary<HtsCode, ImmutableArray<UnitOfMeasure>> Units { get; } = [];

        internal void RememberUnits(HtsCode product, ImmutableArray<UnitOfMeasure> units)
        {
            if (Units.Count >= 65_536 && !Units.ContainsKey(product))
            {
                Units.Clear();
            }

            Units[product] = units;
        }

        internal void Clear()
        {
            Rows.Clear();
            Results.Clear();
            Lines.Clear();
            Duties.Clear();
            Positions.Clear();
        }
    }

    private static bool HasBlankUnit(EntryLine line)
    {
        foreach (Quantity q in line.Quantities)
        {
            if (q.Unit.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    // FNV-1a, 64 bits: ended entry ids are kept as hashes so memory grows by 8 bytes per entry, not by the id's length.
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

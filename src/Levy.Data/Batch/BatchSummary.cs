using System.Runtime.InteropServices;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Data.Batch;

/// <summary>What a batch did: lines read, computed and in error, entries, totals by authority and fees, and for
/// <c>--compare</c> how many lines differ from the declared amounts.</summary>
/// <remarks>Filled by <see cref="DutyBatch"/> as it runs; read it when the run is over. Not thread-safe.</remarks>
public sealed class BatchSummary
{
    private readonly Money[] _byAuthority = new Money[Enum.GetValues<Authority>().Length];
    private readonly Dictionary<string, long> _errorsByField = new(StringComparer.Ordinal);

    /// <summary>Creates an empty summary.</summary>
    /// <param name="dataAsOf">The publication date of the newest HTS revision in the data, to count the lines entered after
    /// it (<see cref="StaleLines"/>); null not to count them.</param>
    public BatchSummary(DateOnly? dataAsOf = null)
    {
        DataAsOf = dataAsOf;
    }

    /// <summary>The publication date of the newest revision in the data, when given.</summary>
    public DateOnly? DataAsOf { get; }

    /// <summary>Computed lines whose entry date is after <see cref="DataAsOf"/>: their answers may be out of date.</summary>
    public long StaleLines { get; private set; }

    /// <summary>The latest entry date of the computed lines, or null when none was computed.</summary>
    public DateOnly? LatestEntryDate { get; private set; }

    /// <summary>Computed lines whose MPF used the latest known figures because the rulebook has none for their fiscal year.</summary>
    public long MpfCarriedForward { get; private set; }

    /// <summary>Rows read (and written: one output row per input row).</summary>
    public long Lines { get; private set; }

    /// <summary>Rows computed.</summary>
    public long Computed { get; private set; }

    /// <summary>Error rows.</summary>
    public long Errors { get; private set; }

    /// <summary>Entries computed (a line without an entry id is an entry by itself).</summary>
    public long Entries { get; private set; }

    /// <summary>Total duty of the computed lines.</summary>
    public Money Duty { get; private set; }

    /// <summary>Total MPF of the computed lines.</summary>
    public Money Mpf { get; private set; }

    /// <summary>Total HMF of the computed lines.</summary>
    public Money Hmf { get; private set; }

    /// <summary>Duty plus fees.</summary>
    public Money Total => Duty + Mpf + Hmf;

    /// <summary>Lines compared with declared amounts.</summary>
    public long Compared { get; private set; }

    /// <summary>Compared lines with at least one difference.</summary>
    public long Differing { get; private set; }

    /// <summary>The sum of declared minus computed over all differences.</summary>
    public Money NetDifference { get; private set; }

    /// <summary>Error rows by the field named.</summary>
    public IReadOnlyDictionary<string, long> ErrorsByField => _errorsByField;

    /// <summary>True when the run was stopped before the end of its input (Ctrl-C): the rows written are complete, and
    /// <see cref="Lines"/> says how many there are.</summary>
    public bool Interrupted { get; internal set; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Total duty under one authority.</summary>
    public Money DutyFor(Authority authority) => _byAuthority[(int)authority];

    internal void Add(OutputRow row)
    {
        Lines++;
        if (row.Error is { } e)
        {
            Errors++;
            CollectionsMarshal.GetValueRefOrAddDefault(_errorsByField, e.Field, out _)++;
            return;
        }

        Computed++;
        if (row.Entry is { } entry)
        {
            if (entry.EntryDate > DataAsOf)
            {
                StaleLines++;
            }

            if (LatestEntryDate is not { } latest || entry.EntryDate > latest)
            {
                LatestEntryDate = entry.EntryDate;
            }

            if (entry.MpfCarriedForward)
            {
                MpfCarriedForward++;
            }
        }

        LineAmounts a = row.Amounts!.Value;
        foreach (ComponentDuty c in a.Duty.Components)
        {
            _byAuthority[(int)c.Component.Authority] += c.Amount;
        }

        Duty += a.Duty.Total;
        Mpf += a.Mpf;
        Hmf += a.Hmf;
        if (row.Differences is { } d)
        {
            Compared++;
            if (d.Count > 0)
            {
                Differing++;
                foreach (AmountDifference x in d)
                {
                    NetDifference += x.Difference;
                }
            }
        }
    }

    internal void AddEntry() => Entries++;
}

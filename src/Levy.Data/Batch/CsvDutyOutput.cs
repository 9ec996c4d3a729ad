using System.Globalization;
using Levy.Core.Calculation;
using nietras.SeparatedValues;

namespace Levy.Data.Batch;

/// <summary>Writes batch results as CSV (Sep), one row per input row, with a fixed header (docs/duty.md).</summary>
/// <remarks>Fields are quoted where needed. Amounts are dollars with two decimals, invariant culture. Not thread-safe.</remarks>
public sealed class CsvDutyOutput : IDutyOutput
{
    private static readonly string[] Leading =
    [
        "id", "line", "entry_id", "status", "error_field", "error_reason", "hts10", "origin", "entry_date", "entered_value",
        "chapter99",
    ];

    private static readonly string[] Trailing = ["duty_total", "mpf", "hmf", "line_total", "entry_type", "de_minimis", "revision"];

    private readonly SepWriter _writer;
    private readonly bool _compare;
    private readonly int _authorityStart;
    private readonly int _trailingStart;
    private char[] _chapter99 = new char[256];

    /// <summary>Creates the output.</summary>
    /// <param name="writer">Where to write (left open).</param>
    /// <param name="compare">True to add the <c>compare</c> and <c>differences</c> columns.</param>
    public CsvDutyOutput(TextWriter writer, bool compare)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _compare = compare;
        _writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(writer, leaveOpen: true);
        var names = new List<string>(Leading);
        _authorityStart = names.Count;
        names.AddRange(OutputFormat.AuthorityColumns);
        _trailingStart = names.Count;
        names.AddRange(Trailing);
        if (compare)
        {
            names.AddRange(["compare", "differences"]);
        }

        Columns = names;
        _writer.Header.Add(names);
    }

    /// <summary>The header, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc/>
    public void Write(OutputRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Span<char> buffer = stackalloc char[48];
        using SepWriter.Row r = _writer.NewRow();
        InputRow input = row.Input;
        r[0].Set(input.Id);
        r[1].Set(input.Line.TryFormat(buffer, out int n, default, CultureInfo.InvariantCulture) ? buffer[..n] : default);
        r[2].Set(input.EntryId ?? string.Empty);
        EntryLine? line = input.EntryLine;
        r[6].Set(line is null ? string.Empty : line.Product.ToString());
        r[7].Set(line is null ? string.Empty : line.Origin.Value);
        r[8].Set(line is null ? default : line.EntryDate.TryFormat(buffer, out n, "yyyy-MM-dd", CultureInfo.InvariantCulture) ? buffer[..n] : default);
        int total = Columns.Count;
        if (row.Error is { } e)
        {
            r[3].Set("error");
            r[4].Set(e.Field);
            r[5].Set(e.Reason);
            for (int i = 9; i < total; i++)
            {
                r[i].Set(string.Empty);
            }

            return;
        }

        LineAmounts a = row.Amounts!.Value;
        DutyBreakdown duty = a.Duty;
        r[3].Set("ok");
        r[4].Set(string.Empty);
        r[5].Set(string.Empty);
        r[9].Set(OutputFormat.Amount(duty.EnteredValue, buffer));
        int used = 0;
        foreach (ComponentDuty c in duty.Components)
        {
            if (c.Component.Heading is { } h)
            {
                EnsureRoom(used + 40);
                if (used > 0)
                {
                    _chapter99[used++] = ';';
                }

                h.TryFormat(_chapter99.AsSpan(used), out int hn, default, CultureInfo.InvariantCulture);
                used += hn;
                _chapter99[used++] = '=';
                ReadOnlySpan<char> amount = OutputFormat.Amount(c.Amount, buffer);
                amount.CopyTo(_chapter99.AsSpan(used));
                used += amount.Length;
            }
        }

        r[10].Set(_chapter99.AsSpan(0, used));
        for (int i = 0; i < OutputFormat.Authorities.Length; i++)
        {
            r[_authorityStart + i].Set(OutputFormat.Amount(duty.TotalFor(OutputFormat.Authorities[i]), buffer));
        }

        int t = _trailingStart;
        r[t].Set(OutputFormat.Amount(duty.Total, buffer));
        r[t + 1].Set(OutputFormat.Amount(a.Mpf, buffer));
        r[t + 2].Set(OutputFormat.Amount(a.Hmf, buffer));
        r[t + 3].Set(OutputFormat.Amount(a.Total, buffer));
        r[t + 4].Set(OutputFormat.Lower(row.Entry!.Type));
        r[t + 5].Set(row.Entry.IsDeMinimis ? "true" : "false");
        r[t + 6].Set(duty.Quote.Revision.ShortName);
        if (_compare)
        {
            IReadOnlyList<AmountDifference> d = row.Differences ?? [];
            r[t + 7].Set(row.Input.Declared is null ? "not declared" : d.Count == 0 ? "match" : "differ");
            r[t + 8].Set(string.Join("; ", d));
        }
    }

    private void EnsureRoom(int size)
    {
        if (_chapter99.Length < size)
        {
            Array.Resize(ref _chapter99, size * 2);
        }
    }

    /// <summary>Flushes and closes the CSV writer (not the underlying writer).</summary>
    public void Dispose() => _writer.Dispose();
}

using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Data.Batch;

/// <summary>Writes batch results as CSV, one row per input row, with a fixed header (docs/duty.md).</summary>
/// <remarks>
/// <para>Quoting follows RFC 4180: a field that holds a comma, a double quote, a carriage return or a line feed is put
/// in double quotes, with each double quote inside doubled; other fields are written as they are. Only the text that
/// comes from the input or from messages can need it (id, entry id, error field and reason, revision, differences):
/// codes, dates and amounts are written straight into the row. Amounts are dollars with two decimals, invariant
/// culture. Rows end with the writer's <see cref="TextWriter.NewLine"/>.</para>
/// <para>Rows are built in a pooled buffer and handed to the writer in chunks; the header is written with the first row,
/// or on <see cref="Dispose"/> when there is none. Not thread-safe.</para>
/// </remarks>
public sealed class CsvDutyOutput : IDutyOutput
{
    private static readonly string[] Leading =
    [
        "id", "line", "entry_id", "status", "error_field", "error_reason", "hts10", "origin", "entry_date", "entered_value",
        "chapter99",
    ];

    private static readonly string[] Trailing = ["duty_total", "mpf", "hmf", "line_total", "entry_type", "de_minimis", "revision"];

    private static readonly SearchValues<char> NeedQuotes = SearchValues.Create(",\"\r\n");

    private readonly TextChunks _out;
    private readonly string _newLine;
    private readonly string _header;
    private readonly bool _compare;
    private readonly DateOnly? _dataAsOf;
    private readonly int _emptyTail;
    private bool _headerWritten;

    /// <summary>Creates the output.</summary>
    /// <param name="writer">Where to write (left open, and not flushed).</param>
    /// <param name="compare">True to add the <c>compare</c> and <c>differences</c> columns.</param>
    /// <param name="dataAsOf">The publication date of the newest HTS revision in the data: adds the column <c>stale</c>,
    /// true for a line entered after it (its answer may be out of date); null for no such column.</param>
    public CsvDutyOutput(TextWriter writer, bool compare, DateOnly? dataAsOf = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _compare = compare;
        _dataAsOf = dataAsOf;
        _out = new TextChunks(writer);
        _newLine = writer.NewLine;
        List<string> names = [.. Leading, .. OutputFormat.AuthorityColumns, .. Trailing];
        if (dataAsOf is not null)
        {
            names.Add(OutputFormat.Stale);
        }

        if (compare)
        {
            names.AddRange(["compare", "differences"]);
        }

        Columns = names;
        _emptyTail = names.Count - names.IndexOf("entered_value") - 1;
        _header = string.Join(',', names);
    }

    /// <summary>The header, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc/>
    public void Write(OutputRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        WriteHeader();
        InputRow input = row.Input;
        Text(input.Id);
        Span<char> room = _out.GetSpan(32);
        room[0] = ',';
        input.Line.TryFormat(room[1..], out int n, default, CultureInfo.InvariantCulture);
        room[++n] = ',';
        _out.Advance(n + 1);
        Text(input.EntryId);
        if (row.Error is { } e)
        {
            Raw(",error,");
            Text(e.Field);
            _out.Append(',');
            Text(e.Reason);
            _out.Append(',');
            Line(input.EntryLine);

            // entered_value and every column after it are empty: only their separators.
            _out.GetSpan(_emptyTail)[.._emptyTail].Fill(',');
            _out.Advance(_emptyTail);
        }
        else
        {
            Raw(",ok,,,");
            Line(input.EntryLine);
            Amounts(row);
        }

        Raw(_newLine);
        _out.EndRow();
    }

    /// <summary>Writes what is buffered (and the header, when no row was written) to the writer; the writer stays open
    /// and is not flushed.</summary>
    public void Dispose()
    {
        WriteHeader();
        _out.Dispose();
    }

    private void WriteHeader()
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            Raw(_header);
            Raw(_newLine);
        }
    }

    // hts10, origin and entry_date (empty when the row has no line), each followed by a comma.
    private void Line(EntryLine? line)
    {
        if (line is null)
        {
            Raw(",,,");
            return;
        }

        Span<char> room = _out.GetSpan(32);
        line.Product.TryFormat(room, out int n, default, CultureInfo.InvariantCulture);
        room[n++] = ',';
        n += line.Origin.TryFormat(room[n..], out int origin) ? origin : 0;
        room[n++] = ',';
        n += OutputFormat.Date(line.EntryDate, room[n..]).Length;
        room[n++] = ',';
        _out.Advance(n);
    }

    // entered_value to the end of the row: the amounts go into one span, the free text after them is quoted as needed.
    private void Amounts(OutputRow row)
    {
        LineAmounts a = row.Amounts!.Value;
        DutyBreakdown duty = a.Duty;
        ImmutableArray<ComponentDuty> components = duty.Components;
        const int Field = OutputFormat.MaxAmountLength + 1;
        Span<char> room = _out.GetSpan((components.Length * (Field + 16)) + ((OutputFormat.Authorities.Length + 5) * Field) + 16);
        int n = OutputFormat.Amount(duty.EnteredValue.Amount, room);
        room[n++] = ',';

        // chapter99, and the duty by authority summed in the same pass (in component order, as DutyBreakdown.TotalFor);
        // an authority without a component is written as 0.00 straight away.
        Span<decimal> byAuthority = stackalloc decimal[OutputFormat.Authorities.Length];
        int charged = 0;
        bool first = true;
        foreach (ComponentDuty c in components)
        {
            int authority = (int)c.Component.Authority;
            byAuthority[authority] += c.Amount.Amount;
            charged |= 1 << authority;
            if (c.Component.Heading is { } h)
            {
                if (!first)
                {
                    room[n++] = ';';
                }

                h.TryFormat(room[n..], out int hn, default, CultureInfo.InvariantCulture);
                n += hn;
                room[n++] = '=';
                n += OutputFormat.Amount(c.Amount.Amount, room[n..]);
                first = false;
            }
        }

        room[n++] = ',';
        for (int i = 0; i < byAuthority.Length; i++)
        {
            if ((charged & (1 << i)) == 0)
            {
                "0.00,".CopyTo(room[n..]);
                n += 5;
            }
            else
            {
                n += OutputFormat.Amount(byAuthority[i], room[n..]);
                room[n++] = ',';
            }
        }

        foreach (Money amount in (ReadOnlySpan<Money>)[duty.Total, a.Mpf, a.Hmf, a.Total])
        {
            n += OutputFormat.Amount(amount.Amount, room[n..]);
            room[n++] = ',';
        }

        _out.Advance(n);
        Raw(OutputFormat.Lower(row.Entry!.Type));
        Raw(row.Entry.IsDeMinimis ? ",true," : ",false,");
        Text(OutputFormat.ShortName(duty.Quote.Revision));
        if (_dataAsOf is { } asOf)
        {
            Raw(row.Entry.EntryDate > asOf ? ",true" : ",false");
        }

        if (_compare)
        {
            IReadOnlyList<AmountDifference> d = row.Differences ?? [];
            _out.Append(',');
            Raw(row.Input.Declared is null ? "not declared" : d.Count == 0 ? "match" : "differ");
            _out.Append(',');
            Text(d.Count == 0 ? string.Empty : string.Join("; ", d));
        }
    }

    private void Raw(string text) => _out.Append(text);

    // A free-text field, quoted when it holds a separator, a quote or a line break (RFC 4180).
    private void Text(string? text)
    {
        ReadOnlySpan<char> rest = text;
        if (rest.IndexOfAny(NeedQuotes) < 0)
        {
            _out.Append(rest);
            return;
        }

        Span<char> room = _out.GetSpan(2 + rest.Length + rest.Count('"'));
        int n = 0;
        room[n++] = '"';
        for (int q = rest.IndexOf('"'); q >= 0; q = rest.IndexOf('"'))
        {
            rest[..(q + 1)].CopyTo(room[n..]);
            n += q + 1;
            room[n++] = '"';
            rest = rest[(q + 1)..];
        }

        rest.CopyTo(room[n..]);
        n += rest.Length;
        room[n++] = '"';
        _out.Advance(n);
    }
}

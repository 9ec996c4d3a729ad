using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Data.Batch;

/// <summary>Writes batch results as JSON Lines: one JSON object per input row, in order (shape in docs/duty.md).</summary>
/// <remarks>Amounts are JSON numbers with two decimals. Property names, enum names and rate texts are encoded once,
/// codes, dates and amounts are formatted into spans, and rows are handed to the writer in chunks, so a row allocates
/// nothing in the usual case; the JSON writer skips its structural checks (the shape is fixed here and tested). Not
/// thread-safe.</remarks>
public sealed class JsonLinesDutyOutput : IDutyOutput
{
    private const int RateTextsKept = 1024;
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly JsonEncodedText[] AuthorityNames = [.. OutputFormat.AuthorityNames.Select(n => JsonEncodedText.Encode(n, Encoder))];
    private static readonly JsonEncodedText[] KindNames = [.. OutputFormat.KindNames.Select(n => JsonEncodedText.Encode(n, Encoder))];

    private readonly TextChunks _out;
    private readonly string _newLine;
    private readonly bool _compare;
    private readonly DateOnly? _dataAsOf;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    // Rate texts by rate instance: quotes share their rates, so the text is made once, not once per component.
    private readonly Dictionary<Rate, JsonEncodedText> _rateTexts = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the output.</summary>
    /// <param name="writer">Where to write (left open, and not flushed).</param>
    /// <param name="compare">True to add <c>compare</c> and <c>differences</c>.</param>
    /// <param name="dataAsOf">The publication date of the newest HTS revision in the data: adds <c>stale</c>, true for a
    /// line entered after it; null for no such field.</param>
    public JsonLinesDutyOutput(TextWriter writer, bool compare, DateOnly? dataAsOf = null)
    {
        _dataAsOf = dataAsOf;
        ArgumentNullException.ThrowIfNull(writer);
        _out = new TextChunks(writer);
        _newLine = writer.NewLine;
        _compare = compare;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true });
    }

    /// <inheritdoc/>
    public void Write(OutputRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        Utf8JsonWriter j = _json;
        InputRow input = row.Input;
        Span<char> text = stackalloc char[OutputFormat.MaxAmountLength];
        j.WriteStartObject();
        j.WriteString(Names.Id, input.Id);
        j.WriteNumber(Names.Line, input.Line);
        if (input.EntryId is { } entryId)
        {
            j.WriteString(Names.EntryId, entryId);
        }

        if (input.EntryLine is { } line)
        {
            line.Product.TryFormat(text, out int n, default, CultureInfo.InvariantCulture);
            j.WriteString(Names.Hts10, text[..n]);
            line.Origin.TryFormat(text, out n);
            j.WriteString(Names.Origin, text[..n]);
            j.WriteString(Names.EntryDate, OutputFormat.Date(line.EntryDate, text));
        }

        if (row.Error is { } e)
        {
            j.WriteString(Names.Status, Names.Error);
            j.WriteStartObject(Names.Error);
            j.WriteString(Names.Field, e.Field);
            j.WriteString(Names.Reason, e.Reason);
            j.WriteEndObject();
        }
        else
        {
            WriteAmounts(j, row);
        }

        j.WriteEndObject();
        j.Flush();
        ReadOnlySpan<byte> utf8 = _buffer.WrittenSpan;
        _out.Advance(Encoding.UTF8.GetChars(utf8, _out.GetSpan(utf8.Length)));
        _out.Append(_newLine);
        _out.EndRow();
    }

    /// <summary>Writes what is buffered to the writer and releases the JSON writer (the underlying writer stays open and
    /// is not flushed).</summary>
    public void Dispose()
    {
        _out.Dispose();
        _json.Dispose();
    }

    private void WriteAmounts(Utf8JsonWriter j, OutputRow row)
    {
        LineAmounts a = row.Amounts!.Value;
        DutyBreakdown duty = a.Duty;
        Span<char> text = stackalloc char[OutputFormat.MaxAmountLength];
        j.WriteString(Names.Status, Names.Ok);
        j.WriteString(Names.Revision, OutputFormat.ShortName(duty.Quote.Revision));
        if (_dataAsOf is { } asOf)
        {
            j.WriteBoolean(Names.Stale, row.Entry!.EntryDate > asOf);
        }
        Amount(j, Names.EnteredValue, duty.EnteredValue);
        j.WriteStartArray(Names.Components);
        Span<decimal> byAuthority = stackalloc decimal[OutputFormat.Authorities.Length];
        foreach (ComponentDuty c in duty.Components)
        {
            byAuthority[(int)c.Component.Authority] += c.Amount.Amount; // in component order, as DutyBreakdown.TotalFor
            j.WriteStartObject();
            if (c.Component.Heading is { } h)
            {
                h.TryFormat(text, out int n, default, CultureInfo.InvariantCulture);
                j.WriteString(Names.Heading, text[..n]);
            }
            else
            {
                j.WriteNull(Names.Heading);
            }

            j.WriteString(Names.Authority, AuthorityNames[(int)c.Component.Authority]);
            j.WriteString(Names.Kind, KindNames[(int)c.Component.Kind]);
            j.WriteString(Names.Rate, RateText(c.Component.PrintedRate));
            Amount(j, Names.Amount, c.Amount);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteStartObject(Names.DutyByAuthority);
        for (int i = 0; i < byAuthority.Length; i++)
        {
            if (byAuthority[i] != 0m)
            {
                Amount(j, AuthorityNames[i], new Money(byAuthority[i]));
            }
        }

        j.WriteEndObject();
        Amount(j, Names.DutyTotal, duty.Total);
        Amount(j, Names.Mpf, a.Mpf);
        Amount(j, Names.Hmf, a.Hmf);
        Amount(j, Names.LineTotal, a.Total);
        j.WriteString(Names.EntryType, OutputFormat.Lower(row.Entry!.Type));
        j.WriteBoolean(Names.DeMinimis, row.Entry.IsDeMinimis);
        if (_compare)
        {
            IReadOnlyList<AmountDifference> d = row.Differences ?? [];
            j.WriteString(Names.Compare, row.Input.Declared is null ? "not declared" : d.Count == 0 ? "match" : "differ");
            j.WriteStartArray(Names.Differences);
            foreach (AmountDifference x in d)
            {
                j.WriteStartObject();
                j.WriteString(Names.What, x.What);
                Amount(j, Names.Declared, x.Declared);
                Amount(j, Names.Computed, x.Computed);
                Amount(j, Names.Difference, x.Difference);
                j.WriteEndObject();
            }

            j.WriteEndArray();
        }
    }

    private JsonEncodedText RateText(Rate rate)
    {
        if (!_rateTexts.TryGetValue(rate, out JsonEncodedText text))
        {
            if (_rateTexts.Count >= RateTextsKept)
            {
                _rateTexts.Clear();
            }

            text = JsonEncodedText.Encode(rate.ToString(), Encoder);
            _rateTexts.Add(rate, text);
        }

        return text;
    }

    // An amount as a JSON number with two decimals, handed to the writer as the ASCII bytes it is.
    private static void Amount(Utf8JsonWriter j, JsonEncodedText name, Money money)
    {
        Span<char> text = stackalloc char[OutputFormat.MaxAmountLength];
        Span<byte> utf8 = stackalloc byte[OutputFormat.MaxAmountLength];
        int n = OutputFormat.Amount(money.Amount, text);
        Ascii.FromUtf16(text[..n], utf8, out n);
        j.WritePropertyName(name);
        j.WriteRawValue(utf8[..n], skipInputValidation: true);
    }

    // Property names and fixed values, encoded once.
    private static class Names
    {
        internal static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        internal static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
        internal static readonly JsonEncodedText EntryId = JsonEncodedText.Encode("entryId");
        internal static readonly JsonEncodedText Hts10 = JsonEncodedText.Encode("hts10");
        internal static readonly JsonEncodedText Origin = JsonEncodedText.Encode("origin");
        internal static readonly JsonEncodedText EntryDate = JsonEncodedText.Encode("entryDate");
        internal static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        internal static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");
        internal static readonly JsonEncodedText Ok = JsonEncodedText.Encode("ok");
        internal static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");
        internal static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        internal static readonly JsonEncodedText Revision = JsonEncodedText.Encode("revision");
        internal static readonly JsonEncodedText Stale = JsonEncodedText.Encode(OutputFormat.Stale);
        internal static readonly JsonEncodedText EnteredValue = JsonEncodedText.Encode("enteredValue");
        internal static readonly JsonEncodedText Components = JsonEncodedText.Encode("components");
        internal static readonly JsonEncodedText Heading = JsonEncodedText.Encode("heading");
        internal static readonly JsonEncodedText Authority = JsonEncodedText.Encode("authority");
        internal static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        internal static readonly JsonEncodedText Rate = JsonEncodedText.Encode("rate");
        internal static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");
        internal static readonly JsonEncodedText DutyByAuthority = JsonEncodedText.Encode("dutyByAuthority");
        internal static readonly JsonEncodedText DutyTotal = JsonEncodedText.Encode("dutyTotal");
        internal static readonly JsonEncodedText Mpf = JsonEncodedText.Encode("mpf");
        internal static readonly JsonEncodedText Hmf = JsonEncodedText.Encode("hmf");
        internal static readonly JsonEncodedText LineTotal = JsonEncodedText.Encode("lineTotal");
        internal static readonly JsonEncodedText EntryType = JsonEncodedText.Encode("entryType");
        internal static readonly JsonEncodedText DeMinimis = JsonEncodedText.Encode("deMinimis");
        internal static readonly JsonEncodedText Compare = JsonEncodedText.Encode("compare");
        internal static readonly JsonEncodedText Differences = JsonEncodedText.Encode("differences");
        internal static readonly JsonEncodedText What = JsonEncodedText.Encode("what");
        internal static readonly JsonEncodedText Declared = JsonEncodedText.Encode("declared");
        internal static readonly JsonEncodedText Computed = JsonEncodedText.Encode("computed");
        internal static readonly JsonEncodedText Difference = JsonEncodedText.Encode("difference");
    }
}

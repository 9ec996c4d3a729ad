using System.Buffers;
using System.Text;
using System.Text.Json;
using Levy.Core.Calculation;

namespace Levy.Data.Batch;

/// <summary>Writes batch results as JSON Lines: one JSON object per input row, in order (shape in docs/duty.md).</summary>
/// <remarks>Amounts are JSON numbers with two decimals. Not thread-safe.</remarks>
public sealed class JsonLinesDutyOutput : IDutyOutput
{
    private readonly TextWriter _writer;
    private readonly bool _compare;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    /// <summary>Creates the output.</summary>
    /// <param name="writer">Where to write (left open).</param>
    /// <param name="compare">True to add <c>compare</c> and <c>differences</c>.</param>
    public JsonLinesDutyOutput(TextWriter writer, bool compare)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _compare = compare;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <inheritdoc/>
    public void Write(OutputRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        Utf8JsonWriter j = _json;
        InputRow input = row.Input;
        j.WriteStartObject();
        j.WriteString("id", input.Id);
        j.WriteNumber("line", input.Line);
        if (input.EntryId is { } entryId)
        {
            j.WriteString("entryId", entryId);
        }

        if (input.EntryLine is { } line)
        {
            j.WriteString("hts10", line.Product.ToString());
            j.WriteString("origin", line.Origin.Value);
            j.WriteString("entryDate", line.EntryDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (row.Error is { } e)
        {
            j.WriteString("status", "error");
            j.WriteStartObject("error");
            j.WriteString("field", e.Field);
            j.WriteString("reason", e.Reason);
            j.WriteEndObject();
        }
        else
        {
            WriteAmounts(j, row);
        }

        j.WriteEndObject();
        j.Flush();
        _writer.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    /// <summary>Releases the JSON writer (the underlying writer stays open).</summary>
    public void Dispose() => _json.Dispose();

    private void WriteAmounts(Utf8JsonWriter j, OutputRow row)
    {
        LineAmounts a = row.Amounts!.Value;
        DutyBreakdown duty = a.Duty;
        j.WriteString("status", "ok");
        j.WriteString("revision", duty.Quote.Revision.ShortName);
        Amount(j, "enteredValue", duty.EnteredValue);
        j.WriteStartArray("components");
        foreach (ComponentDuty c in duty.Components)
        {
            j.WriteStartObject();
            if (c.Component.Heading is { } h)
            {
                j.WriteString("heading", h.ToString());
            }
            else
            {
                j.WriteNull("heading");
            }

            j.WriteString("authority", OutputFormat.Snake(c.Component.Authority.ToString()));
            j.WriteString("kind", OutputFormat.Snake(c.Component.Kind.ToString()));
            j.WriteString("rate", c.Component.PrintedRate.ToString());
            Amount(j, "amount", c.Amount);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteStartObject("dutyByAuthority");
        foreach (Authority authority in OutputFormat.Authorities)
        {
            if (duty.TotalFor(authority) is { Amount: not 0m } amount)
            {
                Amount(j, OutputFormat.Snake(authority.ToString()), amount);
            }
        }

        j.WriteEndObject();
        Amount(j, "dutyTotal", duty.Total);
        Amount(j, "mpf", a.Mpf);
        Amount(j, "hmf", a.Hmf);
        Amount(j, "lineTotal", a.Total);
        j.WriteString("entryType", OutputFormat.Lower(row.Entry!.Type));
        j.WriteBoolean("deMinimis", row.Entry.IsDeMinimis);
        if (_compare)
        {
            IReadOnlyList<AmountDifference> d = row.Differences ?? [];
            j.WriteString("compare", row.Input.Declared is null ? "not declared" : d.Count == 0 ? "match" : "differ");
            j.WriteStartArray("differences");
            foreach (AmountDifference x in d)
            {
                j.WriteStartObject();
                j.WriteString("what", x.What);
                Amount(j, "declared", x.Declared);
                Amount(j, "computed", x.Computed);
                Amount(j, "difference", x.Difference);
                j.WriteEndObject();
            }

            j.WriteEndArray();
        }
    }

    private static void Amount(Utf8JsonWriter j, string name, Core.Primitives.Money money)
    {
        j.WritePropertyName(name);
        j.WriteRawValue(OutputFormat.Amount(money), skipInputValidation: true);
    }
}

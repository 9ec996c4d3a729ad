using System.Text.Json;
using nietras.SeparatedValues;

namespace Levy.Data.Batch;

/// <summary>Streams the rows of a <c>levy duty --file</c> input, CSV or JSON Lines, one <see cref="InputRow"/> per row, in
/// order, never holding more than one row.</summary>
/// <remarks>
/// <para><b>CSV</b> (RFC 4180, read with Sep): a header row is required; a UTF-8 byte-order mark, quoted fields (with
/// commas, quotes and line breaks inside), spaces around fields and columns Levy does not know are accepted. A header that
/// lacks a required column, repeats a column or names an unknown <c>declared_</c> amount stops the whole file with a
/// <see cref="DutyInputException"/> naming the line and column. A row with more fields than the header (often an unquoted
/// <c>40,000</c>) is an error row; a shorter row leaves the missing fields blank. Empty lines are not rows.</para>
/// <para><b>JSON Lines</b>: one JSON object per line, with the same names as the CSV columns as keys; values may be
/// strings or numbers. A line that is not a JSON object is an error row. Empty lines are not rows.</para>
/// <para>Not thread-safe: one reader per input.</para>
/// </remarks>
public static class DutyInputReader
{
    /// <summary>Reads CSV rows.</summary>
    /// <param name="reader">The text (decoded; a BOM is dropped).</param>
    /// <param name="source">The name for messages (file name or <c>stdin</c>).</param>
    /// <param name="compare">True to read the <c>declared_</c> amounts (and require at least one such column).</param>
    /// <exception cref="DutyInputException">The header is missing or wrong (thrown when enumeration starts).</exception>
    public static IEnumerable<InputRow> ReadCsv(TextReader reader, string source, bool compare)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using SepReader sep = OpenCsv(reader, source);
        if (sep.Header.IsEmpty)
        {
            throw new DutyInputException(source, 1, null, "the file is empty: a header row is needed (see docs/duty.md)");
        }

        ColumnMap map = ColumnMap.Build(sep.Header.ColNames, (col, msg) => new DutyInputException(source, 1, col?.ToString(System.Globalization.CultureInfo.InvariantCulture), msg),
            requireAll: true, out Exception? error) ?? throw error!;
        if (compare && !map.HasDeclared)
        {
            throw new DutyInputException(source, 1, null, CompareNeedsDeclared);
        }

        while (sep.MoveNext())
        {
            InputRow row = ParseCsvRow(sep.Current, map, compare);
            if (row.Line > 0)
            {
                yield return row;
            }
        }
    }

    /// <summary>Reads JSON Lines rows.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name for messages.</param>
    /// <param name="compare">True to read the <c>declared_</c> amounts.</param>
    public static IEnumerable<InputRow> ReadJsonLines(TextReader reader, string source, bool compare)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long line = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (line == 1)
            {
                text = text.TrimStart('\uFEFF');
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return ParseJsonLine(text, line, compare);
        }
    }

    private static SepReader OpenCsv(TextReader reader, string source)
    {
        try
        {
            return Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).From(reader);
        }
        catch (ArgumentException ex)
        {
            // Sep indexes the header by name and refuses a name given twice; say so in Levy's terms.
            throw new DutyInputException(source, 1, null, $"the header repeats a column name ({ex.Message.Split(" (Parameter", 2)[0]})");
        }
    }

    internal const string CompareNeedsDeclared = "--compare needs declared amounts: columns declared_duty_total, declared_mfn, " +
        "declared_mpf, declared_hmf or declared_<Chapter 99 heading> (see docs/duty.md)";

    private static InputRow ParseCsvRow(SepReader.Row row, ColumnMap map, bool compare)
    {
        long line = row.LineNumberFrom;
        if (row.ColCount == 1 && row[0].Span.IsEmpty)
        {
            return new InputRow(0, string.Empty, null, null, null, null); // an empty line is not a row
        }

        if (row.ColCount > map.Width)
        {
            string id = map[DutyColumns.Id] is >= 0 and var i && i < row.ColCount ? row[i].ToString().Trim() : line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new InputRow(line, id.Length == 0 ? line.ToString(System.Globalization.CultureInfo.InvariantCulture) : id, null, null,
                new Core.Calculation.LineError("(row)", $"has {row.ColCount} fields but the header has {map.Width}: a field with a comma " +
                    "(such as 40,000) must be in double quotes"), null);
        }

        var source = new SepFields(row);
        return RowParser.Parse(ref source, map, line, compare);
    }

    private static InputRow ParseJsonLine(string text, long line, bool compare)
    {
        string lineId = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Error(lineId, line, $"is a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            var names = new List<string>();
            var values = new List<string?>();
            foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            {
                names.Add(p.Name);
                values.Add(p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number => p.Value.GetRawText(),
                    JsonValueKind.Null => null,
                    _ => "\u0000" + p.Value.ValueKind.ToString().ToLowerInvariant(),
                });
            }

            ColumnMap? map = ColumnMap.Build(names, (_, msg) => new InvalidOperationException(msg), requireAll: false, out Exception? error);
            if (map is null)
            {
                return Error(lineId, line, error!.Message);
            }

            for (int i = 0; i < values.Count; i++)
            {
                if (values[i] is ['\u0000', .. string kind])
                {
                    return Error(lineId, line, $"\"{names[i]}\" is a JSON {kind}; a string or a number was expected", names[i]);
                }
            }

            var fields = new ArrayFields([.. values]);
            InputRow row = RowParser.Parse(ref fields, map, line, compare);
            return row.Error is { Reason: "is blank" } e && Missing(map, e.Field) ? row with { Error = e with { Reason = "is missing" } } : row;
        }
        catch (JsonException ex)
        {
            return Error(lineId, line, $"is not valid JSON ({ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.')}, at byte {ex.BytePositionInLine})");
        }
    }

    private static bool Missing(ColumnMap map, string field) =>
        DutyColumns.Positions.TryGetValue(field, out int p) && map.Known[p] < 0;

    private static InputRow Error(string id, long line, string reason, string field = "(row)") =>
        new(line, id, null, null, new Core.Calculation.LineError(field, reason), null);

    /// <summary>The fields of a Sep row.</summary>
    private readonly ref struct SepFields(SepReader.Row row) : IFieldSource
    {
        private readonly SepReader.Row _row = row;

        public ReadOnlySpan<char> this[int index] => (uint)index < (uint)_row.ColCount ? _row[index].Span : default;
    }
}

using System.Text.Json;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation;
using Levy.Core.Inputs;

namespace Levy.Data.Batch;

/// <summary>Streams the rows of a <c>levy duty --file</c> input, CSV or JSON Lines, one <see cref="InputRow"/> per row, in
/// order, never holding more than one row.</summary>
/// <remarks>
/// <para><b>CSV</b> (RFC 4180, read by <see cref="CsvRowReader"/>): a header row is required; a UTF-8 byte-order mark, quoted fields (with
/// commas, quotes and line breaks inside), spaces around fields and columns Levy does not know are accepted. A header that
/// lacks a required column, repeats a column or names an unknown <c>declared_</c> amount stops the whole file with a
/// <see cref="DutyInputException"/> naming the line and column. A row with more fields than the header (often an unquoted
/// <c>40,000</c>) is an error row; a shorter row leaves the missing fields blank. Empty lines are not rows.</para>
/// <para><b>JSON Lines</b>: one JSON object per line, with the same names as the CSV columns as keys; values may be
/// strings or numbers. A line that is not a JSON object is an error row. Empty lines are not rows.</para>
/// <para><b>Whatever the bytes</b>: every other line yields exactly one row. A line longer than
/// <see cref="InputBounds.MaxBatchRowChars"/>, or a quote that is never closed, is an error row naming its line, and the
/// lines after it are rows of their own; a field Levy reads that holds bytes which are not UTF-8 is an error row naming
/// the column (<see cref="InputMessages.NotUtf8"/>). Property tests hold the reader to this (docs/reliability.md).</para>
/// <para>Not thread-safe: one reader per input.</para>
/// </remarks>
public static class DutyInputReader
{
    /// <summary>Reads CSV rows.</summary>
    /// <param name="reader">The text (decoded; a BOM is dropped).</param>
    /// <param name="source">The name for messages (file name or <c>stdin</c>).</param>
    /// <param name="compare">True to read the <c>declared_</c> amounts (and require at least one such column).</param>
    /// <exception cref="DutyInputException">The header is missing or wrong (thrown when enumeration starts).</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public static IEnumerable<InputRow> ReadCsv(TextReader reader, string source, bool compare)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = new CsvRowReader(reader, splitFields: true);
        if (!csv.Read())
        {
            throw new DutyInputException(source, 1, null, BatchMessages.EmptyFile);
        }

        if (csv.Problem != RowProblem.None)
        {
            throw new DutyInputException(source, 1, null, csv.Problem == RowProblem.TooLong
                ? InputMessages.Format(BatchMessages.RowTooLong, InputBounds.MaxBatchRowChars)
                : BatchMessages.UnterminatedQuote);
        }

        string[] names = new string[csv.FieldCount];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = csv[i].ToString();
        }

        if (names.Any(n => n.Contains('\0', StringComparison.Ordinal)))
        {
            throw new DutyInputException(source, 1, null, BatchMessages.Utf16WithoutBom);
        }

        ColumnMap map = ColumnMap.Build(names, (col, msg) => new DutyInputException(source, 1, col?.ToString(System.Globalization.CultureInfo.InvariantCulture), msg),
            requireAll: true, out Exception? error) ?? throw error!;
        if (compare && !map.HasDeclared)
        {
            throw new DutyInputException(source, 1, null, CompareNeedsDeclared);
        }

        while (csv.Read())
        {
            if (!csv.IsEmptyLine)
            {
                yield return ParseCsvRow(csv, map, names, compare);
            }
        }
    }

    /// <summary>Reads JSON Lines rows.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name for messages.</param>
    /// <param name="compare">True to read the <c>declared_</c> amounts.</param>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public static IEnumerable<InputRow> ReadJsonLines(TextReader reader, string source, bool compare)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _ = source;
        using var lines = new CsvRowReader(reader, splitFields: false);
        while (lines.Read())
        {
            long line = lines.Line;
            if (lines.Problem == RowProblem.TooLong)
            {
                yield return TooLong(line);
                continue;
            }

            ReadOnlySpan<char> text = lines[0];
            if (line == 1)
            {
                text = text.TrimStart('\uFEFF');
            }

            if (text.IsWhiteSpace())
            {
                continue;
            }

            yield return ParseJsonLine(text.ToString(), line, compare);
        }
    }

    internal const string CompareNeedsDeclared = "--compare needs declared amounts: columns declared_duty_total, declared_mfn, " +
        "declared_mpf, declared_hmf or declared_<Chapter 99 heading> (see docs/duty.md)";

    private static InputRow ParseCsvRow(CsvRowReader row, ColumnMap map, string[] names, bool compare)
    {
        long line = row.Line;
        string lineId = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (row.Problem != RowProblem.None)
        {
            // The id is kept when its field was read before the damage.
            int idAt = map[DutyColumns.Id];
            string id = idAt >= 0 && idAt < row.FieldCount && row[idAt].Trim() is { IsEmpty: false } given ? given.ToString() : lineId;
            if (row.Problem == RowProblem.TooLong)
            {
                return TooLong(line) with { Id = id };
            }

            string field = row.ProblemField >= 0 && row.ProblemField < names.Length && names[row.ProblemField].Trim() is { Length: > 0 } name
                ? name
                : BatchMessages.RowField;
            return Error(id, line, BatchMessages.UnterminatedQuote, field);
        }

        if (row.FieldCount > map.Width)
        {
            string id = map[DutyColumns.Id] is >= 0 and var i && i < row.FieldCount ? row[i].ToString().Trim() : lineId;
            return Error(id.Length == 0 ? lineId : id, line, InputMessages.Format(BatchMessages.TooManyFields, row.FieldCount, map.Width));
        }

        var source = new RowFields(row);
        return RowParser.Parse(ref source, map, line, compare);
    }

    private static InputRow TooLong(long line) =>
        Error(line.ToString(System.Globalization.CultureInfo.InvariantCulture), line, InputMessages.Format(BatchMessages.RowTooLong, InputBounds.MaxBatchRowChars));

    private static InputRow ParseJsonLine(string text, long line, bool compare)
    {
        string lineId = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Error(lineId, line, InputMessages.Format(BatchMessages.JsonNotObject, doc.RootElement.ValueKind.ToString().ToLowerInvariant()));
            }

            var names = new List<string>();
            var values = new List<string?>();
            string? notScalar = null, notScalarKind = null;
            foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            {
                names.Add(p.Name);
                JsonValueKind kind = p.Value.ValueKind;
                values.Add(kind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number => p.Value.GetRawText(),
                    _ => null,
                });
                if (kind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null) && notScalar is null)
                {
                    (notScalar, notScalarKind) = (p.Name, kind.ToString().ToLowerInvariant());
                }
            }

            ColumnMap? map = ColumnMap.Build(names, (_, msg) => new InvalidOperationException(msg), requireAll: false, out Exception? error);
            if (map is null)
            {
                return Error(lineId, line, error!.Message);
            }

            if (notScalar is not null)
            {
                return Error(lineId, line, InputMessages.Format(BatchMessages.JsonNotScalar, notScalar, notScalarKind), notScalar);
            }

            var fields = new ArrayFields([.. values]);
            InputRow row = RowParser.Parse(ref fields, map, line, compare);
            return row.Error is { Reason: InputMessages.Blank } e && Missing(map, e.Field) ? row with { Error = e with { Reason = InputMessages.Missing } } : row;
        }
        catch (JsonException ex)
        {
            return Error(lineId, line, InputMessages.Format(BatchMessages.JsonInvalid, ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.'), ex.BytePositionInLine));
        }
    }

    private static bool Missing(ColumnMap map, string field) =>
        DutyColumns.Positions.TryGetValue(field, out int p) && map.Known[p] < 0;

    private static InputRow Error(string id, long line, string reason, string field = BatchMessages.RowField) =>
        new(line, id, null, null, new LineError(field, reason), null);

    /// <summary>The fields of a CSV row.</summary>
    private readonly ref struct RowFields(CsvRowReader row) : IFieldSource
    {
        private readonly CsvRowReader _row = row;

        public ReadOnlySpan<char> this[int index] => _row[index];
    }
}

using System.Globalization;
using Levy.Core.Inputs;
using Levy.Data.Batch;
using MiniExcelLibs;

namespace Levy.Refunds.Import;

/// <summary>A row of a table file: its line (1 is the header) and its cells as text.</summary>
/// <param name="Line">The file line the row starts on (CSV) or sheet row (XLSX).</param>
/// <param name="Cells">The cells, as text without the spaces around it; null for an empty cell.</param>
public readonly record struct SourceRow(int Line, string?[] Cells)
{
    /// <summary>What is wrong with the row as a whole, or null: a quote never closed, a line beyond the longest row Levy
    /// reads. Its <see cref="Cells"/> are then those completed before the damage.</summary>
    public RowDamage? Damage { get; init; }
}

/// <summary>Damage to a whole row, found while splitting it into cells.</summary>
/// <param name="Column">The column (0-based) where it starts (the quote that is never closed), or -1 for the row.</param>
/// <param name="Reason">What is wrong (<see cref="BatchMessages"/>).</param>
public sealed record RowDamage(int Column, string Reason);

/// <summary>The formats an export may come in.</summary>
public enum TableFormat
{
    /// <summary>Comma-separated values (RFC 4180), UTF-8.</summary>
    Csv,

    /// <summary>An Excel workbook (the first sheet).</summary>
    Xlsx,
}

/// <summary>Reads CSV or XLSX files row by row, without holding the file in memory.</summary>
/// <remarks>
/// <para>CSV is read by the reader of duty batches (<see cref="CsvRowReader"/>), with its guarantees whatever the bytes: a
/// quote that is never closed, or a line longer than <see cref="InputBounds.MaxBatchRowChars"/>, is one damaged row
/// (<see cref="SourceRow.Damage"/>) and the lines after it are rows of their own; bytes that are not UTF-8 become U+FFFD,
/// which the ES-003 reader refuses in any field it reads. A UTF-8 or UTF-16 byte-order mark is honoured.</para>
/// <para>XLSX is read by MiniExcel; a workbook it cannot read, whatever the reason, is a <see cref="RefundInputException"/>
/// naming the file.</para>
/// </remarks>
public static class TabularSource
{
    /// <summary>The format of a file by its extension (<c>.xlsx</c> is XLSX, anything else CSV).</summary>
    public static TableFormat FormatOf(string fileName) =>
        Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? TableFormat.Xlsx : TableFormat.Csv;

    /// <summary>The rows of a file, the header first (empty lines are not rows).</summary>
    /// <param name="stream">The content (read once, forward).</param>
    /// <param name="format">CSV or XLSX.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <exception cref="RefundInputException">The file is not a CSV or XLSX file Levy can read, or its header is damaged
    /// (thrown while enumerating).</exception>
    public static IEnumerable<SourceRow> Read(Stream stream, TableFormat format, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return format == TableFormat.Xlsx ? ReadXlsx(stream, source) : ReadCsv(stream, source);
    }

    private static IEnumerable<SourceRow> ReadCsv(Stream stream, string source)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        using var csv = new CsvRowReader(reader, splitFields: true);
        bool header = true;
        while (csv.Read())
        {
            if (csv.IsEmptyLine)
            {
                continue;
            }

            int line = (int)Math.Min(csv.Line, int.MaxValue);
            RowDamage? damage = csv.Problem switch
            {
                RowProblem.TooLong => new RowDamage(-1, InputMessages.Format(BatchMessages.RowTooLong, InputBounds.MaxBatchRowChars)),
                RowProblem.UnterminatedQuote => new RowDamage(csv.ProblemField, BatchMessages.UnterminatedQuote),
                _ => null,
            };
            if (header)
            {
                if (damage is not null)
                {
                    throw new RefundInputException(source, line, RefundMessages.HeaderField, damage.Reason);
                }

                if (Enumerable.Range(0, csv.FieldCount).Any(i => csv[i].Contains('\0')))
                {
                    throw new RefundInputException(source, line, RefundMessages.HeaderField, BatchMessages.Utf16WithoutBom);
                }

                header = false;
            }

            var cells = new string?[csv.FieldCount];
            for (int i = 0; i < cells.Length; i++)
            {
                ReadOnlySpan<char> span = csv[i].Trim();
                cells[i] = span.IsEmpty ? null : span.ToString();
            }

            yield return new SourceRow(line, cells) { Damage = damage };
        }
    }

    private static IEnumerable<SourceRow> ReadXlsx(Stream stream, string source)
    {
        IEnumerator<dynamic> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            throw NotAWorkbook(source, 0, ex);
        }

        using (rows)
        {
            int line = 0;
            while (true)
            {
                string?[] cells;
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }

                    cells = [.. ((IDictionary<string, object?>)rows.Current).Values.Select(Text)];
                }
                catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
                {
                    // MiniExcel parses what it is given; a damaged workbook may fail in many ways, none of them Levy's to show.
                    throw NotAWorkbook(source, line + 1, ex);
                }

                line++;
                yield return new SourceRow(line, cells);
            }
        }
    }

    private static RefundInputException NotAWorkbook(string source, int line, Exception ex) =>
        new(source, line, RefundMessages.FileField, InputMessages.Format(RefundMessages.NotAWorkbook, ex.Message));

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

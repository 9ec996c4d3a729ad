using System.Globalization;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace Levy.Refunds.Import;

/// <summary>A row of a table file: its line (1 is the header) and its cells as text.</summary>
/// <param name="Line">The file line (CSV) or sheet row (XLSX).</param>
/// <param name="Cells">The cells, as text; null for an empty cell.</param>
public readonly record struct SourceRow(int Line, string?[] Cells);

/// <summary>The formats an export may come in.</summary>
public enum TableFormat
{
    /// <summary>Comma-separated values (RFC 4180), UTF-8.</summary>
    Csv,

    /// <summary>An Excel workbook (the first sheet).</summary>
    Xlsx,
}

/// <summary>Reads CSV (with Sep) or XLSX (with MiniExcel) files row by row, without holding the file in memory.</summary>
public static class TabularSource
{
    /// <summary>The format of a file by its extension (<c>.xlsx</c> is XLSX, anything else CSV).</summary>
    public static TableFormat FormatOf(string fileName) =>
        Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? TableFormat.Xlsx : TableFormat.Csv;

    /// <summary>The rows of a file, the header first.</summary>
    /// <param name="stream">The content (read once, forward).</param>
    /// <param name="format">CSV or XLSX.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <exception cref="RefundInputException">The file is not a CSV or XLSX file Levy can read (thrown while enumerating).</exception>
    public static IEnumerable<SourceRow> Read(Stream stream, TableFormat format, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return format == TableFormat.Xlsx ? ReadXlsx(stream, source) : ReadCsv(stream, source);
    }

    private static IEnumerable<SourceRow> ReadCsv(Stream stream, string source)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        using SepReader sep = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(reader);
        bool first = true;
        foreach (SepReader.Row row in sep)
        {
            var cells = new string?[row.ColCount];
            for (int i = 0; i < cells.Length; i++)
            {
                ReadOnlySpan<char> span = row[i].Span.Trim();
                cells[i] = span.IsEmpty ? null : span.ToString();
            }

            // Sep numbers the first row of a file without header as line 2 (it reads it as a header first); it is line 1.
            yield return new SourceRow(first ? 1 : row.LineNumberFrom, cells);
            first = false;
        }
    }

    private static IEnumerable<SourceRow> ReadXlsx(Stream stream, string source)
    {
        IEnumerator<dynamic> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException)
        {
            throw new RefundInputException(source, 0, "file", $"is not an XLSX workbook Levy can read ({ex.Message})");
        }

        using (rows)
        {
            int line = 0;
            while (true)
            {
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or NotSupportedException)
                {
                    throw new RefundInputException(source, line + 1, "file", $"is not an XLSX workbook Levy can read ({ex.Message})");
                }

                line++;
                var cells = ((IDictionary<string, object?>)rows.Current).Values.Select(Text).ToArray();
                yield return new SourceRow(line, cells);
            }
        }
    }

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

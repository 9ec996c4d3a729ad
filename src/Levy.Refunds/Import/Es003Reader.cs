using System.Globalization;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Core.Inputs;

namespace Levy.Refunds.Import;

/// <summary>One row of an ES-003-style export, read and validated.</summary>
public sealed record Es003Row
{
    /// <summary>The file line.</summary>
    public required int Line { get; init; }

    /// <summary>The entry number.</summary>
    public required EntryNumber Entry { get; init; }

    /// <summary>The entry summary line number.</summary>
    public required int LineNumber { get; init; }

    /// <summary>The HTS number of the row.</summary>
    public required HtsCode Hts { get; init; }

    /// <summary>The country of origin.</summary>
    public required CountryCode Origin { get; init; }

    /// <summary>The entered value on the row.</summary>
    public required decimal Value { get; init; }

    /// <summary>The duty on the row.</summary>
    public required decimal Duty { get; init; }

    /// <summary>The quantity, if given.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>The SPI, if given.</summary>
    public string? Program { get; init; }

    /// <summary>The importer.</summary>
    public required string Importer { get; init; }

    /// <summary>The entry type code.</summary>
    public string? EntryType { get; init; }

    /// <summary>The entry date.</summary>
    public required DateOnly EntryDate { get; init; }

    /// <summary>The entry summary date.</summary>
    public required DateOnly SummaryDate { get; init; }

    /// <summary>The deposit date.</summary>
    public DateOnly? DepositDate { get; init; }

    /// <summary>The liquidation date.</summary>
    public DateOnly? LiquidationDate { get; init; }

    /// <summary>The liquidation status.</summary>
    public string? LiquidationStatus { get; init; }

    /// <summary>The port.</summary>
    public string? Port { get; init; }

    /// <summary>Steel share.</summary>
    public decimal? SteelShare { get; init; }

    /// <summary>Aluminum share.</summary>
    public decimal? AluminumShare { get; init; }

    /// <summary>Copper share.</summary>
    public decimal? CopperShare { get; init; }
}

/// <summary>A row that could not be read, or a line that cannot be built: the file, line, field, value and reason.</summary>
/// <param name="Line">The file line.</param>
/// <param name="Field">The field.</param>
/// <param name="Value">The value found.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RowError(int Line, string Field, string? Value, string Message);

/// <summary>Reads the rows of an ES-003-style export into <see cref="Es003Row"/>s or <see cref="RowError"/>s: one result
/// per row, never a silent drop.</summary>
public static class Es003Reader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "yyyyMMdd", "yyyy-MM-ddTHH:mm:ss", "MM/dd/yyyy HH:mm:ss", "M/d/yyyy h:mm:ss tt"];

    /// <summary>Reads a table: the first row is the header.</summary>
    /// <param name="rows">The table.</param>
    /// <param name="source">The file name.</param>
    /// <param name="overrides">Column → field overrides.</param>
    /// <returns>Each data row, read or as an error.</returns>
    /// <exception cref="RefundInputException">The file is empty or its header lacks a required field (thrown on enumeration).</exception>
    public static IEnumerable<(Es003Row? Row, RowError? Error)> Read(IEnumerable<SourceRow> rows, string source, IReadOnlyDictionary<string, string>? overrides)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Es003ColumnMap? map = null;
        foreach (SourceRow row in rows)
        {
            if (map is null)
            {
                map = Es003ColumnMap.From([.. row.Cells.Select(c => c ?? string.Empty)], overrides, source);
                continue;
            }

            if (row.Cells.All(c => c is null))
            {
                continue; // a blank line (a trailing line of an Excel export) is not data
            }

            yield return Parse(row, map);
        }

        if (map is null)
        {
            throw new RefundInputException(source, 1, "header", "the file is empty; an ES-003 export starts with a header row");
        }
    }

    private static (Es003Row?, RowError?) Parse(SourceRow row, Es003ColumnMap map)
    {
        string? Cell(string field) => map[field] is int i and >= 0 && i < row.Cells.Length ? row.Cells[i] : null;
        (Es003Row?, RowError?) Fail(string field, string message) => (null, new RowError(row.Line, field, Cell(field), message));

        string? entryText = Cell(Es003Fields.EntryNumber);
        if (!EntryNumber.TryParse(entryText, out EntryNumber entry, out string? entryError))
        {
            return Fail(Es003Fields.EntryNumber, entryError);
        }

        if (!int.TryParse(Cell(Es003Fields.LineNumber), NumberStyles.Integer, CultureInfo.InvariantCulture, out int lineNumber) || lineNumber is < 1 or > 9999)
        {
            return Fail(Es003Fields.LineNumber, "is not a line number (1 to 9999)");
        }

        if (!HtsCode.TryParse(Cell(Es003Fields.Hts), out HtsCode hts, out string? htsError) || !(hts.IsTariffLine || hts.IsStatisticalLine))
        {
            return Fail(Es003Fields.Hts, htsError ?? "is not an 8- or 10-digit HTS number");
        }

        if (hts.IsChapter99 && hts.IsStatisticalLine && hts.Value % 100 == 0)
        {
            hts = hts.Truncate(8); // ACE prints Chapter 99 numbers with ten digits, 9903012500 for heading 9903.01.25
        }

        if (!CountryCode.TryParse(Cell(Es003Fields.Origin)?.ToUpperInvariant(), out CountryCode origin))
        {
            return Fail(Es003Fields.Origin, "is not a two-letter ISO country code");
        }

        if (!TryAmount(Cell(Es003Fields.Value), out decimal value) || value < 0)
        {
            return Fail(Es003Fields.Value, "is not an amount in USD of zero or more");
        }

        if (!TryAmount(Cell(Es003Fields.Duty), out decimal duty) || duty < 0)
        {
            return Fail(Es003Fields.Duty, "is not an amount in USD of zero or more");
        }

        if (!TryDate(Cell(Es003Fields.EntryDate), out DateOnly entryDate))
        {
            return Fail(Es003Fields.EntryDate, "is not a date (yyyy-mm-dd or mm/dd/yyyy)");
        }

        DateOnly summaryDate = entryDate;
        if (Cell(Es003Fields.SummaryDate) is { } s && !TryDate(s, out summaryDate))
        {
            return Fail(Es003Fields.SummaryDate, "is not a date (yyyy-mm-dd or mm/dd/yyyy)");
        }

        DateOnly? deposit = null, liquidation = null;
        if (Cell(Es003Fields.DepositDate) is { } d)
        {
            if (!TryDate(d, out DateOnly dd))
            {
                return Fail(Es003Fields.DepositDate, "is not a date (yyyy-mm-dd or mm/dd/yyyy)");
            }

            deposit = dd;
        }

        if (Cell(Es003Fields.LiquidationDate) is { } l)
        {
            if (!TryDate(l, out DateOnly ld))
            {
                return Fail(Es003Fields.LiquidationDate, "is not a date (yyyy-mm-dd or mm/dd/yyyy)");
            }

            if (ld < entryDate)
            {
                return Fail(Es003Fields.LiquidationDate, $"is before the entry date {entryDate:yyyy-MM-dd}");
            }

            liquidation = ld;
        }

        decimal? quantity = null;
        if (Cell(Es003Fields.Quantity) is { } q)
        {
            if (!TryAmount(q, out decimal qv) || qv < 0)
            {
                return Fail(Es003Fields.Quantity, "is not a quantity of zero or more");
            }

            quantity = qv;
        }

        decimal? steel = null, aluminum = null, copper = null;
        foreach ((string field, Action<decimal> set) in new (string, Action<decimal>)[]
        {
            (Es003Fields.SteelShare, v => steel = v), (Es003Fields.AluminumShare, v => aluminum = v), (Es003Fields.CopperShare, v => copper = v),
        })
        {
            if (Cell(field) is { } text)
            {
                if (!ExcelNumber.TryParse(text, out decimal share, out bool percent) || (percent ? share / 100m : share) is < 0 or > 1)
                {
                    return Fail(field, "is not a share between 0 and 1 (or 0% to 100%)");
                }

                set(percent ? share / 100m : share);
            }
        }

        string? type = Cell(Es003Fields.EntryType);
        if (type is not null && (type.Length > 2 || !type.All(char.IsAsciiDigit)))
        {
            return Fail(Es003Fields.EntryType, "is not a two-digit entry type code");
        }

        return (new Es003Row
        {
            Line = row.Line,
            Entry = entry,
            LineNumber = lineNumber,
            Hts = hts,
            Origin = origin,
            Value = value,
            Duty = duty,
            Quantity = quantity,
            Program = Cell(Es003Fields.Program)?.ToUpperInvariant(),
            Importer = Cell(Es003Fields.Importer) ?? "(not given)",
            EntryType = type?.PadLeft(2, '0'),
            EntryDate = entryDate,
            SummaryDate = summaryDate,
            DepositDate = deposit,
            LiquidationDate = liquidation,
            LiquidationStatus = Cell(Es003Fields.LiquidationStatus),
            Port = Cell(Es003Fields.Port),
            SteelShare = steel,
            AluminumShare = aluminum,
            CopperShare = copper,
        }, null);
    }

    private static bool TryAmount(string? text, out decimal value)
    {
        value = 0;
        return text is not null && ExcelNumber.TryParse(text, out value, out bool percent) && !percent;
    }

    private static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        if (text is null)
        {
            return false;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime dt))
        {
            date = DateOnly.FromDateTime(dt);
            return date.Year is >= 2000 and <= 2100;
        }

        return false;
    }
}

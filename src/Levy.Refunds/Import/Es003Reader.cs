using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Levy.Core.Inputs;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Data.Batch;

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
/// <remarks>
/// <para>Every value is read through the table of user inputs (<see cref="UserInputs"/>, surface
/// <see cref="InputSurface.Export"/>): the same readers, bounds and messages as a duty batch — amounts up to
/// <see cref="InputBounds.MaxAmount"/>, shares from 0 to 1 or 0% to 100%, HTS numbers of 8 or 10 digits, ISO countries
/// — with dates as ACE writes them (<see cref="InputDates.Export"/>).</para>
/// <para>A row damaged as a whole (a quote never closed, a line too long: <see cref="SourceRow.Damage"/>), a row with
/// more values than the header has columns, and a field Levy reads that holds bytes which are not UTF-8 are error rows
/// naming the field. A row with no value in any column (an empty line, or only commas, as spreadsheets leave at the end
/// of an export) holds nothing and is not a row.</para>
/// </remarks>
public static class Es003Reader
{
    /// <summary>The inputs of an export row, with their fields (<see cref="InputField.Export"/>), in the order they are
    /// checked.</summary>
    public static IReadOnlyList<InputField> Inputs { get; } =
    [
        UserInputs.EntrySummaryNumber, UserInputs.EntryLineNumber, UserInputs.RowHts, UserInputs.Origin, UserInputs.CustomsValue, UserInputs.DutyPaid,
        UserInputs.ExportEntryDate, UserInputs.SummaryDate, UserInputs.DepositDate, UserInputs.LiquidationDate, UserInputs.Quantity1,
        UserInputs.SteelShare, UserInputs.AluminumShare, UserInputs.CopperShare, UserInputs.EntryTypeCode, UserInputs.Program, UserInputs.Importer,
        UserInputs.LiquidationStatus, UserInputs.Port,
    ];

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
        string[] header = [];
        foreach (SourceRow row in rows)
        {
            if (map is null)
            {
                header = [.. row.Cells.Select(c => c ?? string.Empty)];
                map = Es003ColumnMap.From(header, overrides, source);
                continue;
            }

            if (row.Damage is null && row.Cells.All(c => c is null))
            {
                continue; // a blank line (a trailing line of an Excel export) is not data
            }

            yield return Parse(row, map, header);
        }

        if (map is null)
        {
            throw new RefundInputException(source, 1, RefundMessages.HeaderField, RefundMessages.EmptyExport);
        }
    }

    private static (Es003Row?, RowError?) Parse(SourceRow row, Es003ColumnMap map, string[] header)
    {
        string? Cell(InputField input) => map[input.Export!] is int i and >= 0 && i < row.Cells.Length ? row.Cells[i] : null;
        (Es003Row?, RowError?) Fail(InputField input, string reason) => (null, new RowError(row.Line, input.Export!, Cell(input), reason));

        if (ExportRows.Unreadable(row, header, map.FieldAt, Inputs.Select(i => (i, Cell(i)))) is { } unreadable)
        {
            return (null, unreadable);
        }

        string? reason;
        if (!UserInputs.EntrySummaryNumber.TryRead(Cell(UserInputs.EntrySummaryNumber), out EntryNumber entry, out reason))
        {
            return Fail(UserInputs.EntrySummaryNumber, reason);
        }

        if (!UserInputs.EntryLineNumber.TryRead(Cell(UserInputs.EntryLineNumber), out int lineNumber, out reason))
        {
            return Fail(UserInputs.EntryLineNumber, reason);
        }

        if (!UserInputs.RowHts.TryRead(Cell(UserInputs.RowHts), out HtsCode hts, out reason))
        {
            return Fail(UserInputs.RowHts, reason);
        }

        if (hts.IsChapter99 && hts.IsStatisticalLine && hts.Value % 100 == 0)
        {
            hts = hts.Truncate(8); // ACE prints Chapter 99 numbers with ten digits, 9903012500 for heading 9903.01.25
        }

        if (!UserInputs.Origin.TryRead(Cell(UserInputs.Origin), out CountryCode origin, out reason))
        {
            return Fail(UserInputs.Origin, reason);
        }

        if (!UserInputs.CustomsValue.TryRead(Cell(UserInputs.CustomsValue), out decimal value, out reason))
        {
            return Fail(UserInputs.CustomsValue, reason);
        }

        if (!UserInputs.DutyPaid.TryRead(Cell(UserInputs.DutyPaid), out decimal duty, out reason))
        {
            return Fail(UserInputs.DutyPaid, reason);
        }

        if (!UserInputs.ExportEntryDate.TryRead(Cell(UserInputs.ExportEntryDate), out DateOnly entryDate, out reason))
        {
            return Fail(UserInputs.ExportEntryDate, reason);
        }

        if (!Optional(UserInputs.SummaryDate, Cell(UserInputs.SummaryDate), out DateOnly? summaryDate, out reason))
        {
            return Fail(UserInputs.SummaryDate, reason);
        }

        if (!Optional(UserInputs.DepositDate, Cell(UserInputs.DepositDate), out DateOnly? deposit, out reason))
        {
            return Fail(UserInputs.DepositDate, reason);
        }

        if (!Optional(UserInputs.LiquidationDate, Cell(UserInputs.LiquidationDate), out DateOnly? liquidation, out reason))
        {
            return Fail(UserInputs.LiquidationDate, reason);
        }

        if (liquidation < entryDate)
        {
            return Fail(UserInputs.LiquidationDate, InputMessages.Format(RefundMessages.LiquidatedBeforeEntry, entryDate));
        }

        if (!Optional(UserInputs.Quantity1, Cell(UserInputs.Quantity1), out decimal? quantity, out reason))
        {
            return Fail(UserInputs.Quantity1, reason);
        }

        Span<decimal?> metal = stackalloc decimal?[3];
        InputField[] shares = [UserInputs.SteelShare, UserInputs.AluminumShare, UserInputs.CopperShare];
        for (int i = 0; i < shares.Length; i++)
        {
            if (!Optional(shares[i], Cell(shares[i]), out metal[i], out reason))
            {
                return Fail(shares[i], reason);
            }
        }

        int? type = null;
        if (Cell(UserInputs.EntryTypeCode) is { } typeText)
        {
            if (!UserInputs.EntryTypeCode.TryRead(typeText, out int t, out reason))
            {
                return Fail(UserInputs.EntryTypeCode, reason);
            }

            type = t;
        }

        if (!Text(UserInputs.Program, Cell(UserInputs.Program), out string? program, out reason))
        {
            return Fail(UserInputs.Program, reason);
        }

        if (!Text(UserInputs.Importer, Cell(UserInputs.Importer), out string? importer, out reason))
        {
            return Fail(UserInputs.Importer, reason);
        }

        if (!Text(UserInputs.LiquidationStatus, Cell(UserInputs.LiquidationStatus), out string? status, out reason))
        {
            return Fail(UserInputs.LiquidationStatus, reason);
        }

        if (!Text(UserInputs.Port, Cell(UserInputs.Port), out string? port, out reason))
        {
            return Fail(UserInputs.Port, reason);
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
            Program = program,
            Importer = importer ?? "(not given)",
            EntryType = type?.ToString("00", CultureInfo.InvariantCulture),
            EntryDate = entryDate,
            SummaryDate = summaryDate ?? entryDate,
            DepositDate = deposit,
            LiquidationDate = liquidation,
            LiquidationStatus = status,
            Port = port,
            SteelShare = metal[0],
            AluminumShare = metal[1],
            CopperShare = metal[2],
        }, null);
    }

    // An optional number or date: blank is null; anything else is read by its input.
    private static bool Optional(InputField input, string? text, out decimal? value, [NotNullWhen(false)] out string? reason)
    {
        value = null;
        reason = null;
        if (text is null)
        {
            return true;
        }

        if (!input.TryRead(text, out decimal v, out reason))
        {
            return false;
        }

        value = v;
        return true;
    }

    private static bool Optional(InputField input, string? text, out DateOnly? value, [NotNullWhen(false)] out string? reason)
    {
        value = null;
        reason = null;
        if (text is null)
        {
            return true;
        }

        if (!input.TryRead(text, out DateOnly d, out reason))
        {
            return false;
        }

        value = d;
        return true;
    }

    // Optional text (a program, a name): blank is null.
    private static bool Text(InputField input, string? text, out string? value, [NotNullWhen(false)] out string? reason)
    {
        value = null;
        reason = null;
        return text is null || input.TryReadText(text, out value, out reason);
    }
}

using System.Collections.Frozen;

namespace Levy.Refunds.Import;

/// <summary>The fields Levy reads from an ES-003-style line-tariff export (or a broker's export), each with the column
/// names it is known by: the names of ACE's ES-003 "Entry Summary Line Tariff Details" report first, then the aliases
/// brokers' exports use. Names match ignoring case, spaces and punctuation; <c>--map "Column=field"</c> adds any other.</summary>
/// <remarks>One row of the file is one HTS number of an entry summary line (the chapter 1–97 number, or a Chapter 99
/// number with the duty charged under it). The list is documented in docs/refunds.md.</remarks>
public static class Es003Fields
{
    /// <summary>The entry number (filer code, 7 digits, check digit).</summary>
    public const string EntryNumber = "entry_number";

    /// <summary>The entry summary line number.</summary>
    public const string LineNumber = "line_number";

    /// <summary>The HTS number of the row (chapter 1–97 or Chapter 99).</summary>
    public const string Hts = "hts";

    /// <summary>The country of origin (ISO code).</summary>
    public const string Origin = "origin";

    /// <summary>The entered value on the row (the chapter 1–97 row carries the line's value).</summary>
    public const string Value = "value";

    /// <summary>The duty charged on the row's HTS number.</summary>
    public const string Duty = "duty";

    /// <summary>The quantity on the chapter 1–97 number.</summary>
    public const string Quantity = "quantity";

    /// <summary>The Special Program Indicator claimed.</summary>
    public const string Program = "program";

    /// <summary>The importer of record number.</summary>
    public const string Importer = "importer";

    /// <summary>The entry type code.</summary>
    public const string EntryType = "entry_type";

    /// <summary>The entry date.</summary>
    public const string EntryDate = "entry_date";

    /// <summary>The entry summary date.</summary>
    public const string SummaryDate = "summary_date";

    /// <summary>The date the duties were paid.</summary>
    public const string DepositDate = "deposit_date";

    /// <summary>The liquidation date.</summary>
    public const string LiquidationDate = "liquidation_date";

    /// <summary>The liquidation status.</summary>
    public const string LiquidationStatus = "liquidation_status";

    /// <summary>The port of entry.</summary>
    public const string Port = "port";

    /// <summary>Steel share of the value (Levy's own column, for Section 232 derivatives).</summary>
    public const string SteelShare = "steel_share";

    /// <summary>Aluminum share of the value.</summary>
    public const string AluminumShare = "aluminum_share";

    /// <summary>Copper share of the value.</summary>
    public const string CopperShare = "copper_share";

    /// <summary>The fields a file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [EntryNumber, LineNumber, Hts, Origin, Value, Duty, EntryDate];

    /// <summary>Every field with its names: the ES-003 name first.</summary>
    public static IReadOnlyList<(string Field, string[] Names)> Names { get; } =
    [
        (EntryNumber, ["Entry Summary Number", "Entry Number", "Entry No", "Entry Num", "Entry"]),
        (LineNumber, ["Entry Summary Line Number", "Line Number", "Line No", "Line Num", "Line"]),
        (Hts, ["HTS Number", "Tariff Number", "HTS Code", "HTSUS Number", "HTSUS", "HTS", "Tariff"]),
        (Origin, ["Country of Origin Code", "Country of Origin", "Origin Country", "COO", "Origin"]),
        (Value, ["Line Tariff Goods Value Amount", "Line Goods Value Amount", "Entered Value", "Line Entered Value", "Value"]),
        (Duty, ["Line Tariff Duty Amount", "Line Duty Amount", "Duty Amount", "Duty"]),
        (Quantity, ["Line Tariff Quantity", "Quantity 1", "Quantity"]),
        (Program, ["Line Special Program Indicator Code", "Line SPI Code", "SPI Code", "SPI", "Special Program Indicator", "Program"]),
        (Importer, ["Importer Number", "Importer of Record Number", "IOR Number", "Importer of Record", "IOR", "Importer"]),
        (EntryType, ["Entry Type Code", "Entry Type"]),
        (EntryDate, ["Entry Date"]),
        (SummaryDate, ["Entry Summary Date", "Summary Date"]),
        (DepositDate, ["Payment Date", "Deposit Date", "Statement Date", "Duty Paid Date"]),
        (LiquidationDate, ["Liquidation Date", "Entry Summary Liquidation Date"]),
        (LiquidationStatus, ["Liquidation Status", "Entry Summary Liquidation Status", "Liquidation Status Code"]),
        (Port, ["Port of Entry Code", "Entry Port Code", "Port Code", "Port of Entry", "Port"]),
        (SteelShare, ["Steel Share"]),
        (AluminumShare, ["Aluminum Share", "Aluminium Share"]),
        (CopperShare, ["Copper Share"]),
    ];

    private static readonly FrozenDictionary<string, string> ByNormalizedName = Names
        .SelectMany(n => n.Names.Append(n.Field).Select(name => (Key: Normalize(name), n.Field)))
        .DistinctBy(p => p.Key)
        .ToFrozenDictionary(p => p.Key, p => p.Field);

    /// <summary>Every field name.</summary>
    public static IEnumerable<string> All => Names.Select(n => n.Field);

    /// <summary>The field a column name stands for, or null.</summary>
    public static string? FieldFor(string columnName) => ByNormalizedName.GetValueOrDefault(Normalize(columnName));

    /// <summary>The name without case, spaces or punctuation.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
    }
}

/// <summary>Which column holds which field, from a header and the user's <c>--map</c> overrides.</summary>
public sealed class Es003ColumnMap
{
    private readonly Dictionary<string, int> _columns;

    private Es003ColumnMap(Dictionary<string, int> columns) => _columns = columns;

    /// <summary>The column of a field, or -1.</summary>
    public int this[string field] => _columns.GetValueOrDefault(field, -1);

    /// <summary>The fields found.</summary>
    public IReadOnlyCollection<string> Fields => _columns.Keys;

    /// <summary>Maps a header.</summary>
    /// <param name="header">The column names.</param>
    /// <param name="overrides">Column name → field, from <c>--map</c>.</param>
    /// <param name="source">The file, for messages.</param>
    /// <exception cref="RefundInputException">A required field has no column, a field has two, or an override names an
    /// unknown column or field.</exception>
    public static Es003ColumnMap From(IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? overrides, string source)
    {
        ArgumentNullException.ThrowIfNull(header);
        var columns = new Dictionary<string, int>();
        var byName = new Dictionary<string, int>();
        for (int i = 0; i < header.Count; i++)
        {
            byName.TryAdd(Es003Fields.Normalize(header[i] ?? string.Empty), i);
        }

        foreach ((string column, string field) in overrides ?? new Dictionary<string, string>())
        {
            if (!Es003Fields.All.Contains(field))
            {
                throw new RefundInputException(source, 1, "--map", $"\"{field}\" is not a field; the fields are {string.Join(", ", Es003Fields.All)}");
            }

            if (!byName.TryGetValue(Es003Fields.Normalize(column), out int index))
            {
                throw new RefundInputException(source, 1, "--map", $"the header has no column \"{column}\"");
            }

            columns[field] = index;
        }

        for (int i = 0; i < header.Count; i++)
        {
            if (Es003Fields.FieldFor(header[i] ?? string.Empty) is { } field && !columns.ContainsKey(field) && !columns.ContainsValue(i))
            {
                columns[field] = i;
            }
        }

        string[] missing = [.. Es003Fields.Required.Where(f => !columns.ContainsKey(f))];
        if (missing.Length > 0)
        {
            string names = string.Join("; ", missing.Select(f => $"{f} (\"{Es003Fields.Names.First(n => n.Field == f).Names[0]}\")"));
            throw new RefundInputException(source, 1, "header",
                $"no column for {names}; the header has {string.Join(", ", header.Select(h => $"\"{h}\""))}. Use --map \"Your Column=field\"");
        }

        return new Es003ColumnMap(columns);
    }
}

/// <summary>An input file that cannot be read at all (its header, its format), named with the file and line.</summary>
public sealed class RefundInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RefundInputException(string file, int line, string field, string message)
        : base($"{file}, line {line}, {field}: {message}")
    {
        File = file;
        Line = line;
        Field = field;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The line.</summary>
    public int Line { get; }

    /// <summary>The field or "header".</summary>
    public string Field { get; }
}

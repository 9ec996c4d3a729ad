using System.Collections.Immutable;
using nietras.SeparatedValues;

namespace Levy.Data.Tables;

/// <summary>A small CSV table read whole into memory (policy tables have at most tens of thousands of rows), with error
/// messages that name the file, line and column.</summary>
/// <remarks>Reading accepts a byte-order mark, quoted fields and <c>#</c> comment lines before the header.
/// Immutable and thread-safe once read.</remarks>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, ImmutableArray<string> header, ImmutableArray<CsvRecord> records)
    {
        File = file;
        Header = header;
        Records = records;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Length; i++)
        {
            _columns.TryAdd(header[i], i);
        }

        foreach (CsvRecord r in records)
        {
            r.Table = this;
        }
    }

    /// <summary>True when <c>NA</c> and <c>NULL</c> mean blank (R-style tables); false for tables where NA is a value
    /// (Namibia's ISO code).</summary>
    public bool NaIsBlank { get; set; } = true;

    /// <summary>The file name, for messages.</summary>
    public string File { get; }

    /// <summary>The column names.</summary>
    public ImmutableArray<string> Header { get; }

    /// <summary>The data rows.</summary>
    public ImmutableArray<CsvRecord> Records { get; }

    /// <summary>Reads a CSV file and checks that the named columns exist.</summary>
    /// <exception cref="CsvDataException">The file is missing, empty, or lacks a required column.</exception>
    public static CsvTable Read(string path, params string[] requiredColumns)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new CsvDataException(Path.GetFileName(path), 0, null, $"file not found: {path}");
        }

        return ParseFile(System.IO.File.ReadAllText(path), Path.GetFileName(path), requiredColumns);
    }

    /// <summary>Reads a CSV file of a data folder or bundle and checks that the named columns exist.</summary>
    /// <param name="files">The data files.</param>
    /// <param name="file">The path in the data layout, e.g. <c>policy/revision_dates.csv</c>.</param>
    /// <param name="requiredColumns">Columns that must be present.</param>
    /// <exception cref="CsvDataException">The file is missing, empty, or lacks a required column.</exception>
    public static CsvTable Read(Locating.DataFiles files, string file, params string[] requiredColumns)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!files.Exists(file))
        {
            throw new CsvDataException(Path.GetFileName(file), 0, null, $"file not found: {files.Describe(file)}");
        }

        return ParseFile(files.ReadText(file), Path.GetFileName(file), requiredColumns);
    }

    /// <summary>Parses the whole text of a CSV file: comment lines (<c>#</c>) before the header are dropped, and line
    /// numbers in messages count them.</summary>
    /// <exception cref="CsvDataException">The text is empty or lacks a required column.</exception>
    internal static CsvTable ParseFile(string allText, string file, params string[] requiredColumns)
    {
        // Comment lines before the header (country_eo_exempt_products.csv starts with '#' lines) are dropped here.
        string[] allLines = allText.Split('\n');
        int skip = 0;
        while (skip < allLines.Length && allLines[skip].TrimStart('\uFEFF').StartsWith('#'))
        {
            skip++;
        }

        string text = string.Join('\n', allLines.Skip(skip));
        return Parse(text, file, skip, requiredColumns);
    }

    /// <summary>Parses CSV text.</summary>
    /// <param name="text">The content.</param>
    /// <param name="file">The name used in messages.</param>
    /// <param name="lineOffset">Lines dropped before the text (for line numbers in messages).</param>
    /// <param name="requiredColumns">Columns that must be present.</param>
    /// <exception cref="CsvDataException">The text is empty or lacks a required column.</exception>
    public static CsvTable Parse(string text, string file, int lineOffset, params string[] requiredColumns)
    {
        text = text.TrimStart('\uFEFF');
        if (text.Trim().Length == 0)
        {
            throw new CsvDataException(file, 1, null, "the file is empty (no header row)");
        }

        using SepReader reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
        ImmutableArray<string> header = reader.Header.ColNames.Select(c => c.Trim()).ToImmutableArray();
        foreach (string required in requiredColumns)
        {
            if (!header.Contains(required, StringComparer.OrdinalIgnoreCase))
            {
                throw new CsvDataException(file, 1 + lineOffset, required,
                    $"the header lacks column \"{required}\" (found: {string.Join(", ", header)})");
            }
        }

        var records = ImmutableArray.CreateBuilder<CsvRecord>();
        foreach (SepReader.Row row in reader)
        {
            string[] values = new string[header.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = i < row.ColCount ? row[i].ToString() : string.Empty;
            }

            records.Add(new CsvRecord(row.LineNumberFrom + lineOffset, values));
        }

        return new CsvTable(file, header, records.ToImmutable());
    }

    internal int ColumnIndex(string column) =>
        _columns.TryGetValue(column, out int i) ? i : throw new CsvDataException(File, 1, column, $"no column \"{column}\"");

    internal bool HasColumn(string column) => _columns.ContainsKey(column);
}

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
public sealed class CsvRecord
{
    private readonly string[] _values;

    internal CsvRecord(int line, string[] values)
    {
        Line = line;
        _values = values;
    }

    /// <summary>The line number in the file (1 is the header).</summary>
    public int Line { get; }

    internal CsvTable Table { get; set; } = null!;

    /// <summary>The trimmed value of a column; empty when blank.</summary>
    public string this[string column] => _values[Table.ColumnIndex(column)].Trim();

    /// <summary>The value, or null when blank or <c>NA</c>.</summary>
    public string? Optional(string column)
    {
        if (!Table.HasColumn(column))
        {
            return null;
        }

        string v = this[column];
        return v.Length == 0 || (Table.NaIsBlank && v is "NA" or "NULL" or "null") ? null : v;
    }

    /// <summary>The value; blank is an error naming the file, line and column.</summary>
    /// <exception cref="CsvDataException">The value is blank.</exception>
    public string Required(string column) =>
        Optional(column) ?? throw Error(column, "is blank");

    /// <summary>An ISO date (<c>2025-04-05</c>), or null when blank or <c>NA</c>.</summary>
    /// <exception cref="CsvDataException">The value is not an ISO date.</exception>
    public DateOnly? OptionalDate(string column)
    {
        string? v = Optional(column);
        if (v is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(v, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly d)
            ? d
            : throw Error(column, $"is not a date (yyyy-MM-dd): \"{v}\"");
    }

    /// <summary>A required ISO date.</summary>
    /// <exception cref="CsvDataException">The value is blank or not a date.</exception>
    public DateOnly Date(string column) => OptionalDate(column) ?? throw Error(column, "is blank");

    /// <summary>A required decimal number in invariant format.</summary>
    /// <exception cref="CsvDataException">The value is blank or not a number.</exception>
    public decimal Decimal(string column)
    {
        string v = Required(column);
        return decimal.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal d)
            ? d
            : throw Error(column, $"is not a number: \"{v}\"");
    }

    /// <summary>An error about this row.</summary>
    public CsvDataException Error(string column, string problem) => new(Table.File, Line, column, $"\"{column}\" {problem}");
}

/// <summary>Thrown when a CSV data file is missing, malformed, or holds a value that cannot be read.</summary>
public sealed class CsvDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CsvDataException(string file, int line, string? column, string problem)
        : base(line > 0 ? $"{file}, line {line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The line (1 is the header), or 0 for the file as a whole.</summary>
    public int Line { get; }

    /// <summary>The column, when one is at fault.</summary>
    public string? Column { get; }
}

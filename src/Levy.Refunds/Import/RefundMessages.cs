namespace Levy.Refunds.Import;

/// <summary>What the refund imports say about a file, its header and the rows that do not fit together, in one place so
/// tests can assert against them. A value refused by its input is worded by <see cref="Core.Inputs.InputMessages"/>, and
/// damage to a row (a quote never closed, a line too long) by <see cref="Data.Batch.BatchMessages"/>, as in duty batches.
/// Placeholders are composite-format indexes (<see cref="Core.Inputs.InputMessages.Format"/>).</summary>
public static class RefundMessages
{
    /// <summary>The field an error about the header names.</summary>
    public const string HeaderField = "header";

    /// <summary>The field an error about the file as a whole names.</summary>
    public const string FileField = "file";

    /// <summary>The field an error about a whole row names (as in duty batches).</summary>
    public const string RowField = Data.Batch.BatchMessages.RowField;

    /// <summary>The field an error about <c>--map</c> names.</summary>
    public const string MapField = "--map";

    /// <summary>An export without even a header.</summary>
    public const string EmptyExport = "the file is empty; an ES-003 export starts with a header row";

    /// <summary>A refund report without even a header.</summary>
    public const string EmptyRefundReport = "the refund report is empty; it starts with a header row";

    /// <summary>{0} the required fields without a column, with the ES-003 name of each; {1} the header's columns.</summary>
    public const string MissingColumns = "no column for {0}; the header has {1}. Use --map \"Your Column=field\"";

    /// <summary>{0} the field, {1} the first column, {2} the second.</summary>
    public const string TwoColumnsForField = "the columns \"{1}\" and \"{2}\" are both {0}; choose one with --map \"{1}={0}\"";

    /// <summary>{0} the field named, {1} every field.</summary>
    public const string UnknownField = "\"{0}\" is not a field; the fields are {1}";

    /// <summary>{0} the column named.</summary>
    public const string UnknownColumn = "the header has no column \"{0}\"";

    /// <summary>{0} the entry number column, {1} the principal column, {2} the header's columns.</summary>
    public const string RefundReportColumns = "a refund report needs \"{0}\" and \"{1}\" columns; the header has {2}";

    /// <summary>{0} what the reader said.</summary>
    public const string NotAWorkbook = "is not an XLSX workbook Levy can read ({0})";

    /// <summary>{0} the entry number.</summary>
    public const string EntryNotTogether = "entry {0} appeared earlier in the file: the rows of an entry must be together";

    /// <summary>{0} the first line of the entry, {1} the value there.</summary>
    public const string DiffersWithinEntry = "differs from line {0} of the same entry ({1})";

    /// <summary>{0} the line number, {1} the entry.</summary>
    public const string LineNotTogether = "line {0} of entry {1} appeared earlier: the rows of a line must be together";

    /// <summary>{0} the line number, {1} the entry, {2} the number it already has, {3} the file line of that number.</summary>
    public const string TwoBaseNumbers = "line {0} of entry {1} already has the chapter 1-97 number {2} (line {3}); one line has one";

    /// <summary>{0} the line number, {1} the entry.</summary>
    public const string NoBaseNumber = "line {0} of entry {1} has Chapter 99 numbers but no chapter 1-97 number";

    /// <summary>{0} the line number, {1} the entry, {2} the most.</summary>
    public const string LineDutyAboveMaximum = "the Chapter 99 duties of line {0} of entry {1} add up to more than {2:#,0.##}, the most Levy accepts";

    /// <summary>{0} the date of entry.</summary>
    public const string LiquidatedBeforeEntry = "is before the entry date {0:yyyy-MM-dd}";
}

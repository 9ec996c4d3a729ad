namespace Levy.Data.Batch;

/// <summary>The reasons of a batch's error rows and header errors that are about the file rather than one input's value
/// (those are <see cref="Core.Inputs.InputMessages"/>), in one place so tests can assert against them. Placeholders are
/// composite-format indexes (<see cref="Core.Inputs.InputMessages.Format"/>).</summary>
public static class BatchMessages
{
    /// <summary>The field named by an error that is about the whole row.</summary>
    public const string RowField = "(row)";

    /// <summary>The field named by the final record of a streamed answer that could not finish.</summary>
    public const string BatchField = "(batch)";

    /// <summary>The field named when the engine failed unexpectedly on a row.</summary>
    public const string EngineField = "(engine)";

    /// <summary>An input without even a header.</summary>
    public const string EmptyFile = "the file is empty: a header row is needed (see docs/duty.md)";

    /// <summary>A header with NUL characters.</summary>
    public const string Utf16WithoutBom = "the header holds NUL characters: the file seems to be UTF-16 without a byte-order mark; save it as UTF-8";

    /// <summary>{0} the most characters of a row.</summary>
    public const string RowTooLong = "the line has more than {0:#,0} characters, the longest row Levy reads; it is skipped";

    /// <summary>A quoted field whose quote is never closed.</summary>
    public const string UnterminatedQuote = "a double quote opens this field and is never closed; the lines after it are read as rows of their own "
        + "(a quote inside a quoted field is written twice: \"\")";

    /// <summary>{0} fields of the row, {1} columns of the header.</summary>
    public const string TooManyFields = "has {0} fields but the header has {1}: a field with a comma (such as 40,000) must be in double quotes";

    /// <summary>{0} the unit column, {1} its text.</summary>
    public const string QuantityBlankUnitGiven = "is blank but {0} is \"{1}\"";

    /// <summary>{0} the unit text.</summary>
    public const string NotAUnit = "\"{0}\" is not a unit";

    /// <summary>{0} the share column, {1} the value column.</summary>
    public const string ShareAndValue = "give either {0} or {1}, not both";

    /// <summary>{0} the metal value, {1} the customs value.</summary>
    public const string MetalAboveValue = "{0} is more than the customs value {1}";

    /// <summary>{0} the JSON kind of the line.</summary>
    public const string JsonNotObject = "is a JSON {0}, not an object";

    /// <summary>{0} the key, {1} the JSON kind of its value.</summary>
    public const string JsonNotScalar = "\"{0}\" is a JSON {1}; a string or a number was expected";

    /// <summary>{0} the parser's message, {1} the byte.</summary>
    public const string JsonInvalid = "is not valid JSON ({0}, at byte {1})";

    /// <summary>{0} the entry id, {1} the most lines of an entry.</summary>
    public const string EntryAlreadyEnded = "entry {0} already ended before this line: the lines of an entry must be one after another, at most {1:#,0}";

    /// <summary>{0} the exception's type, {1} its message.</summary>
    public const string EngineFailed = "{0}: {1}";

    /// <summary>{0} the rows written, {1} what went wrong.</summary>
    public const string StreamStopped = "the answer stopped after {0:#,0} rows because the server failed ({1}); the rows after are missing: send them again";
}

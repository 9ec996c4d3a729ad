namespace Levy.Core.Rates;

/// <summary>Thrown by <see cref="RateParser.Parse"/> when a text is not a rate. The message gives the column, what was
/// expected and what was found: <c>Cannot parse rate "4.4¢/kg + x" at column 11: expected a number, found "x".</c></summary>
/// <remarks>Hosts map it to exit code 2 (CLI) or an HTTP 400 problem with <see cref="Input"/> and <see cref="Position"/>
/// as extensions.</remarks>
public sealed class RateFormatException : FormatException
{
    /// <summary>Creates the exception for a text that could not be parsed.</summary>
    /// <param name="input">The text.</param>
    /// <param name="position">0-based index where reading stopped.</param>
    /// <param name="expected">What the grammar allowed there.</param>
    /// <param name="found">What stood there.</param>
    public RateFormatException(string input, int position, string expected, string found)
        : base(RateErrorMessages.Format(input, position, expected, found))
    {
        Input = input;
        Position = position;
        Expected = expected;
        Found = found;
    }

    internal RateFormatException(RateParseError error)
        : this(error.Input, error.Position, error.Expected, error.Found)
    {
    }

    /// <summary>The text that was parsed.</summary>
    public string Input { get; }

    /// <summary>0-based index in <see cref="Input"/> where reading stopped; the message shows it plus one, as a column.</summary>
    public int Position { get; }

    /// <summary>What the grammar allowed at <see cref="Position"/>, e.g. <c>a number</c>.</summary>
    public string Expected { get; }

    /// <summary>What stood at <see cref="Position"/>: the token in quotes, or <c>end of text</c>.</summary>
    public string Found { get; }
}

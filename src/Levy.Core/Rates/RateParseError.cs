namespace Levy.Core.Rates;

/// <summary>Why a text is not a rate: where reading stopped, what the grammar expected there and what it found.</summary>
/// <param name="Input">The text that was parsed.</param>
/// <param name="Position">0-based index in <paramref name="Input"/> where reading stopped (the message shows it 1-based, as
/// a column).</param>
/// <param name="Expected">What the grammar allowed there, e.g. <c>a number</c> (a constant of <see cref="RateErrorMessages"/>).</param>
/// <param name="Found">What stood there: the token in quotes, or <c>end of text</c>.</param>
internal sealed record RateParseError(string Input, int Position, string Expected, string Found)
{
    /// <summary>The message, e.g. <c>Cannot parse rate "4.4¢/kg + x" at column 11: expected a number, found "x".</c></summary>
    public string Message => RateErrorMessages.Format(Input, Position, Expected, Found);
}

/// <summary>The outcome of <see cref="RateParser.ParseCore"/>: a rate, or the error that stopped the parse.</summary>
internal readonly struct RateParseResult
{
    private RateParseResult(Rate? rate, RateParseError? error)
    {
        Rate = rate;
        Error = error;
    }

    /// <summary>The rate; null when the parse failed.</summary>
    public Rate? Rate { get; }

    /// <summary>The error; null when the parse succeeded.</summary>
    public RateParseError? Error { get; }

    /// <summary>A successful result.</summary>
    public static RateParseResult Success(Rate rate) => new(rate, null);

    /// <summary>A failed result.</summary>
    public static RateParseResult Failure(RateParseError error) => new(null, error);
}

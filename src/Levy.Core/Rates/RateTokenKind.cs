namespace Levy.Core.Rates;

/// <summary>The kinds of token in a rate text (docs/rate-grammar.md, "Tokens").</summary>
internal enum RateTokenKind
{
    /// <summary>The end of the text; every token stream ends with one.</summary>
    End,

    /// <summary>A decimal number: <c>4.4</c>, <c>100</c>, <c>1,000</c>.</summary>
    Number,

    /// <summary>An HTS code with two or more dots: <c>9822.04.25</c>, <c>8716.90.30</c>.</summary>
    Code,

    /// <summary>A run of letters, optionally ending in a superscript digit: <c>Free</c>, <c>kg</c>, <c>m²</c>.</summary>
    Word,

    /// <summary><c>%</c>.</summary>
    Percent,

    /// <summary><c>¢</c>.</summary>
    Cent,

    /// <summary><c>$</c>.</summary>
    Dollar,

    /// <summary><c>/</c>.</summary>
    Slash,

    /// <summary><c>+</c>.</summary>
    Plus,

    /// <summary><c>-</c>.</summary>
    Hyphen,

    /// <summary><c>,</c>.</summary>
    Comma,

    /// <summary><c>.</c> not inside a number.</summary>
    Period,

    /// <summary><c>(</c>.</summary>
    LeftParenthesis,

    /// <summary><c>)</c>.</summary>
    RightParenthesis,

    /// <summary><c>*</c> (as in the program symbol <c>A*</c>).</summary>
    Star,

    /// <summary>Any other character.</summary>
    Other,
}

/// <summary>Display names of <see cref="RateTokenKind"/> for error messages.</summary>
internal static class RateTokenKindNames
{
    /// <summary>How a token kind is named in a message: <c>a number</c>, <c>"%"</c>, <c>end of text</c>.</summary>
    internal static string DisplayName(this RateTokenKind kind) => kind switch
    {
        RateTokenKind.End => RateErrorMessages.EndOfText,
        RateTokenKind.Number => RateErrorMessages.Number,
        RateTokenKind.Code => RateErrorMessages.HtsCode,
        RateTokenKind.Word => "a word",
        RateTokenKind.Percent => "\"%\"",
        RateTokenKind.Cent => "\"¢\"",
        RateTokenKind.Dollar => "\"$\"",
        RateTokenKind.Slash => "\"/\"",
        RateTokenKind.Plus => "\"+\"",
        RateTokenKind.Hyphen => "\"-\"",
        RateTokenKind.Comma => "\",\"",
        RateTokenKind.Period => "\".\"",
        RateTokenKind.LeftParenthesis => "\"(\"",
        RateTokenKind.RightParenthesis => RateErrorMessages.ClosingParenthesis,
        RateTokenKind.Star => "\"*\"",
        _ => "a character",
    };
}

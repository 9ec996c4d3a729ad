namespace Levy.Core.Rates;

/// <summary>Splits a rate text into <see cref="RateToken"/>s, the first of the parser's two stages.</summary>
/// <remarks>
/// <para>The tokenizer is stateless: <see cref="Read"/> returns the token that starts at or after a position, so the parser
/// can look ahead by reading on from any token and go back by keeping an earlier one. Nothing is allocated.</para>
/// <para>White space and HTML tags (<c>&lt;u&gt;&lt;/u&gt;</c>, <c>&lt;il&gt;</c>, <c>&lt;sup&gt;</c>) are skipped;
/// positions stay those of the printed text, so an error message points into what the user sees. The digit inside
/// <c>m&lt;sup&gt;2&lt;/sup&gt;</c> comes out as a number right after the word <c>m</c>, which the unit rule joins
/// back into <c>m2</c>.</para>
/// <para>Numbers: digits, optionally grouped by commas in threes (<c>1,000</c>), optionally with a decimal part.
/// A run of digits with two or more dots (<c>9822.04.25</c>) is an HTS code. Words: letters, optionally followed by a
/// superscript two or three (<c>m²</c>); a dot is a token of its own, so <c>pf.</c> and <c>U.S.</c> are a word and a
/// period, or several.</para>
/// </remarks>
internal static class RateTokenizer
{
    /// <summary>The token that starts at or after <paramref name="position"/>; <see cref="RateTokenKind.End"/> when only
    /// white space and tags remain.</summary>
    public static RateToken Read(ReadOnlySpan<char> input, int position)
    {
        bool space = false;
        int i = SkipTrivia(input, position, ref space);
        if (i >= input.Length)
        {
            return new RateToken(RateTokenKind.End, input.Length, 0, space);
        }

        char c = input[i];
        if (char.IsAsciiDigit(c))
        {
            return ReadNumber(input, i, space);
        }

        if (char.IsLetter(c))
        {
            int j = i + 1;
            while (j < input.Length && char.IsLetter(input[j]))
            {
                j++;
            }

            if (j < input.Length && input[j] is '²' or '³')
            {
                j++;
            }

            return new RateToken(RateTokenKind.Word, i, j - i, space);
        }

        RateTokenKind kind = c switch
        {
            '%' => RateTokenKind.Percent,
            '¢' => RateTokenKind.Cent,
            '$' => RateTokenKind.Dollar,
            '/' => RateTokenKind.Slash,
            '+' => RateTokenKind.Plus,
            '-' => RateTokenKind.Hyphen,
            ',' => RateTokenKind.Comma,
            '.' => RateTokenKind.Period,
            '(' => RateTokenKind.LeftParenthesis,
            ')' => RateTokenKind.RightParenthesis,
            '*' => RateTokenKind.Star,
            _ => RateTokenKind.Other,
        };
        return new RateToken(kind, i, 1, space);
    }

    /// <summary>All tokens of a text, ending with <see cref="RateTokenKind.End"/> (for tests and diagnostics; the parser
    /// reads one token at a time).</summary>
    public static IReadOnlyList<RateToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<RateToken>();
        RateToken token;
        int position = 0;
        do
        {
            token = Read(text, position);
            tokens.Add(token);
            position = token.End;
        }
        while (token.Kind != RateTokenKind.End);

        return tokens;
    }

    private static RateToken ReadNumber(ReadOnlySpan<char> input, int start, bool space)
    {
        int j = SkipDigits(input, start);

        // Thousands groups: a comma followed by exactly three digits ("1,000"), never ", 9918.04.60".
        while (j < input.Length && input[j] == ',' && IsDigitRun(input, j + 1, 3)
               && (j + 4 == input.Length || !char.IsAsciiDigit(input[j + 4])))
        {
            j += 4;
        }

        int dots = 0;
        while (j + 1 < input.Length && input[j] == '.' && char.IsAsciiDigit(input[j + 1]))
        {
            dots++;
            j = SkipDigits(input, j + 1);
        }

        return new RateToken(dots >= 2 ? RateTokenKind.Code : RateTokenKind.Number, start, j - start, space);
    }

    private static int SkipDigits(ReadOnlySpan<char> input, int i)
    {
        while (i < input.Length && char.IsAsciiDigit(input[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDigitRun(ReadOnlySpan<char> input, int start, int count) =>
        start + count <= input.Length && SkipDigits(input[..(start + count)], start) == start + count;

    private static int SkipTrivia(ReadOnlySpan<char> input, int i, ref bool space)
    {
        while (i < input.Length)
        {
            if (char.IsWhiteSpace(input[i]))
            {
                space = true;
                i++;
            }
            else if (input[i] == '<' && TagLength(input[i..]) is > 0 and int length)
            {
                i += length;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    // "<u>", "</u>", "<sup>": a '<', an optional '/', a letter, then anything up to the next '>'.
    private static int TagLength(ReadOnlySpan<char> text)
    {
        int nameStart = text.Length > 1 && text[1] == '/' ? 2 : 1;
        if (nameStart >= text.Length || !char.IsAsciiLetter(text[nameStart]))
        {
            return 0;
        }

        int close = text.IndexOf('>');
        return close < 0 ? 0 : close + 1;
    }
}

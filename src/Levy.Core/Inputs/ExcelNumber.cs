using System.Globalization;

namespace Levy.Core.Inputs;

/// <summary>Reads numbers as spreadsheets write them: <c>40000</c>, <c>40,000</c>, <c>$40,000.00</c>, <c>1,234.50</c>,
/// <c>4E+04</c>, <c>" 12.5 "</c>, and for shares <c>40%</c>.</summary>
/// <remarks>
/// <para>Thousands separators must group three digits (<c>1,23</c> is rejected, so a European decimal comma is not
/// misread as a thousands separator). A leading <c>$</c> or <c>US$</c> is dropped; <c>USD</c> may trail. Parentheses
/// (accounting negatives) and a minus sign give a negative number, which the caller rejects where it makes no sense.
/// Always the invariant culture: the decimal separator is a point.</para>
/// <para>A number written correctly but too large for <see cref="decimal"/> (<c>1e400</c>) is told apart from text that is
/// not a number (<see cref="NumberReading.TooLarge"/>), so that a message can say which. Every input of
/// <see cref="UserInputs"/> reads its numbers here.</para>
/// <para>Thread-safe (no state).</para>
/// </remarks>
public static class ExcelNumber
{
    /// <summary>Parses a number; false when the text is not one (or is too large for <see cref="decimal"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <param name="isPercent">True when the text ended with <c>%</c> (the value is then divided by 100).</param>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value, out bool isPercent) =>
        Read(text, out value, out isPercent) == NumberReading.Number;

    /// <summary>Reads a number and says what the text was: a number, not a number, or a number beyond <see cref="decimal"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number (0 unless <see cref="NumberReading.Number"/>).</param>
    /// <param name="isPercent">True when the text ended with <c>%</c> (the value is then divided by 100).</param>
    public static NumberReading Read(ReadOnlySpan<char> text, out decimal value, out bool isPercent)
    {
        value = 0m;
        isPercent = false;
        ReadOnlySpan<char> t = text.Trim();
        bool negative = false;
        if (t.Length >= 2 && t[0] == '(' && t[^1] == ')')
        {
            negative = true;
            t = t[1..^1].Trim();
        }

        if (t.StartsWith("-") || t.StartsWith("−"))
        {
            negative = !negative;
            t = t[1..].TrimStart();
        }

        if (t.StartsWith("US$", StringComparison.OrdinalIgnoreCase))
        {
            t = t[3..].TrimStart();
        }
        else if (t.StartsWith("$"))
        {
            t = t[1..].TrimStart();
        }

        if (t.EndsWith("USD", StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^3].TrimEnd();
        }

        if (t.EndsWith("%"))
        {
            isPercent = true;
            t = t[..^1].TrimEnd();
        }

        if (t.IsEmpty || t.IndexOf(',') >= 0 && !ValidGrouping(t))
        {
            return NumberReading.NotANumber;
        }

        Span<char> digits = t.Length <= 128 ? stackalloc char[t.Length] : new char[t.Length];
        int n = 0;
        foreach (char c in t)
        {
            if (c != ',')
            {
                digits[n++] = c;
            }
        }

        const NumberStyles Styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (!decimal.TryParse(digits[..n], Styles, CultureInfo.InvariantCulture, out value))
        {
            // The same text read as a double tells a well-formed number too large for decimal (1e400, 9e28) from garbage.
            return double.TryParse(digits[..n], Styles, CultureInfo.InvariantCulture, out double d) && Math.Abs(d) >= 1d
                ? NumberReading.TooLarge
                : NumberReading.NotANumber;
        }

        if (isPercent)
        {
            value /= 100m;
        }

        if (negative)
        {
            value = -value;
        }

        return NumberReading.Number;
    }

    // "1,234,567.89": groups of exactly three digits after each comma, all before the decimal point.
    private static bool ValidGrouping(ReadOnlySpan<char> t)
    {
        int point = t.IndexOf('.');
        ReadOnlySpan<char> whole = point >= 0 ? t[..point] : t;
        if (point >= 0 && t[point..].IndexOf(',') >= 0)
        {
            return false;
        }

        int lastComma = -1;
        for (int i = 0; i < whole.Length; i++)
        {
            if (whole[i] == ',')
            {
                if ((lastComma < 0 && (i == 0 || i > 3)) || (lastComma >= 0 && i - lastComma != 4))
                {
                    return false;
                }

                lastComma = i;
            }
            else if (!char.IsAsciiDigit(whole[i]))
            {
                return false;
            }
        }

        return lastComma < 0 || whole.Length - lastComma == 4;
    }
}

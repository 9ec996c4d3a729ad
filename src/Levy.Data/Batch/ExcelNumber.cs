using System.Globalization;

namespace Levy.Data.Batch;

/// <summary>Reads numbers as spreadsheets write them: <c>40000</c>, <c>40,000</c>, <c>$40,000.00</c>, <c>1,234.50</c>,
/// <c>4E+04</c>, <c>" 12.5 "</c>, and for shares <c>40%</c>.</summary>
/// <remarks>
/// <para>Thousands separators must group three digits (<c>1,23</c> is rejected, so a European decimal comma is not
/// misread as a thousands separator). A leading <c>$</c> or <c>US$</c> is dropped; <c>USD</c> may trail. Parentheses
/// (accounting negatives) and a minus sign give a negative number, which the caller rejects where it makes no sense.
/// Always the invariant culture: the decimal separator is a point.</para>
/// <para>Thread-safe (no state).</para>
/// </remarks>
public static class ExcelNumber
{
    /// <summary>Parses a number; false when the text is not one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number.</param>
    /// <param name="isPercent">True when the text ended with <c>%</c> (the value is then divided by 100).</param>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value, out bool isPercent)
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
            return false;
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

        if (!decimal.TryParse(digits[..n], NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (isPercent)
        {
            value /= 100m;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
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

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Levy.Core.Primitives;

/// <summary>
/// A code of the Harmonized Tariff Schedule: a chapter (2 digits), heading (4), subheading (6),
/// tariff line (8) or statistical line (10).
/// </summary>
/// <remarks>
/// <para>Accepts codes as people type them: <c>8703.23.01.90</c>, <c>8703230190</c>,
/// <c>8703.23.0190</c>, <c>8703.23</c>, <c>8703</c>. Spaces, dots and dashes between digits are
/// ignored. The canonical text is the dotted USITC form (<c>8703.23.01.90</c>).</para>
/// <para>Immutable and thread-safe. Ordering is the schedule order: by digits, then shorter first,
/// so a heading sorts before the lines under it.</para>
/// </remarks>
public readonly record struct HtsCode : IComparable<HtsCode>, ISpanParsable<HtsCode>, ISpanFormattable
{
    private readonly ulong _digits; // left-aligned: always scaled to 10 digits
    private readonly byte _length;

    private HtsCode(ulong digits, byte length)
    {
        _digits = digits;
        _length = length;
    }

    /// <summary>The number of digits: 2, 4, 6, 8 or 10.</summary>
    public int Length => _length;

    /// <summary>True for the default value, which holds no code.</summary>
    public bool IsEmpty => _length == 0;

    /// <summary>True for an 8-digit tariff line (the legal rate line).</summary>
    public bool IsTariffLine => _length == 8;

    /// <summary>True for a 10-digit statistical reporting line.</summary>
    public bool IsStatisticalLine => _length == 10;

    /// <summary>True for a Chapter 99 heading or subheading (temporary and additional duties, 9903.xx.xx).</summary>
    public bool IsChapter99 => _length >= 2 && Chapter == 99;

    /// <summary>The two-digit chapter.</summary>
    public int Chapter => (int)(_digits / 100_000_000UL);

    /// <summary>The digits as an integer, without scaling (8703230190 for a 10-digit code, 87032301 for an 8-digit one).</summary>
    public ulong Value => _length == 0 ? 0 : _digits / Pow10(10 - _length);

    /// <summary>The digits without dots, e.g. <c>8703230190</c>.</summary>
    public string Digits => _length == 0 ? string.Empty : Value.ToString(CultureInfo.InvariantCulture).PadLeft(_length, '0');

    /// <summary>Creates a code from its digits as an integer and its length.</summary>
    /// <param name="value">The digits, e.g. 87032301.</param>
    /// <param name="length">2, 4, 6, 8 or 10.</param>
    /// <exception cref="ArgumentOutOfRangeException">The length is not 2, 4, 6, 8 or 10, or the value has more digits than the length.</exception>
    public static HtsCode FromDigits(ulong value, int length)
    {
        if (length is not (2 or 4 or 6 or 8 or 10))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "An HTS code has 2, 4, 6, 8 or 10 digits.");
        }

        if (value >= Pow10(length))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"More than {length} digits.");
        }

        return new HtsCode(value * Pow10(10 - length), (byte)length);
    }

    /// <summary>The code truncated to <paramref name="length"/> digits (its ancestor at that level).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is longer than this code or not even.</exception>
    public HtsCode Truncate(int length)
    {
        if (length > _length || length is not (2 or 4 or 6 or 8 or 10))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"Cannot truncate a {_length}-digit code to {length} digits.");
        }

        ulong scale = Pow10(10 - length);
        return new HtsCode(_digits / scale * scale, (byte)length);
    }

    /// <summary>True when this code equals <paramref name="prefix"/> or lies under it.</summary>
    public bool IsWithin(HtsCode prefix)
    {
        if (prefix._length == 0 || prefix._length > _length)
        {
            return false;
        }

        ulong scale = Pow10(10 - prefix._length);
        return _digits / scale == prefix._digits / scale;
    }

    /// <inheritdoc/>
    public int CompareTo(HtsCode other)
    {
        int c = _digits.CompareTo(other._digits);
        return c != 0 ? c : _length.CompareTo(other._length);
    }

    /// <summary>Compares in schedule order.</summary>
    public static bool operator <(HtsCode left, HtsCode right) => left.CompareTo(right) < 0;

    /// <summary>Compares in schedule order.</summary>
    public static bool operator >(HtsCode left, HtsCode right) => left.CompareTo(right) > 0;

    /// <summary>Compares in schedule order.</summary>
    public static bool operator <=(HtsCode left, HtsCode right) => left.CompareTo(right) <= 0;

    /// <summary>Compares in schedule order.</summary>
    public static bool operator >=(HtsCode left, HtsCode right) => left.CompareTo(right) >= 0;

    /// <summary>Parses a code as people type it.</summary>
    /// <exception cref="FormatException">The text is not an HTS code; the message says why.</exception>
    public static HtsCode Parse(string text) => Parse(text.AsSpan(), null);

    /// <inheritdoc cref="Parse(string)"/>
    public static HtsCode Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc cref="Parse(string)"/>
    public static HtsCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
    {
        string? error = TryParseCore(s, out HtsCode code);
        return error is null ? code : throw new FormatException(error);
    }

    /// <summary>Tries to parse a code; never throws.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out HtsCode result) => TryParse(s.AsSpan(), null, out result);

    /// <inheritdoc cref="TryParse(string?, out HtsCode)"/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out HtsCode result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc cref="TryParse(string?, out HtsCode)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out HtsCode result) => TryParseCore(s, out result) is null;

    /// <summary>Tries to parse a code and says what was wrong when it fails; never throws.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The code, when parsed.</param>
    /// <param name="error">Why the text is not a code, e.g. <c>"8703.2" is not an HTS code: it has 5 digits…</c>.</param>
    public static bool TryParse(ReadOnlySpan<char> s, out HtsCode result, [NotNullWhen(false)] out string? error)
    {
        error = TryParseCore(s, out result);
        return error is null;
    }

    private static string? TryParseCore(ReadOnlySpan<char> s, out HtsCode result)
    {
        result = default;
        ReadOnlySpan<char> trimmed = s.Trim();
        if (trimmed.IsEmpty)
        {
            return CodeErrorMessages.EmptyCode;
        }

        ulong value = 0;
        int length = 0;
        char previous = '\0';
        foreach (char c in trimmed)
        {
            if (c is >= '0' and <= '9')
            {
                if (length == 10)
                {
                    return string.Format(CultureInfo.InvariantCulture, CodeErrorMessages.TooManyDigits, trimmed.ToString());
                }

                value = value * 10 + (ulong)(c - '0');
                length++;
            }
            else if (c is '.' or ' ' or '-')
            {
                if (previous is '.' or ' ' or '-' or '\0')
                {
                    return string.Format(CultureInfo.InvariantCulture, CodeErrorMessages.BadSeparator, trimmed.ToString());
                }
            }
            else
            {
                return string.Format(CultureInfo.InvariantCulture, CodeErrorMessages.BadCharacter, trimmed.ToString(), c);
            }

            previous = c;
        }

        if (previous is '.' or '-')
        {
            return string.Format(CultureInfo.InvariantCulture, CodeErrorMessages.BadSeparator, trimmed.ToString());
        }

        if (length is not (2 or 4 or 6 or 8 or 10))
        {
            return string.Format(CultureInfo.InvariantCulture, CodeErrorMessages.OddLength, trimmed.ToString(), length);
        }

        result = new HtsCode(value * Pow10(10 - length), (byte)length);
        return null;
    }

    /// <summary>The dotted USITC form, e.g. <c>8703.23.01.90</c>.</summary>
    public override string ToString() => ToString(null, null);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[13];
        return TryFormat(buffer, out int written, format, formatProvider) ? new string(buffer[..written]) : string.Empty;
    }

    /// <summary>Formats the code. Format <c>"D"</c> gives the digits only; anything else the dotted form.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        bool dotted = !(format.Length == 1 && format[0] is 'D' or 'd');
        int needed = dotted ? _length + Math.Max(0, (_length - 3) / 2) : _length;
        if (destination.Length < needed)
        {
            return false;
        }

        ulong v = Value;
        Span<char> digits = stackalloc char[10];
        for (int i = _length - 1; i >= 0; i--)
        {
            digits[i] = (char)('0' + (int)(v % 10));
            v /= 10;
        }

        int w = 0;
        for (int i = 0; i < _length; i++)
        {
            if (dotted && i >= 4 && i % 2 == 0)
            {
                destination[w++] = '.';
            }

            destination[w++] = digits[i];
        }

        charsWritten = w;
        return true;
    }

    private static ulong Pow10(int n)
    {
        ulong r = 1;
        for (int i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }
}

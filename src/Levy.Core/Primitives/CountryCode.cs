using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Levy.Core.Primitives;

/// <summary>An ISO 3166-1 alpha-2 country code (<c>JP</c>, <c>CN</c>, <c>DE</c>), always upper case.</summary>
/// <remarks>
/// Only the shape is checked here; whether the code names a country Levy knows is a question for
/// <see cref="Countries.CountryDirectory"/>, which also resolves names and Census codes.
/// Immutable and thread-safe.
/// </remarks>
public readonly record struct CountryCode : IComparable<CountryCode>, ISpanParsable<CountryCode>
{
    private readonly ushort _packed;

    private CountryCode(char first, char second) => _packed = (ushort)((first << 8) | second);

    /// <summary>True for the default value, which holds no code.</summary>
    public bool IsEmpty => _packed == 0;

    /// <summary>The two letters.</summary>
    public string Value => IsEmpty ? string.Empty : string.Create(2, _packed, static (span, p) =>
    {
        span[0] = (char)(p >> 8);
        span[1] = (char)(p & 0xFF);
    });

    /// <summary>A dense index from 0 to 675, for tables keyed by country.</summary>
    public int Index => IsEmpty ? -1 : ((_packed >> 8) - 'A') * 26 + ((_packed & 0xFF) - 'A');

    /// <summary>Parses two ASCII letters, in any case.</summary>
    /// <exception cref="FormatException">The text is not two letters.</exception>
    public static CountryCode Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc cref="Parse(string)"/>
    public static CountryCode Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc cref="Parse(string)"/>
    public static CountryCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out CountryCode code)
            ? code
            : throw new FormatException(string.Format(CultureInfo.InvariantCulture, CodeErrorMessages.BadCountryCode, s.ToString()));

    /// <summary>Tries to parse two ASCII letters; never throws.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out CountryCode result) => TryParse(s.AsSpan(), null, out result);

    /// <inheritdoc cref="TryParse(string?, out CountryCode)"/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CountryCode result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc cref="TryParse(string?, out CountryCode)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out CountryCode result)
    {
        ReadOnlySpan<char> t = s.Trim();
        if (t.Length == 2 && char.IsAsciiLetter(t[0]) && char.IsAsciiLetter(t[1]))
        {
            result = new CountryCode(char.ToUpperInvariant(t[0]), char.ToUpperInvariant(t[1]));
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Writes the two letters into <paramref name="destination"/> without allocating (nothing for the empty
    /// code); false, with nothing written, when it is too short.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = IsEmpty ? 0 : 2;
        if (destination.Length < charsWritten)
        {
            charsWritten = 0;
            return false;
        }

        if (!IsEmpty)
        {
            destination[0] = (char)(_packed >> 8);
            destination[1] = (char)(_packed & 0xFF);
        }

        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(CountryCode other) => _packed.CompareTo(other._packed);

    /// <summary>The two letters.</summary>
    public override string ToString() => Value;
}

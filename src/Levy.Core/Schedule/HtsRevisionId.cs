using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Levy.Core.Schedule;

/// <summary>Identifies one published edition of the HTS: <c>2025 Basic</c>, <c>2026 Revision 8</c>.</summary>
/// <remarks>
/// <para>The short form used in file names and on the command line is <c>2025_basic</c>, <c>2025_rev_7</c>; both forms
/// parse, as do <c>2025 rev 7</c> and <c>2025-r7</c>. Ordering is publication order (year, then revision).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Year">The edition year.</param>
/// <param name="Revision">The revision number within the year, or null for the Basic edition.</param>
public readonly record struct HtsRevisionId(int Year, int? Revision) : IComparable<HtsRevisionId>, ISpanParsable<HtsRevisionId>
{
    /// <summary>The short form: <c>2025_basic</c> or <c>2026_rev_8</c>.</summary>
    public string ShortName => Revision is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"{Year}_rev_{r}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year}_basic");

    /// <summary>The file name of the revision's USITC JSON export as kept by Levy: <c>hts_2025_rev_7.json.gz</c>.</summary>
    public string FileName => $"hts_{ShortName}.json.gz";

    /// <inheritdoc/>
    public int CompareTo(HtsRevisionId other)
    {
        int c = Year.CompareTo(other.Year);
        return c != 0 ? c : (Revision ?? 0).CompareTo(other.Revision ?? 0);
    }

    /// <summary>Compares in publication order.</summary>
    public static bool operator <(HtsRevisionId a, HtsRevisionId b) => a.CompareTo(b) < 0;

    /// <summary>Compares in publication order.</summary>
    public static bool operator >(HtsRevisionId a, HtsRevisionId b) => a.CompareTo(b) > 0;

    /// <summary>Compares in publication order.</summary>
    public static bool operator <=(HtsRevisionId a, HtsRevisionId b) => a.CompareTo(b) <= 0;

    /// <summary>Compares in publication order.</summary>
    public static bool operator >=(HtsRevisionId a, HtsRevisionId b) => a.CompareTo(b) >= 0;

    /// <summary>The long form: <c>2025 Basic</c> or <c>2026 Revision 8</c>.</summary>
    public override string ToString() => Revision is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"{Year} Revision {r}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year} Basic");

    /// <summary>Parses the short or long form; a file name such as <c>hts_2025_rev_7.json.gz</c> is accepted too.</summary>
    /// <exception cref="FormatException">The text names no revision.</exception>
    public static HtsRevisionId Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc cref="Parse(string)"/>
    public static HtsRevisionId Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc cref="Parse(string)"/>
    public static HtsRevisionId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out HtsRevisionId id)
            ? id
            : throw new FormatException($"\"{s.ToString()}\" is not an HTS revision (expected e.g. 2025_basic, 2025_rev_7 or \"2026 Revision 8\").");

    /// <summary>Tries to parse; never throws.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out HtsRevisionId result) => TryParse(s.AsSpan(), null, out result);

    /// <inheritdoc cref="TryParse(string?, out HtsRevisionId)"/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out HtsRevisionId result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc cref="TryParse(string?, out HtsRevisionId)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out HtsRevisionId result)
    {
        result = default;
        string text = s.Trim().ToString().ToLowerInvariant();
        if (text.StartsWith("hts_", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        if (text.EndsWith(".json.gz", StringComparison.Ordinal))
        {
            text = text[..^8];
        }
        else if (text.EndsWith(".json", StringComparison.Ordinal))
        {
            text = text[..^5];
        }

        // Tokens: a four-digit year, then "basic" or "rev"/"revision"/"r" followed by a number.
        string[] parts = text.Split(['_', ' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || year < 1900 || year > 2999)
        {
            return false;
        }

        if (parts.Length == 2 && parts[1] is "basic" or "base" or "b")
        {
            result = new HtsRevisionId(year, null);
            return true;
        }

        string? number = parts.Length switch
        {
            3 when parts[1] is "rev" or "revision" or "r" => parts[2],
            2 when parts[1].StartsWith("rev", StringComparison.Ordinal) => parts[1][3..],
            2 when parts[1].StartsWith('r') => parts[1][1..],
            _ => null,
        };

        if (number is not null && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int rev) && rev is > 0 and < 1000)
        {
            result = new HtsRevisionId(year, rev);
            return true;
        }

        return false;
    }
}

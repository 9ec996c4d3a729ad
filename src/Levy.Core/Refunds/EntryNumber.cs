using System.Diagnostics.CodeAnalysis;

namespace Levy.Core.Refunds;

/// <summary>A CBP entry number: a three-character entry filer code, a seven-digit number the filer assigns and a check
/// digit computed from the ten characters before it (19 CFR 142.3a(b); <c>XXX-NNNNNNN-C</c>).</summary>
/// <remarks>
/// <para>The check digit follows the computation CBP publishes in the ACE CATAIR (Entry Summary Create/Update, "Entry
/// number check digit" table; docs/refunds.md): each letter of the filer code becomes a digit (A–I → 1–9, J–R → 1–9,
/// S–Z → 2–9), the digits in even positions (2nd, 4th … 10th) are doubled, a doubled value over 9 counts its ones digit
/// plus one, every digit in odd positions counts as it is, and the check digit is what brings the sum to the next
/// multiple of ten.</para>
/// <para>Accepted forms: <c>ABC-1234567-6</c>, <c>ABC12345676</c>, and either with spaces; letters in any case.
/// Immutable and thread-safe.</para>
/// </remarks>
public readonly record struct EntryNumber : IComparable<EntryNumber>
{
    private EntryNumber(string compact) => Compact = compact;

    /// <summary>The eleven characters without hyphens (<c>ABC12345676</c>): the form of a CAPE Declaration.</summary>
    public string Compact { get; }

    /// <summary>The entry filer code (three letters or digits).</summary>
    public string FilerCode => Compact[..3];

    /// <summary>The check digit.</summary>
    public int CheckDigit => Compact[10] - '0';

    /// <summary>Parses an entry number.</summary>
    /// <exception cref="FormatException">The text is not an entry number or its check digit is wrong; the message says which.</exception>
    public static EntryNumber Parse(string text) =>
        TryParse(text, out EntryNumber number, out string? error) ? number : throw new FormatException(error);

    /// <summary>Parses an entry number, saying what is wrong when it is not one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The entry number.</param>
    /// <param name="error">Why the text is not an entry number.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out EntryNumber number, [NotNullWhen(false)] out string? error)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the entry number is empty";
            return false;
        }

        Span<char> chars = stackalloc char[11];
        int n = 0;
        foreach (char c in text)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            if (n == 11 || !char.IsAsciiLetterOrDigit(c))
            {
                error = $"\"{text}\" is not an entry number: expected a 3-character filer code, 7 digits and a check digit (ABC-1234567-6)";
                return false;
            }

            chars[n++] = char.ToUpperInvariant(c);
        }

        if (n != 11)
        {
            error = $"\"{text}\" is not an entry number: expected 11 characters (filer code, 7 digits, check digit), found {n}";
            return false;
        }

        for (int i = 3; i < 11; i++)
        {
            if (!char.IsAsciiDigit(chars[i]))
            {
                error = $"\"{text}\" is not an entry number: characters 4 to 11 must be digits";
                return false;
            }
        }

        int expected = ComputeCheckDigit(chars[..10]);
        if (chars[10] - '0' != expected)
        {
            error = $"entry number {new string(chars[..3])}-{new string(chars[3..10])}-{chars[10]}: the check digit should be {expected} (19 CFR 142.3a(b)(3))";
            return false;
        }

        number = new EntryNumber(new string(chars));
        error = null;
        return true;
    }

    /// <summary>The entry number for a filer code and a seven-digit number, with its check digit.</summary>
    /// <exception cref="ArgumentException">The filer code is not three letters or digits, or the number is not 0–9,999,999.</exception>
    public static EntryNumber Create(string filerCode, int number)
    {
        ArgumentNullException.ThrowIfNull(filerCode);
        if (filerCode.Length != 3 || !filerCode.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"\"{filerCode}\" is not a 3-character entry filer code.", nameof(filerCode));
        }

        if (number is < 0 or > 9_999_999)
        {
            throw new ArgumentException($"{number} is not a 7-digit entry number.", nameof(number));
        }

        string ten = filerCode.ToUpperInvariant() + number.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        return new EntryNumber(ten + (char)('0' + ComputeCheckDigit(ten)));
    }

    /// <summary>The check digit of the first ten characters of an entry number (filer code and seven digits).</summary>
    /// <exception cref="ArgumentException">The text is not ten letters or digits.</exception>
    public static int ComputeCheckDigit(ReadOnlySpan<char> tenCharacters)
    {
        if (tenCharacters.Length != 10)
        {
            throw new ArgumentException("An entry number has ten characters before its check digit.", nameof(tenCharacters));
        }

        int sum = 0;
        for (int i = 0; i < 10; i++)
        {
            int digit = DigitOf(tenCharacters[i]);
            if (i % 2 == 1)
            {
                int doubled = digit * 2;
                sum += doubled > 9 ? (doubled + 1) % 10 : doubled;
            }
            else
            {
                sum += digit;
            }
        }

        return (10 - sum % 10) % 10;
    }

    /// <summary><c>ABC-1234567-6</c>.</summary>
    public override string ToString() => Compact is null ? string.Empty : $"{Compact[..3]}-{Compact[3..10]}-{Compact[10]}";

    /// <inheritdoc/>
    public int CompareTo(EntryNumber other) => string.CompareOrdinal(Compact, other.Compact);

    // CATAIR: letters of the filer code become A-I = 1-9, J-R = 1-9, S-Z = 2-9.
    private static int DigitOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'I' => c - 'A' + 1,
        >= 'J' and <= 'R' => c - 'J' + 1,
        >= 'S' and <= 'Z' => c - 'S' + 2,
        >= 'a' and <= 'z' => DigitOf(char.ToUpperInvariant(c)),
        _ => throw new ArgumentException($"'{c}' cannot be part of an entry number."),
    };
}

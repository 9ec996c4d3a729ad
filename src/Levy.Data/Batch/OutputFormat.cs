using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Data.Batch;

/// <summary>Formatting shared by the CSV and JSON Lines outputs: column names, amounts, dates, enum names. The span
/// methods write into a caller's buffer and allocate nothing.</summary>
internal static class OutputFormat
{
    /// <summary>Room enough for any amount: a sign, 29 digits, the point and two decimals.</summary>
    internal const int MaxAmountLength = 40;

    internal static readonly Authority[] Authorities = [.. Levy.Core.Primitives.Authorities.All.Select(a => a.Authority)];

    /// <summary>The column (CSV) or field (JSON Lines) that says a line was entered after the data's newest revision.</summary>
    internal const string Stale = "stale";

    /// <summary><c>mfn</c>, <c>section232</c>, <c>ieepa_fentanyl</c>…, indexed by the authority's value.</summary>
    internal static readonly string[] AuthorityNames = Names(Authorities);

    /// <summary><c>base</c>, <c>additional</c>, <c>floor</c>, <c>exemption</c>, indexed by the kind's value.</summary>
    internal static readonly string[] KindNames = Names(Enum.GetValues<ComponentKind>());

    /// <summary><c>duty_mfn</c>, <c>duty_section232</c>, <c>duty_ieepa_fentanyl</c>…</summary>
    internal static readonly string[] AuthorityColumns = AuthorityNames.Select(a => "duty_" + a).ToArray();

    private static readonly ulong[] PowersOf10 = PowersOfTen(20);

    private static readonly ConcurrentDictionary<HtsRevisionId, string> RevisionNames = new();

    internal static string Snake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0 && !char.IsDigit(pascal[i - 1]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>Writes an amount as <c>1234.50</c> into <paramref name="buffer"/> (at least <see cref="MaxAmountLength"/>
    /// chars): exactly what the format <c>"0.00"</c> writes, and <c>0.00</c> for a negative zero.</summary>
    /// <remarks>An amount in whole cents whose cents fit 64 bits (every real one) is written from the decimal's own
    /// digits and scale, without decimal arithmetic; anything else falls back to decimal formatting.</remarks>
    internal static ReadOnlySpan<char> Amount(Money money, Span<char> buffer) => buffer[..Amount(money.Amount, buffer)];

    /// <inheritdoc cref="Amount(Money, Span{char})"/>
    /// <returns>The number of chars written.</returns>
    internal static int Amount(decimal value, Span<char> buffer)
    {
        if (!TryWholeCents(value, out ulong cents, out bool negative))
        {
            return value.TryFormat(buffer, out int written, "0.00", CultureInfo.InvariantCulture)
                ? written
                : throw new ArgumentException($"The buffer is too small for {value}.", nameof(buffer));
        }

        // The sign, at least one digit before the point ("0.05"), the point, two decimals; written right to left.
        int length = negative && cents != 0 ? 5 : 4;
        for (ulong rest = cents / 1000; rest != 0; rest /= 10)
        {
            length++;
        }

        int p = length;
        buffer[--p] = (char)('0' + (int)(cents % 10));
        cents /= 10;
        buffer[--p] = (char)('0' + (int)(cents % 10));
        cents /= 10;
        buffer[--p] = '.';
        do
        {
            buffer[--p] = (char)('0' + (int)(cents % 10));
            cents /= 10;
        }
        while (cents != 0);
        if (p > 0)
        {
            buffer[0] = '-';
        }

        return length;
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c> (10 chars) into <paramref name="buffer"/>.</summary>
    internal static ReadOnlySpan<char> Date(DateOnly date, Span<char> buffer)
    {
        date.Deconstruct(out int year, out int month, out int day);
        Digits(year, buffer[..4]);
        buffer[4] = '-';
        Digits(month, buffer.Slice(5, 2));
        buffer[7] = '-';
        Digits(day, buffer.Slice(8, 2));
        return buffer[..10];
    }

    /// <summary>The revision's short name (<c>2025_rev_10</c>), made once per revision rather than once per row.</summary>
    internal static string ShortName(HtsRevisionId revision) => RevisionNames.GetOrAdd(revision, static r => r.ShortName);

    internal static string Lower(EntryType type) => type == EntryType.Formal ? "formal" : "informal";

    // The amount in cents when it is a whole number of cents that fits 64 bits, and its sign: read from the decimal's
    // 96-bit mantissa and scale, without decimal arithmetic.
    private static bool TryWholeCents(decimal value, out ulong cents, out bool negative)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        ulong mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        int scale = (bits[3] >> 16) & 0xFF;
        negative = bits[3] < 0;
        cents = 0;
        if (bits[2] != 0)
        {
            return false;
        }

        switch (scale)
        {
            // Below 10^17, times 100 still fits 64 bits.
            case 0:
                cents = mantissa * 100;
                return mantissa < 100_000_000_000_000_000UL;
            case 1:
                cents = mantissa * 10;
                return mantissa < 100_000_000_000_000_000UL;
            case 2:
                cents = mantissa;
                return true;
        }

        if (mantissa == 0)
        {
            return true;
        }

        // 1.500 (scale 3) is 150 cents; 1.505 is not a whole number of cents. Beyond 10^19 no 64-bit mantissa divides.
        if (scale - 2 >= PowersOf10.Length || mantissa % PowersOf10[scale - 2] != 0)
        {
            return false;
        }

        cents = mantissa / PowersOf10[scale - 2];
        return true;
    }

    private static void Digits(int value, Span<char> destination)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    private static ulong[] PowersOfTen(int count)
    {
        var powers = new ulong[count];
        powers[0] = 1;
        for (int i = 1; i < count; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    private static string[] Names<T>(T[] values)
        where T : struct, Enum
    {
        var names = new string[values.Length];
        foreach (T value in values)
        {
            names[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = Snake(value.ToString());
        }

        return names;
    }
}

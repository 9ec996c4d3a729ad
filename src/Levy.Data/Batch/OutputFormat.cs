using System.Globalization;
using System.Text;
using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Data.Batch;

/// <summary>Formatting shared by the CSV and JSON Lines outputs: column names, amounts, enum names.</summary>
internal static class OutputFormat
{
    internal static readonly Authority[] Authorities = Enum.GetValues<Authority>();

    /// <summary><c>duty_mfn</c>, <c>duty_section232</c>, <c>duty_ieepa_fentanyl</c>…</summary>
    internal static readonly string[] AuthorityColumns = Authorities.Select(a => "duty_" + Snake(a.ToString())).ToArray();

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

    /// <summary>Writes an amount as <c>1234.50</c> into <paramref name="buffer"/> (at least 24 chars). Amounts in whole
    /// cents are written as integers of cents (fast); anything else falls back to decimal formatting.</summary>
    internal static ReadOnlySpan<char> Amount(Money money, Span<char> buffer)
    {
        decimal cents = money.Amount * 100m;
        if (cents == decimal.Truncate(cents) && cents > -1e17m && cents < 1e17m)
        {
            long c = (long)cents;
            int n = 0;
            if (c < 0)
            {
                buffer[n++] = '-';
                c = -c;
            }

            c.TryFormat(buffer[n..], out int whole, default, CultureInfo.InvariantCulture);
            if (whole < 3)
            {
                // 5 cents -> "0.05": pad to three digits first.
                Span<char> digits = buffer.Slice(n, whole);
                Span<char> padded = stackalloc char[3];
                padded.Fill('0');
                digits.CopyTo(padded[(3 - whole)..]);
                padded.CopyTo(buffer[n..]);
                whole = 3;
            }

            int end = n + whole;
            buffer[end] = buffer[end - 1];
            buffer[end - 1] = buffer[end - 2];
            buffer[end - 2] = '.';
            return buffer[..(end + 1)];
        }

        return money.Amount.TryFormat(buffer, out int written, "0.00", CultureInfo.InvariantCulture) ? buffer[..written] : Amount(money);
    }

    internal static string Amount(Money money) => money.Amount.ToString("0.00", CultureInfo.InvariantCulture);

    internal static string Lower(EntryType type) => type == EntryType.Formal ? "formal" : "informal";
}

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

    /// <summary>Writes an amount as <c>1234.50</c> into <paramref name="buffer"/>.</summary>
    internal static ReadOnlySpan<char> Amount(Money money, Span<char> buffer) =>
        money.Amount.TryFormat(buffer, out int n, "0.00", CultureInfo.InvariantCulture) ? buffer[..n] : money.Amount.ToString("0.00", CultureInfo.InvariantCulture);

    internal static string Amount(Money money) => money.Amount.ToString("0.00", CultureInfo.InvariantCulture);

    internal static string Lower(EntryType type) => type == EntryType.Formal ? "formal" : "informal";
}

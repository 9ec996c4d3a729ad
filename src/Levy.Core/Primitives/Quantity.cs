namespace Levy.Core.Primitives;

/// <summary>An amount of goods in a unit of measure, e.g. 1,000 kg. Immutable and thread-safe.</summary>
/// <param name="Value">The amount; never negative.</param>
/// <param name="Unit">The unit.</param>
public readonly record struct Quantity(decimal Value, UnitOfMeasure Unit)
{
    /// <summary>This quantity in another unit of the same dimension, or null if the units do not convert.</summary>
    public Quantity? ConvertTo(UnitOfMeasure target) =>
        Unit.TryConvert(target, out decimal factor) ? new Quantity(Value * factor, target) : null;

    /// <summary>Reads a quantity as people type it: a number (dot for decimals, commas between thousands allowed, an
    /// exponent such as <c>1e3</c>) followed by a unit, with or without a space: <c>1000kg</c>, <c>1,000 kg</c>,
    /// <c>12 doz.</c>. Never throws; false for a number too large for <see cref="decimal"/> (<c>1e400kg</c>). Bounds and
    /// messages are those of <c>Levy.Core.Inputs.UserInputs.Quantity</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="quantity">The quantity, when read.</param>
    public static bool TryParse(string? text, out Quantity quantity)
    {
        quantity = default;
        if (!TrySplit((text ?? string.Empty).AsSpan().Trim(), out ReadOnlySpan<char> number, out ReadOnlySpan<char> unitText)
            || !Inputs.ExcelNumber.TryParse(number, out decimal amount, out bool percent) || percent || amount < 0m
            || !UnitOfMeasure.TryParse(unitText.ToString(), out UnitOfMeasure unit))
        {
            return false;
        }

        quantity = new Quantity(amount, unit);
        return true;
    }

    /// <summary>Splits <c>1,000.5e3 kg</c> into its number (digits, commas, a point and an exponent: an <c>e</c> counts only
    /// when a digit, or a sign and a digit, follows it, so <c>12each</c> is 12 of <c>each</c>) and its unit.</summary>
    internal static bool TrySplit(ReadOnlySpan<char> text, out ReadOnlySpan<char> number, out ReadOnlySpan<char> unit)
    {
        int i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or ','))
        {
            i++;
        }

        if (i > 0 && i < text.Length && text[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                while (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        number = text[..i];
        unit = text[i..].Trim();
        return i > 0 && !unit.IsEmpty;
    }

    /// <summary><c>1000 kg</c>.</summary>
    public override string ToString() => $"{Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit}";
}

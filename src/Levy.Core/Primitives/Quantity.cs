namespace Levy.Core.Primitives;

/// <summary>An amount of goods in a unit of measure, e.g. 1,000 kg. Immutable and thread-safe.</summary>
/// <param name="Value">The amount; never negative.</param>
/// <param name="Unit">The unit.</param>
public readonly record struct Quantity(decimal Value, UnitOfMeasure Unit)
{
    /// <summary>This quantity in another unit of the same dimension, or null if the units do not convert.</summary>
    public Quantity? ConvertTo(UnitOfMeasure target) =>
        Unit.TryConvert(target, out decimal factor) ? new Quantity(Value * factor, target) : null;

    /// <summary>Reads a quantity as people type it: a number (dot for decimals, commas between thousands allowed) followed
    /// by a unit, with or without a space: <c>1000kg</c>, <c>1,000 kg</c>, <c>12 doz.</c>. Never throws.</summary>
    /// <param name="text">The text.</param>
    /// <param name="quantity">The quantity, when read.</param>
    public static bool TryParse(string? text, out Quantity quantity)
    {
        quantity = default;
        string t = text?.Trim() ?? string.Empty;
        int i = 0;
        while (i < t.Length && (char.IsAsciiDigit(t[i]) || t[i] is '.' or ','))
        {
            i++;
        }

        if (i == 0
            || !decimal.TryParse(t[..i].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Number,
                System.Globalization.CultureInfo.InvariantCulture, out decimal amount)
            || !UnitOfMeasure.TryParse(t[i..].Trim(), out UnitOfMeasure unit))
        {
            return false;
        }

        quantity = new Quantity(amount, unit);
        return true;
    }

    /// <summary><c>1000 kg</c>.</summary>
    public override string ToString() => $"{Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit}";
}

namespace Levy.Core.Primitives;

/// <summary>An amount of goods in a unit of measure, e.g. 1,000 kg. Immutable and thread-safe.</summary>
/// <param name="Value">The amount; never negative.</param>
/// <param name="Unit">The unit.</param>
public readonly record struct Quantity(decimal Value, UnitOfMeasure Unit)
{
    /// <summary>This quantity in another unit of the same dimension, or null if the units do not convert.</summary>
    public Quantity? ConvertTo(UnitOfMeasure target) =>
        Unit.TryConvert(target, out decimal factor) ? new Quantity(Value * factor, target) : null;

    /// <summary><c>1000 kg</c>.</summary>
    public override string ToString() => $"{Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit}";
}

using System.Globalization;

namespace Levy.Core.Text;

/// <summary>The one way Levy writes rates as percentages, in the invariant culture: 0.125 → "12.5%", 0.08943877 → "8.9439%".</summary>
/// <remarks>Explanations show up to four decimals (<see cref="Of(decimal)"/>), tables of quotes up to three, aggregate
/// series exactly two (<see cref="Fixed"/>). A rate as printed in the schedule (<c>2.5%</c>, <c>1/2%</c>) is the rate
/// grammar's own text, not a formatted number.</remarks>
public static class PercentText
{
    private static readonly string[] Patterns = ["0", "0.#", "0.##", "0.###", "0.####", "0.#####", "0.######"];

    /// <summary>The fraction as a percentage with up to four decimals.</summary>
    public static string Of(decimal fraction) => Of(fraction, 4);

    /// <summary>The fraction as a percentage with up to <paramref name="maxDecimals"/> decimals (0 to 6), rounded half away from zero.</summary>
    public static string Of(decimal fraction, int maxDecimals) => OfPercent(fraction * 100m, maxDecimals);

    /// <summary>A number already in percent (12.5 for 12.5%) with up to <paramref name="maxDecimals"/> decimals (0 to 6).</summary>
    public static string OfPercent(decimal percent, int maxDecimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDecimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxDecimals, Patterns.Length);
        return percent.ToString(Patterns[maxDecimals], CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>A fraction computed in <see cref="double"/> (an aggregate, not money) with exactly two decimals, or "—" when
    /// it is not a number (an average over nothing).</summary>
    public static string Fixed(double fraction) =>
        double.IsFinite(fraction) ? (Math.Round(fraction * 100d, 2) + 0d).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";
}

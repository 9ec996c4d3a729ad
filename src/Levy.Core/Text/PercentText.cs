using System.Globalization;

namespace Levy.Core.Text;

/// <summary>Writes fractions as percentages for explanations: 0.125 → "12.5%", 0.08943877 → "8.9439%".</summary>
public static class PercentText
{
    /// <summary>The fraction as a percentage with up to four decimals, invariant culture.</summary>
    public static string Of(decimal fraction) => (fraction * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%";
}

namespace Levy.Core.Trade;

/// <summary>The parameters of the April 2025 reciprocal-tariff formula.</summary>
/// <remarks>
/// USTR's method (2025-04-02): the tariff rate that would balance bilateral trade is Δτ = (x − m) / (ε · φ · m), with
/// exports x, imports m, the elasticity of import demand ε = 4 and the pass-through of tariffs to import prices φ = 0.25,
/// so that ε · φ = 1 and the "tariff charged to the U.S." is the deficit over imports. The U.S. rate is half of it, never
/// less than 10%. Critics pointed out that the pass-through estimate USTR cited (Cavallo et al.) is close to 1 (0.945),
/// not 0.25, which divides every rate by almost four. Immutable.
/// </remarks>
/// <param name="Elasticity">ε, the elasticity of imports to import prices (USTR: 4).</param>
/// <param name="PassThrough">φ, the pass-through of tariffs to import prices (USTR: 0.25).</param>
/// <param name="Floor">The minimum rate (USTR: 0.10).</param>
/// <param name="Halving">The share of the computed rate charged (USTR: 0.5, "discounted" reciprocity).</param>
public sealed record FormulaParameters(decimal Elasticity = 4m, decimal PassThrough = 0.25m, decimal Floor = 0.10m, decimal Halving = 0.5m)
{
    /// <summary>USTR's parameters.</summary>
    public static FormulaParameters Ustr { get; } = new();
}

/// <summary>A partner's goods trade with the United States in one year.</summary>
/// <param name="Partner">The partner's code (ISO alpha-2) or name.</param>
/// <param name="Name">The partner's name.</param>
/// <param name="Exports">U.S. exports to the partner.</param>
/// <param name="Imports">U.S. imports from the partner (same unit).</param>
public sealed record TradeBalance(string Partner, string Name, decimal Exports, decimal Imports);

/// <summary>The formula's result for one partner.</summary>
/// <param name="Trade">The trade figures used.</param>
/// <param name="Charged">The "tariff charged to the U.S.": (m − x) / (ε · φ · m); negative for a U.S. surplus.</param>
/// <param name="Rate">The U.S. rate: max(floor, halving × charged).</param>
/// <param name="RoundedUp">The rate rounded up to a whole percent, as USTR did for most partners.</param>
public sealed record FormulaRate(TradeBalance Trade, decimal Charged, decimal Rate, decimal RoundedUp);

/// <summary>Computes the April 2025 reciprocal rates from bilateral trade (docs/domain.md, "The April 2025 reciprocal formula").</summary>
/// <remarks>Thread-safe (no state).</remarks>
public static class ReciprocalFormula
{
    /// <summary>The rate of one partner.</summary>
    /// <param name="trade">The partner's exports and imports.</param>
    /// <param name="parameters">ε, φ, the floor and the halving.</param>
    /// <exception cref="ArgumentOutOfRangeException">Imports are not positive, or ε · φ is not positive.</exception>
    public static FormulaRate Compute(TradeBalance trade, FormulaParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trade.Imports, nameof(trade));
        decimal denominator = parameters.Elasticity * parameters.PassThrough;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator, nameof(parameters));
        decimal charged = (trade.Imports - trade.Exports) / (denominator * trade.Imports);
        decimal rate = Math.Max(parameters.Floor, parameters.Halving * charged);
        decimal roundedUp = Math.Ceiling(rate * 100m) / 100m;
        return new FormulaRate(trade, charged, rate, roundedUp);
    }
}

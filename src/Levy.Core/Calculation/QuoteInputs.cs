using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation;

/// <summary>The parts of a request that vary by entry rather than by product and date: origin and declarations.</summary>
/// <remarks>A value type, so that a panel can evaluate a plan for many countries without allocating.</remarks>
/// <param name="Origin">The country of origin.</param>
/// <param name="EntryDate">The date of entry (for in-transit cut-offs).</param>
/// <param name="LoadingDate">The loading date, if declared.</param>
/// <param name="Program">The claimed Special Program Indicator, if any (already validated).</param>
/// <param name="Conditions">Certified conditions.</param>
/// <param name="Metal">Declared metal shares.</param>
/// <param name="UsContentShare">Declared U.S. content share.</param>
/// <param name="CustomsValue">Customs value, for specific duties.</param>
/// <param name="Quantities">Quantities, for specific duties.</param>
/// <param name="Stacking">Legal or additive.</param>
public readonly record struct QuoteInputs(
    CountryCode Origin,
    DateOnly EntryDate,
    DateOnly? LoadingDate = null,
    string? Program = null,
    ImmutableArray<string> Conditions = default,
    MetalContent Metal = default,
    decimal? UsContentShare = null,
    decimal? CustomsValue = null,
    ImmutableArray<Quantity> Quantities = default,
    StackingMode Stacking = StackingMode.Legal)
{
    /// <summary>The inputs of a request.</summary>
    public static QuoteInputs Of(QuoteRequest r) => new(r.Origin, r.EntryDate, r.LoadingDate, r.ClaimedProgram, r.Conditions, r.Metal,
        r.UsContentShare, r.CustomsValue, r.Quantities, r.Stacking);
}

/// <summary>The duties of one evaluation as fractions of the customs value, by authority, without explanations.</summary>
/// <remarks>A value type returned by <see cref="TariffEngine.Evaluate"/>; allocation-free.</remarks>
public struct QuoteTotals
{
    private AuthorityValues _byAuthority;

    /// <summary>The total (ordinary duty plus Chapter 99), or null when a specific duty needs value and quantity.</summary>
    public decimal? Total { get; internal set; }

    /// <summary>True when some component could not be computed without value or quantity.</summary>
    public bool NeedsValue { get; internal set; }

    /// <summary>The duty charged under one authority (the ordinary duty under <see cref="Authority.Mfn"/>); unknown parts count as zero.</summary>
    public readonly decimal this[Authority authority] => _byAuthority[(int)authority];

    internal void Add(Authority authority, decimal value) => _byAuthority[(int)authority] += value;

    [InlineArray(8)]
    private struct AuthorityValues
    {
        private decimal _value;
    }
}

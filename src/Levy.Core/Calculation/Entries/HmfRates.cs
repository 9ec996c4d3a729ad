using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Entries;

/// <summary>The Harbor Maintenance Fee (26 U.S.C. 4461; 19 CFR 24.24): a share of the value of commercial cargo unloaded
/// from a commercial vessel at a listed port; no minimum or maximum.</summary>
/// <param name="Period">The entry dates the rate applies to.</param>
/// <param name="AdValorem">The rate as a fraction (0.00125).</param>
/// <param name="Citation">The legal source.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record HmfRates(EffectivePeriod Period, decimal AdValorem, string Citation);

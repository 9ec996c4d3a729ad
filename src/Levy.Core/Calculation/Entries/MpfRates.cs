using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Entries;

/// <summary>The Merchandise Processing Fee figures of one fiscal year (19 U.S.C. 58c(a)(9)–(10); 19 CFR 24.23(b)).</summary>
/// <param name="FiscalYear">The fiscal year, e.g. <c>FY2026</c>.</param>
/// <param name="Period">The entry dates the figures apply to (1 October to 30 September).</param>
/// <param name="AdValorem">The ad valorem rate for formal entries as a fraction (0.003464).</param>
/// <param name="Minimum">The minimum fee per formal entry.</param>
/// <param name="Maximum">The maximum fee per formal entry.</param>
/// <param name="Informal">The fee for an automated informal entry not prepared by CBP (class code 311).</param>
/// <param name="Citation">The notice that set the figures.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record MpfRates(string FiscalYear, EffectivePeriod Period, decimal AdValorem, Money Minimum, Money Maximum, Money Informal, string Citation);

using Levy.Core.Rates;

namespace Levy.Core.Reports;

/// <summary>A rate as the hosts show it in JSON: its kind, its canonical text and its parts.</summary>
/// <remarks>
/// <para>The shape of every rate in <c>levy … --json</c> and in the web API, so the two stay the same. Kinds are
/// <c>free</c>, <c>adValorem</c>, <c>specific</c>, <c>compound</c>, <c>passthrough</c>, <c>additional</c>,
/// <c>noChange</c>, <c>preferential</c>, <c>reference</c>, <c>sugarDegree</c> and <c>unparsed</c>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Kind">The form of the rate.</param>
/// <param name="Text">The canonical text (<c>2.5%</c>, <c>4.4¢/kg + 6%</c>).</param>
/// <param name="Percent">For an ad valorem rate, the percentage (2.5 for 2.5%).</param>
/// <param name="AmountUsd">For a specific rate, dollars per unit.</param>
/// <param name="Unit">For a specific rate, the unit.</param>
/// <param name="Basis">What the rate is charged on when not the whole customs value.</param>
/// <param name="Parts">The parts of a compound rate, or the additional duty of a Chapter 99 rate.</param>
/// <param name="Programs">The groups of a Special column.</param>
/// <param name="Reason">Why an unparsed text is not a rate.</param>
public sealed record RateView(
    string Kind,
    string Text,
    decimal? Percent = null,
    decimal? AmountUsd = null,
    string? Unit = null,
    string? Basis = null,
    IReadOnlyList<RateView>? Parts = null,
    IReadOnlyList<ProgramRateView>? Programs = null,
    string? Reason = null)
{
    /// <summary>The view of a rate.</summary>
    /// <param name="rate">The rate.</param>
    public static RateView From(Rate rate) => rate switch
    {
        FreeRate => new("free", rate.ToString()),
        AdValoremRate a => new("adValorem", rate.ToString(), Percent: a.Percent, Basis: a.Basis),
        SpecificRate s => new("specific", rate.ToString(), AmountUsd: s.AmountUsd, Unit: s.Unit.Symbol, Basis: s.Basis),
        CompoundRate c => new("compound", rate.ToString(), Parts: c.Parts.Select(From).ToList()),
        ApplicableSubheadingRate x => new(x.IsPassthrough ? "passthrough" : "additional", rate.ToString(),
            Basis: x.Basis.ToString(), Parts: x.Additional is null ? null : [From(x.Additional)]),
        NoChangeRate => new("noChange", rate.ToString()),
        PreferentialRates p => new("preferential", rate.ToString(),
            Programs: p.Groups.Select(g => new ProgramRateView(g.Programs, From(g.Rate))).ToList()),
        ReferenceRate => new("reference", rate.ToString()),
        SugarDegreeRate => new("sugarDegree", rate.ToString()),
        UnparsedRate u => new("unparsed", u.Text, Reason: u.Reason),
        _ => new(rate.GetType().Name, rate.ToString()),
    };

    /// <summary>A short reading of the rate for people: <c>2.5% of the customs value</c>.</summary>
    /// <param name="rate">The rate.</param>
    public static string Describe(Rate rate) => rate switch
    {
        FreeRate => "no duty",
        AdValoremRate { Basis: null } a => $"{a.Percent}% of the customs value",
        AdValoremRate a => $"{a.Percent}% {a.Basis}",
        SpecificRate s => $"${s.AmountUsd} per {s.Unit}" + (s.Basis is null ? string.Empty : " " + s.Basis),
        CompoundRate c => string.Join(" plus ", c.Parts.Select(Describe)),
        ApplicableSubheadingRate { IsPassthrough: true } => "no additional duty (the ordinary duty applies)",
        ApplicableSubheadingRate x => $"the ordinary duty plus {Describe(x.Additional!)}" + x.Basis switch
        {
            DutyBasis.FullValue => string.Empty,
            DutyBasis.NonUsContent => " (on the non-U.S. content)",
            _ => $" (on the value of the {x.Basis.ToString().Replace("Content", string.Empty, StringComparison.Ordinal).ToLowerInvariant()} content)",
        },
        NoChangeRate => "no change to the duty",
        PreferentialRates p => string.Join("; ", p.Groups.Select(g => $"{Describe(g.Rate)} under {string.Join(", ", g.Programs)}")),
        ReferenceRate => "set by another provision (see text)",
        SugarDegreeRate => "by polarity degree (sugar formula)",
        UnparsedRate u => "needs manual review: " + u.Reason,
        _ => rate.ToString() ?? string.Empty,
    };
}

using Levy.Core.Rates;

namespace Levy.Cli.Rendering;

/// <summary>A rate as JSON shows it: its kind, its canonical text and its parts.</summary>
internal sealed record RateView(
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
    internal static RateView From(Rate rate) => rate switch
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
        ReferenceRate r => new("reference", rate.ToString()),
        SugarDegreeRate => new("sugarDegree", rate.ToString()),
        UnparsedRate u => new("unparsed", u.Text, Reason: u.Reason),
        _ => new(rate.GetType().Name, rate.ToString()),
    };

    /// <summary>A short reading of the rate for people.</summary>
    internal static string Describe(Rate rate) => rate switch
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

/// <summary>One group of a Special column.</summary>
internal sealed record ProgramRateView(IReadOnlyList<string> Programs, RateView Rate);

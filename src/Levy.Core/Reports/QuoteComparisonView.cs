namespace Levy.Core.Reports;

/// <summary>One product, origin and date quoted under two rulebooks, with the difference per authority: the JSON shape of
/// <c>GET /api/v1/scenarios/compare</c>.</summary>
/// <remarks>
/// <para>Percentages are percent of the customs value (27.5 for 27.5%), as in <see cref="QuoteView"/>; differences are
/// scenario minus baseline, in percentage points. A total that needs a customs value or quantity is null, and so is its
/// difference.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <param name="Baseline">The baseline's name (<c>actual</c>).</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Product">The HTS code, dotted.</param>
/// <param name="Origin">The ISO code of the country of origin.</param>
/// <param name="OriginName">The country's name.</param>
/// <param name="EntryDate">The date of entry.</param>
/// <param name="BaselineTotalPercent">The total under the baseline.</param>
/// <param name="ScenarioTotalPercent">The total under the scenario.</param>
/// <param name="DifferencePoints">Scenario minus baseline.</param>
/// <param name="Authorities">Each authority that charges or exempts something under either rulebook, in the order of the
/// quotes (the ordinary duty first).</param>
/// <param name="BaselineQuote">The quote under the baseline.</param>
/// <param name="ScenarioQuote">The quote under the scenario.</param>
public sealed record QuoteComparisonView(
    string Baseline,
    string Scenario,
    string Product,
    string Origin,
    string OriginName,
    DateOnly EntryDate,
    decimal? BaselineTotalPercent,
    decimal? ScenarioTotalPercent,
    decimal? DifferencePoints,
    IReadOnlyList<AuthorityDifferenceView> Authorities,
    QuoteView BaselineQuote,
    QuoteView ScenarioQuote)
{
    /// <summary>Compares two quotes of the same product, origin and date.</summary>
    /// <param name="baseline">The quote under the baseline, with <see cref="QuoteView.Scenario"/> naming its rulebook.</param>
    /// <param name="scenario">The quote under the scenario, likewise.</param>
    /// <exception cref="ArgumentException">The quotes are for different products, origins or dates.</exception>
    public static QuoteComparisonView Create(QuoteView baseline, QuoteView scenario)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        if (baseline.Product != scenario.Product || baseline.Origin != scenario.Origin || baseline.EntryDate != scenario.EntryDate)
        {
            throw new ArgumentException("The quotes compared must be for the same product, origin and date.", nameof(scenario));
        }

        var authorities = baseline.Components.Concat(scenario.Components).Select(c => c.Authority).Distinct()
            .Select(a => AuthorityDifferenceView.Of(a, baseline.Components, scenario.Components)).ToList();
        return new QuoteComparisonView(
            baseline.Scenario ?? "baseline", scenario.Scenario ?? "scenario", baseline.Product, baseline.Origin, baseline.OriginName, baseline.EntryDate,
            baseline.TotalPercent, scenario.TotalPercent, Difference(baseline.TotalPercent, scenario.TotalPercent), authorities, baseline, scenario);
    }

    /// <summary>Scenario minus baseline, without trailing zeros (27.5 - 15 gives 12.5, and 2.5 - 2.5 gives 0, not 0.0).</summary>
    /// <param name="baseline">The baseline's percent, or null.</param>
    /// <param name="scenario">The scenario's percent, or null.</param>
    public static decimal? Difference(decimal? baseline, decimal? scenario) => scenario - baseline is { } d ? d / 1.0000000000000000000000000000m : null;
}

/// <summary>What one authority charges on a product under two rulebooks.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Authority">The authority (<c>Mfn</c>, <c>Section232</c>, <c>IeepaReciprocal</c>…).</param>
/// <param name="Baseline">Its components added up under the baseline, in percent of the customs value (0 when it charges
/// nothing; null when a component needs a value or quantity).</param>
/// <param name="Scenario">The same under the scenario.</param>
/// <param name="Difference">Scenario minus baseline, in percentage points.</param>
/// <param name="BaselineHeadings">The headings it is declared under in the baseline (for the ordinary duty, its column: <c>General</c>, <c>Special (KR)</c>).</param>
/// <param name="ScenarioHeadings">The same in the scenario.</param>
/// <param name="Changed">Whether the rate or the headings differ.</param>
public sealed record AuthorityDifferenceView(string Authority, decimal? Baseline, decimal? Scenario, decimal? Difference,
    IReadOnlyList<string> BaselineHeadings, IReadOnlyList<string> ScenarioHeadings, bool Changed)
{
    /// <summary>One authority's components under both rulebooks.</summary>
    /// <param name="authority">The authority.</param>
    /// <param name="baseline">The components of the baseline quote.</param>
    /// <param name="scenario">The components of the scenario quote.</param>
    public static AuthorityDifferenceView Of(string authority, IReadOnlyList<ComponentView> baseline, IReadOnlyList<ComponentView> scenario)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(scenario);
        (decimal? a, IReadOnlyList<string> ha) = Sum(baseline);
        (decimal? b, IReadOnlyList<string> hb) = Sum(scenario);
        return new AuthorityDifferenceView(authority, a, b, QuoteComparisonView.Difference(a, b), ha, hb, a != b || !ha.SequenceEqual(hb));

        (decimal? Percent, IReadOnlyList<string> Headings) Sum(IReadOnlyList<ComponentView> components)
        {
            decimal? total = 0m;
            var headings = new List<string>();
            foreach (ComponentView c in components)
            {
                if (c.Authority != authority)
                {
                    continue;
                }

                total += c.Percent;
                headings.Add(c.Heading ?? c.Program);
            }

            return (total / 1.0000000000000000000000000000m, headings); // 2.5 + 2.5 is 5, not 5.0
        }
    }
}

using Levy.Core.Calculation.Planning;
using Levy.Core.Measures;
using Levy.Core.Rates;
using Levy.Core.Text;

namespace Levy.Core.Calculation.Stacking;

/// <summary>The shares of value a duty on content is charged on, declared or assumed.</summary>
/// <remarks>Defaults: the declared shares; else the BEA-based estimate of metal_content_shares_bea_hs10.csv; else the
/// flat share of the rulebook defaults. Each default used is reported as an assumption.</remarks>
internal static class ContentShares
{
    /// <summary>The share of value that is not U.S. content: declared, else the default of USMCA vehicles.</summary>
    internal static decimal NonUs(EngineContext roles, in QuoteInputs inputs, Explanation? explain)
    {
        if (inputs.UsContentShare is { } us)
        {
            return 1m - us;
        }

        explain?.Assume($"U.S. content not given: {PercentText.Of(roles.Defaults.UsmcaVehicleUsContentShare)} assumed ({roles.Defaults.UsmcaVehicleUsContentSource}).");
        return 1m - roles.Defaults.UsmcaVehicleUsContentShare;
    }

    /// <summary>The share of value that is one metal: declared, else estimated, else the flat default.</summary>
    internal static decimal Metal(EngineContext roles, ProductPlan plan, DutyBasis basis, in QuoteInputs inputs, Explanation? explain)
    {
        decimal? declared = basis switch
        {
            DutyBasis.SteelContent => inputs.Metal.Steel,
            DutyBasis.AluminumContent => inputs.Metal.Aluminum,
            _ => inputs.Metal.Copper,
        };
        if (declared is { } d)
        {
            return d;
        }

        string metal = basis switch { DutyBasis.SteelContent => "Steel", DutyBasis.AluminumContent => "Aluminum", _ => "Copper" };
        if (roles.Metal.Find(plan.Product.Code) is { } estimate && estimate.Of(basis) > 0)
        {
            decimal rounded = Math.Round(estimate.Of(basis), 4);
            if (explain is not null)
            {
                explain.Assume(estimate.IsClamped
                    ? $"{metal} content not given: {PercentText.Of(rounded)} of value assumed ({roles.Metal.Source}), the estimate clamped from "
                        + $"{PercentText.Of(Math.Round(estimate.SourceOf(basis), 4))} (steel {PercentText.Of(Math.Round(estimate.SourceSteel, 4))}, aluminum "
                        + $"{PercentText.Of(Math.Round(estimate.SourceAluminum, 4))}, copper {PercentText.Of(Math.Round(estimate.SourceCopper, 4))}): a duty on the "
                        + "metal content cannot exceed the duty on the whole value, so each share is at most 100% and the shares together at most 100%."
                    : $"{metal} content not given: {PercentText.Of(rounded)} of value assumed ({roles.Metal.Source}).");
            }

            return rounded;
        }

        explain?.Assume($"{metal} content not given and not estimated for {plan.Product.Code}: {PercentText.Of(roles.Defaults.FlatMetalShare)} assumed ({roles.Defaults.FlatMetalShareSource}).");
        return roles.Defaults.FlatMetalShare;
    }
}

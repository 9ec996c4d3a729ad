using System.Collections.Immutable;
using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation.Stacking;
using Levy.Core.Measures;

namespace Levy.Core.Calculation.Writing;

/// <summary>The facts left to the importer on which a quote turns.</summary>
internal static class QuoteChoices
{
    /// <summary>The conditions a covering measure needs (or that switch an applied one off) and that the request did not
    /// certify, each with the total it would give. A condition that would change nothing is left out.</summary>
    internal static ImmutableArray<QuoteChoice> Of(TariffEngine engine, ProductPlan plan, in QuoteInputs inputs, Evaluated[] applied, Explanation reasons,
        decimal? total)
    {
        var conditions = new List<string>(reasons.DeclarableConditions);
        foreach (Evaluated e in applied)
        {
            if (e.Candidate?.Measure.UnlessCondition is { } unless && !conditions.Contains(unless))
            {
                conditions.Add(unless);
            }
        }

        ImmutableArray<string> declared = inputs.Conditions.IsDefault ? [] : inputs.Conditions;
        var choices = ImmutableArray.CreateBuilder<QuoteChoice>();
        foreach (string condition in conditions)
        {
            if (declared.Contains(condition, StringComparer.OrdinalIgnoreCase) || !engine.Rulebook.Conditions.TryGetValue(condition, out ShipmentCondition? known)
                || known.OfferedFor is { } offered && !offered.Contains(plan.Product.Code, plan.Start))
            {
                continue;
            }

            decimal? alternative = engine.Evaluate(plan, inputs with { Conditions = declared.Add(condition) }).Total;
            if (alternative is { } a && total is { } t ? Math.Abs(a - t) >= 0.00000001m : alternative != total)
            {
                choices.Add(new QuoteChoice(known.Name, known.Description, known.Source, total, alternative));
            }
        }

        return choices.ToImmutable();
    }
}

using System.Collections.Immutable;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;
using Levy.Core.Text;

namespace Levy.Core.Calculation;

public sealed partial class TariffEngine
{
    private CountrySet? _column2;

    /// <summary>The column-2 countries (group COLUMN2).</summary>
    internal CountrySet Column2 => _column2 ??= CountrySet.Create(Rulebook.Roles.Column2Group, Countries.GroupMembers(Rulebook.Roles.Column2Group));

    /// <summary>The heading declared for the U.S. content of an article (9903.01.34).</summary>
    internal HtsCode UsContentHeading => Rulebook.Roles.UsContent.Heading;

    /// <summary>Quotes the duty on a product from a country on a date, with every reason.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The components, the total, what did not apply and why, and the defaults assumed.</returns>
    /// <exception cref="DateOutsideDataException">The entry date is outside the data.</exception>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the date.</exception>
    /// <exception cref="UnknownCountryException">The origin is not a known country.</exception>
    /// <exception cref="InvalidQuoteRequestException">The request contradicts itself or the schedule (e.g. a program the line
    /// does not grant).</exception>
    public RateQuote Quote(QuoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        ProductPlan plan = PlanFor(request.Product, request.EntryDate);
        Explanation? reasons = request.Explain ? new Explanation(request.Trace) : null;
        Explanation explain = reasons ?? Explanation.Discard;
        if (explain.TraceEnabled)
        {
            explain.Trace($"Entry date {request.EntryDate:yyyy-MM-dd}: the text of HTS {plan.Revision} governs (legal timeline); epoch {plan.Start:yyyy-MM-dd} to {plan.End.AddDays(-1):yyyy-MM-dd}.");
        }
        ValidateProgram(request, plan, explain);
        QuoteInputs inputs = QuoteInputs.Of(request);
        StackingRules.Components buffer = default;
        int count = StackingRules.Evaluate(this, plan, in inputs, ref buffer, out StackingRules.BaseDuty baseDuty, reasons);
        if (explain.TraceEnabled)
        {
            explain.Trace($"Base: {baseDuty.ColumnName} rate of {plan.Product.RateSource}: {baseDuty.Rate}.");
        }

        var components = ImmutableArray.CreateBuilder<QuoteComponent>(count + 1);
        components.Add(new QuoteComponent(Authority.Mfn, baseDuty.ColumnName, null, ComponentKind.Base, baseDuty.Rate, baseDuty.AdValorem, 1m, null, "mfn",
            request.Explain ? $"HTS {plan.Revision}, {plan.Product.RateSource} ({baseDuty.ColumnName})" : string.Empty,
            request.Explain ? BaseExplanation(request, baseDuty) : string.Empty));
        var evaluated = new StackingRules.Evaluated[count];
        var ranks = new long[count];
        for (int i = 0; i < count; i++)
        {
            evaluated[i] = buffer[i];
            ranks[i] = ((long)DeclarationRank(evaluated[i]) << 40) | (long)evaluated[i].Heading.Value;
        }

        Array.Sort(ranks, evaluated);
        foreach (StackingRules.Evaluated e in evaluated)
        {
            components.Add(request.Explain ? Describe(e, baseDuty) : Lean(e, baseDuty));
        }

        if (reasons is null)
        {
            return new RateQuote(request, plan.Revision, plan.Product, components.ToImmutable(), [], [], []);
        }

        ImmutableArray<QuoteComponent> parts = components.ToImmutable();
        decimal? total = 0m;
        foreach (QuoteComponent c in parts)
        {
            total = c.AdValorem is { } a ? total + a : null;
        }

        return new RateQuote(request, plan.Revision, plan.Product, parts, [.. reasons.NotAppliedMeasures], [.. reasons.Assumptions.Distinct()], [.. reasons.Rules])
        {
            Choices = Choices(plan, in inputs, evaluated, reasons, total),
        };
    }

    /// <summary>The facts left to the importer on which this quote turns: the conditions a covering measure needs (or that
    /// switch an applied one off) and that the request did not certify, each with the total it would give. A condition
    /// that would change nothing is left out.</summary>
    private ImmutableArray<QuoteChoice> Choices(ProductPlan plan, in QuoteInputs inputs, StackingRules.Evaluated[] applied, Explanation reasons, decimal? total)
    {
        var conditions = new List<string>(reasons.DeclarableConditions);
        foreach (StackingRules.Evaluated e in applied)
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
            if (declared.Contains(condition, StringComparer.OrdinalIgnoreCase) || !Rulebook.Conditions.TryGetValue(condition, out ShipmentCondition? known)
                || known.OfferedFor is { } offered && !offered.Contains(plan.Product.Code, plan.Start))
            {
                continue;
            }

            decimal? alternative = Evaluate(plan, inputs with { Conditions = declared.Add(condition) }).Total;
            if (alternative is { } a && total is { } t ? Math.Abs(a - t) >= 0.00000001m : alternative != total)
            {
                choices.Add(new QuoteChoice(known.Name, known.Description, known.Source, total, alternative));
            }
        }

        return choices.ToImmutable();
    }

    /// <summary>Evaluates a plan for one origin and set of declarations without explanations and without allocating:
    /// the unit of work of panels and batches.</summary>
    /// <param name="plan">The product in an epoch (<see cref="PlanFor(HtsCode, int)"/>).</param>
    /// <param name="inputs">Origin and declarations (a claimed program must be valid; <see cref="Quote"/> checks it).</param>
    /// <returns>The duties by authority.</returns>
    public QuoteTotals Evaluate(ProductPlan plan, in QuoteInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        StackingRules.Components buffer = default;
        int count = StackingRules.Evaluate(this, plan, in inputs, ref buffer, out StackingRules.BaseDuty baseDuty, null);
        var totals = new QuoteTotals();
        bool unknown = baseDuty.AdValorem is null;
        totals.Add(Authority.Mfn, baseDuty.AdValorem ?? 0m);
        for (int i = 0; i < count; i++)
        {
            StackingRules.Evaluated e = buffer[i];
            if (e.AdValorem is { } a)
            {
                totals.Add(e.Candidate?.Measure.Authority ?? Authority.IeepaReciprocal, a);
            }
            else
            {
                unknown = true;
            }
        }

        totals.NeedsValue = unknown;
        decimal sum = 0;
        for (int a = 0; a < 8; a++)
        {
            sum += totals[(Authority)a];
        }

        totals.Total = unknown ? null : sum;
        return totals;
    }

    /// <summary>True when the claimed program is (one of the symbols of) the needed program.</summary>
    internal bool ProgramMatches(string needed, string? claimed)
    {
        if (claimed is null)
        {
            return false;
        }

        PreferenceProgram? p = Rulebook.FindProgram(needed);
        return p is not null ? p.Symbols.Contains(claimed, StringComparer.OrdinalIgnoreCase) : string.Equals(needed, claimed, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The request field named when the declared metal shares add up to more than the value.</summary>
    internal const string MetalSharesField = "steel_share,aluminum_share,copper_share";

    private void Validate(QuoteRequest request)
    {
        if (!request.Product.IsTariffLine && !request.Product.IsStatisticalLine)
        {
            throw new InvalidQuoteRequestException("product", $"A quote needs an 8- or 10-digit HTS code; {request.Product} is a {request.Product.Length}-digit heading.");
        }

        if (request.Product.IsChapter99)
        {
            throw new InvalidQuoteRequestException("product", Chapter99Refusal(request.Product, request.EntryDate));
        }

        if (Countries.FindByIso(request.Origin) is null)
        {
            throw Countries.Unknown(request.Origin.Value);
        }

        if (Countries.IsDomestic(request.Origin))
        {
            throw new InvalidQuoteRequestException("origin", DomesticRefusal(request.Origin));
        }

        CheckShare(request.Metal.Steel, "steel_share");
        CheckShare(request.Metal.Aluminum, "aluminum_share");
        CheckShare(request.Metal.Copper, "copper_share");
        CheckShare(request.UsContentShare, "us_content_share");
        decimal metals = (request.Metal.Steel ?? 0m) + (request.Metal.Aluminum ?? 0m) + (request.Metal.Copper ?? 0m);
        if (metals > 1m)
        {
            throw new InvalidQuoteRequestException(MetalSharesField,
                $"The metal shares add up to {metals} of the customs value (steel {request.Metal.Steel ?? 0m}, aluminum {request.Metal.Aluminum ?? 0m}, "
                + $"copper {request.Metal.Copper ?? 0m}); an article's metal content cannot exceed its value, so together they must be at most 1.");
        }

        if (request.CustomsValue is < 0)
        {
            throw new InvalidQuoteRequestException("value", $"The customs value cannot be negative (got {request.CustomsValue}).");
        }

        if (request.LoadingDate is { } loaded && loaded > request.EntryDate)
        {
            throw new InvalidQuoteRequestException("loading_date", $"The loading date {loaded:yyyy-MM-dd} is after the entry date {request.EntryDate:yyyy-MM-dd}.");
        }

        foreach (string c in request.Conditions)
        {
            if (!Rulebook.Conditions.ContainsKey(c))
            {
                throw new InvalidQuoteRequestException("conditions",
                    $"Unknown condition \"{c}\"; the rulebook knows: {string.Join(", ", Rulebook.Conditions.Keys.Order())}.");
            }
        }

        static void CheckShare(decimal? share, string field)
        {
            if (share is { } s && (s < 0 || s > 1))
            {
                throw new InvalidQuoteRequestException(field, $"{field} must be between 0 and 1 (got {s}).");
            }
        }
    }

    /// <summary>Why a Chapter 99 heading cannot be quoted, and which goods provisions to quote instead: the products the
    /// rulebook's measures with that heading cover.</summary>
    private string Chapter99Refusal(HtsCode heading, DateOnly date)
    {
        var covers = new List<string>();
        foreach (PolicyMeasure m in Rulebook.Measures)
        {
            if (m.Heading != heading && m.TwinHeading != heading)
            {
                continue;
            }

            string coverage;
            if (m.FootnoteLinked)
            {
                coverage = $"the chapter 1–97 lines whose footnotes cite {heading}";
            }
            else if (m.Products is { } list)
            {
                var entries = list.Entries.Where(e => m.ProductListHeading is not { } h || e.Heading == h).ToList();
                var prefixes = (entries.Any(e => e.IsInForce(date)) ? entries.Where(e => e.IsInForce(date)) : entries)
                    .Select(e => e.Prefix).Distinct().Order().ToList();
                coverage = prefixes.Count == 0
                    ? $"the provisions of list {list.Name}"
                    : $"{prefixes.Count} provision{(prefixes.Count == 1 ? string.Empty : "s")} of list {list.Name}, e.g. {string.Join(", ", prefixes.Take(6))}";
            }
            else
            {
                coverage = $"products of {m.Countries?.ToString() ?? "the countries its text names"} whatever their chapter 1–97 provision";
            }

            if (!covers.Contains(coverage))
            {
                covers.Add(coverage);
            }
        }

        string what = covers.Count == 0
            ? $"no measure of the rulebook declares {heading}; the U.S. note its text cites lists the goods (`levy lookup {heading}`)"
            : $"{heading} covers {string.Join("; ", covers)}";
        return $"{heading} is a Chapter 99 heading: an additional duty declared next to the goods' own provision, not a classification of goods. "
            + $"Quote the chapter 1–97 provision of the goods instead; {what}.";
    }

    private string DomesticRefusal(CountryCode origin) =>
        $"Goods of {origin} origin ({Countries.FindByIso(origin)?.Name ?? origin.Value}) are not foreign goods: the duties Levy quotes apply to products of other countries. U.S. goods returned "
        + "after export enter under chapter 98 (heading 9801.00.10, free of duty when not advanced in value or improved in condition "
        + "abroad; subheadings 9802.00.40-.80, dutiable on the value of the work done or the foreign parts added abroad), subject to "
        + "the documentation of 19 CFR 10.1; quote the goods with the country where they were produced or last substantially transformed.";

    private void ValidateProgram(QuoteRequest request, ProductPlan plan, Explanation explain)
    {
        HtsProduct product = plan.Product;
        if (request.ClaimedProgram is not { } program)
        {
            if (!Column2.Contains(request.Origin) && explain != Explanation.Discard)
            {
                SuggestPrograms(request, product, explain);
            }

            return;
        }

        PreferenceProgram p = Rulebook.FindProgram(program)
            ?? throw new InvalidQuoteRequestException("program", $"Unknown program \"{program}\"; Special Program Indicators include S (USMCA), KR, JP, AU, P (CAFTA-DR)…");
        if (Column2.Contains(request.Origin))
        {
            throw new InvalidQuoteRequestException("program", $"Products of {request.Origin} take column 2 rates and cannot claim {program}.");
        }

        if (!p.Period.Contains(request.EntryDate))
        {
            throw new InvalidQuoteRequestException("program", $"{p.Name} ({program}) is not in force on {request.EntryDate:yyyy-MM-dd} ({p.Source}).");
        }

        if (p.CountriesChecked && p.Countries is { } beneficiaries && !beneficiaries.Contains(request.Origin))
        {
            throw new InvalidQuoteRequestException("program", $"{p.Name} ({program}) cannot be claimed for products of {request.Origin}; it covers {beneficiaries}.");
        }

        // A claim on a line whose General rate is already Free is still a claim (it matters for the USMCA exemptions of
        // the IEEPA and Section 122 duties), even though the Special column is blank.
        if ((product.Special?.Rate as PreferentialRates)?.ForProgram(program) is null && product.General?.Rate is not FreeRate)
        {
            throw new InvalidQuoteRequestException("program",
                $"{product.RateSource} does not grant {program}: its Special column reads \"{product.Special?.Text ?? "(blank)"}\".");
        }

        if (!p.CountriesChecked)
        {
            explain.Assume($"{p.Name}: beneficiary status of {request.Origin} is not checked by Levy.");
        }
    }

    private void SuggestPrograms(QuoteRequest request, HtsProduct product, Explanation explain)
    {
        if (product.Special?.Rate is not PreferentialRates special)
        {
            return;
        }

        foreach (PreferentialRate g in special.Groups)
        {
            foreach (string symbol in g.Programs)
            {
                PreferenceProgram? p = Rulebook.FindProgram(symbol);
                if (p is { CountriesChecked: true, Countries: { } c } && c.Contains(request.Origin) && p.Period.Contains(request.EntryDate))
                {
                    explain.Assume($"No preference claimed: {p.Name} ({symbol}) would give {g.Rate} if the goods qualify (claim it with the program option).");
                    return;
                }
            }
        }
    }

    private int DeclarationRank(StackingRules.Evaluated e)
    {
        string slot = e.Candidate?.Measure.Slot ?? Rulebook.Roles.UsContent.Slot;
        int rank = Rulebook.DeclarationOrder.IndexOf(slot);
        return rank < 0 ? int.MaxValue : rank;
    }

    private static string BaseExplanation(QuoteRequest request, StackingRules.BaseDuty baseDuty) => baseDuty.Column switch
    {
        RateColumn.Other => $"{request.Origin} is a column 2 country (General Note 3(b)).",
        RateColumn.General => "Column 1 General (normal trade relations) rate.",
        _ => $"Preference claimed under {baseDuty.ColumnName}.",
    };

    private static QuoteComponent Lean(StackingRules.Evaluated e, StackingRules.BaseDuty baseDuty)
    {
        if (e.Candidate is not { } c)
        {
            return new QuoteComponent(Authority.IeepaReciprocal, "U.S. content", e.Heading, ComponentKind.Exemption, NoChangeRate.Instance, 0m, e.Share, null,
                "reciprocal-us-content", string.Empty, string.Empty);
        }

        PolicyMeasure m = c.Measure;
        return new QuoteComponent(m.Authority, m.Program, e.Heading.IsEmpty ? null : e.Heading, e.Kind, c.For(m.RateColumn ?? baseDuty.Column).Printed,
            e.AdValorem, e.Share, e.FloorRate, m.Id, c.Period.Source, m.Citation);
    }

    private QuoteComponent Describe(StackingRules.Evaluated e, StackingRules.BaseDuty baseDuty)
    {
        if (e.Candidate is not { } c)
        {
            return new QuoteComponent(Authority.IeepaReciprocal, "U.S. content", e.Heading, ComponentKind.Exemption, NoChangeRate.Instance, 0m, e.Share, null,
                "reciprocal-us-content", Rulebook.Roles.UsContent.Citation,
                $"The U.S. content ({PercentText.Of(e.Share)} of value, at least {PercentText.Of(Rulebook.Roles.UsContent.Threshold)}) is not subject to the reciprocal duty.");
        }

        PolicyMeasure m = c.Measure;
        HeadingTermsOfColumn terms = c.For(m.RateColumn ?? baseDuty.Column);
        string listed = c.Entry is { } entry && m.Products is { } list ? $" (listed as {entry.Prefix} in {list.Name})" : string.Empty;
        string on = e.Share == 1m ? string.Empty : $" on {PercentText.Of(e.Share)} of the value";
        string text = e.Kind switch
        {
            ComponentKind.Floor => $"{PercentText.Of(e.FloorRate!.Value)} all-in: adds {(e.AdValorem is { } a ? PercentText.Of(a) : "the difference")} to the ordinary duty{on}. {m.Citation}. Rate read from {terms.RateSource}.",
            ComponentKind.Additional => $"+{PercentText.Of(terms.Rate)}{on}. {m.Citation}. Rate read from {terms.RateSource}."
                + (e.Note == StackingRules.Evaluated.UsContentNote ? $" Charged on the non-U.S. content only ({UsContentHeading})." : string.Empty),
            _ => e.Note switch
            {
                StackingRules.Evaluated.FloorMetNote => $"The ordinary duty already meets the {PercentText.Of(e.FloorRate!.Value)} all-in rate: nothing is added ({m.Citation}).",
                StackingRules.Evaluated.PartialNote => $"Exempt on the {PercentText.Of(e.Share)} of value charged under Section 232: {m.Citation}.",
                StackingRules.Evaluated.InTransitNote => "Loaded before the measure took effect: the in-transit heading is declared.",
                _ => $"Exempt: {m.Citation}{listed}.",
            },
        };
        string program = e.Note == StackingRules.Evaluated.InTransitNote ? m.Program + " (in transit)" : m.Program;
        return new QuoteComponent(m.Authority, program, e.Heading.IsEmpty ? null : e.Heading, e.Kind, terms.Printed, e.AdValorem, e.Share, e.FloorRate,
            m.Id, c.Period.Source, text);
    }
}

using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation.Stacking;
using Levy.Core.Countries;
using Levy.Core.Inputs;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation.Validation;

/// <summary>Checks a quote request against itself, the rulebook and the schedule before it is evaluated, and returns what
/// is wrong as a value. The bounds of each input come from the one input table, <see cref="UserInputs"/>.</summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class QuoteValidator
{
    /// <summary>The request field named when the declared metal shares add up to more than the value.</summary>
    internal const string MetalSharesField = "steel_share,aluminum_share,copper_share";

    private readonly EngineContext _roles;
    private readonly CountryDirectory _countries;

    internal QuoteValidator(EngineContext roles, CountryDirectory countries)
    {
        _roles = roles;
        _countries = countries;
    }

    private Rulebook Rulebook => _roles.Rulebook;

    /// <summary>What is wrong with the request on its own (before its product is planned), or null.</summary>
    internal QuoteRequestError? Check(QuoteRequest request)
    {
        if (!request.Product.IsTariffLine && !request.Product.IsStatisticalLine)
        {
            return new("product", $"A quote needs an 8- or 10-digit HTS code; {request.Product} is a {request.Product.Length}-digit heading.");
        }

        if (request.Product.IsChapter99)
        {
            return new("product", RefusalTexts.Chapter99(Rulebook, request.Product, request.EntryDate));
        }

        if (_countries.FindByIso(request.Origin) is null)
        {
            return new("origin", request.Origin.Value, UnknownOrigin: true);
        }

        if (_countries.IsDomestic(request.Origin))
        {
            return new("origin", RefusalTexts.Domestic(_countries, request.Origin));
        }

        QuoteRequestError? error = Share(request.Metal.Steel, UserInputs.SteelShare)
            ?? Share(request.Metal.Aluminum, UserInputs.AluminumShare)
            ?? Share(request.Metal.Copper, UserInputs.CopperShare)
            ?? Share(request.UsContentShare, UserInputs.UsContentShare);
        if (error is not null)
        {
            return error;
        }

        decimal metals = (request.Metal.Steel ?? 0m) + (request.Metal.Aluminum ?? 0m) + (request.Metal.Copper ?? 0m);
        if (metals > UserInputs.SteelShare.Max)
        {
            return new(MetalSharesField,
                $"The metal shares add up to {metals} of the customs value (steel {request.Metal.Steel ?? 0m}, aluminum {request.Metal.Aluminum ?? 0m}, "
                + $"copper {request.Metal.Copper ?? 0m}); an article's metal content cannot exceed its value, so together they must be at most 1.");
        }

        if (request.CustomsValue is { } value && value < UserInputs.CustomsValue.Min)
        {
            return new(UserInputs.CustomsValue.Api!, $"The customs value cannot be negative (got {request.CustomsValue}).");
        }

        if (request.LoadingDate is { } loaded && loaded > request.EntryDate)
        {
            return new("loading_date", $"The loading date {loaded:yyyy-MM-dd} is after the entry date {request.EntryDate:yyyy-MM-dd}.");
        }

        foreach (string c in request.Conditions)
        {
            if (!Rulebook.Conditions.ContainsKey(c))
            {
                return new("conditions", $"Unknown condition \"{c}\"; the rulebook knows: {string.Join(", ", Rulebook.Conditions.Keys.Order())}.");
            }
        }

        return null;

        // The engine names a share by its batch column (steel_share), as its messages always have.
        static QuoteRequestError? Share(decimal? share, InputField field) => share is { } s && (s < field.Min || s > field.Max)
            ? new(field.Batch!, $"{field.Batch} must be between {field.Min} and {field.Max} (got {s}).")
            : null;
    }

    /// <summary>What is wrong with the claimed program given the planned product, or null. Notes the assumptions a program
    /// claim (or its absence) implies.</summary>
    internal QuoteRequestError? CheckProgram(QuoteRequest request, ProductPlan plan, Explanation explain)
    {
        HtsProduct product = plan.Product;
        if (request.ClaimedProgram is not { } program)
        {
            if (!_roles.Column2.Contains(request.Origin) && explain != Explanation.Discard)
            {
                SuggestPrograms(request, product, explain);
            }

            return null;
        }

        if (Rulebook.FindProgram(program) is not { } p)
        {
            return new("program", $"Unknown program \"{program}\"; Special Program Indicators include S (USMCA), KR, JP, AU, P (CAFTA-DR)…");
        }

        if (_roles.Column2.Contains(request.Origin))
        {
            return new("program", $"Products of {request.Origin} take column 2 rates and cannot claim {program}.");
        }

        if (!p.Period.Contains(request.EntryDate))
        {
            return new("program", $"{p.Name} ({program}) is not in force on {request.EntryDate:yyyy-MM-dd} ({p.Source}).");
        }

        if (p.CountriesChecked && p.Countries is { } beneficiaries && !beneficiaries.Contains(request.Origin))
        {
            return new("program", $"{p.Name} ({program}) cannot be claimed for products of {request.Origin}; it covers {beneficiaries}.");
        }

        // A claim on a line whose General rate is already Free is still a claim (it matters for the USMCA exemptions of
        // the IEEPA and Section 122 duties), even though the Special column is blank.
        if ((product.Special?.Rate as PreferentialRates)?.ForProgram(program) is null && product.General?.Rate is not FreeRate)
        {
            return new("program", $"{product.RateSource} does not grant {program}: its Special column reads \"{product.Special?.Text ?? "(blank)"}\".");
        }

        if (!p.CountriesChecked)
        {
            explain.Assume($"{p.Name}: beneficiary status of {request.Origin} is not checked by Levy.");
        }

        return null;
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

    /// <summary>Throws the exception a quote has always thrown for an error.</summary>
    internal void Throw(QuoteRequestError error) =>
        throw (error.UnknownOrigin ? _countries.Unknown(error.Message) : new InvalidQuoteRequestException(error.Field, error.Message));
}

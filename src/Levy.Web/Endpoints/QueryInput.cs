using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Levy.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Levy.Web.Endpoints;

/// <summary>Reads the API's query and route values. Each reader returns null when the value is good (and sets the out
/// parameter), or the problem to send back, naming the parameter:
/// <code>if (QueryInput.Code(code, "code", out HtsCode hts) is { } problem) return problem;</code></summary>
internal static class QueryInput
{
    /// <summary>The longest free-text value accepted (search words, country names).</summary>
    internal const int MaxTextLength = 200;

    internal static ProblemHttpResult? Code(string? text, string field, out HtsCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.Missing(field, "an HTS code such as 8703.23.01.90");
        }

        return HtsCode.TryParse(text.AsSpan(), out code, out string? error)
            ? null
            : Problems.BadInput(field, text, ProblemTitles.InvalidCode, error);
    }

    internal static ProblemHttpResult? Date(string? text, string field, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.Missing(field, "a date as yyyy-MM-dd, e.g. 2025-04-20");
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? null
            : Problems.BadInput(field, text, ProblemTitles.InvalidDate, $"{field} \"{text}\" is not a date: expected yyyy-MM-dd, e.g. 2025-04-20.");
    }

    /// <summary>A date that defaults to today (by the host's clock) when not given.</summary>
    internal static ProblemHttpResult? DateOrToday(string? text, string field, TimeProvider clock, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            return null;
        }

        return Date(text, field, out date);
    }

    /// <summary>A date that must be covered by the data (422 otherwise).</summary>
    internal static ProblemHttpResult? DateInData(RevisionCatalogue catalogue, DateOnly date, string field, out HtsRevision revision)
    {
        revision = null!;
        try
        {
            revision = catalogue.ForDate(date);
            return null;
        }
        catch (DateOutsideDataException e)
        {
            return Problems.OutsideData(field, e);
        }
    }

    /// <summary>A range of dates within the data from <c>from</c> and <c>to</c>, each defaulting to the end of the data on
    /// its side.</summary>
    internal static ProblemHttpResult? DateRange(RevisionCatalogue catalogue, string? fromText, string? toText, out DateOnly from, out DateOnly to)
    {
        from = catalogue.FirstDate;
        to = catalogue.Horizon;
        if ((fromText is null ? null : Date(fromText, "from", out from)) is { } badFrom)
        {
            return badFrom;
        }

        if ((toText is null ? null : Date(toText, "to", out to)) is { } badTo)
        {
            return badTo;
        }

        if (to < from)
        {
            return Problems.BadInput("to", toText, ProblemTitles.InvalidDateRange, $"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}).");
        }

        return DateInData(catalogue, from, "from", out _) ?? DateInData(catalogue, to, "to", out _);
    }

    /// <summary>The schedule chosen by <c>date</c> (default today) or <c>revision</c> (not both), and the date it was chosen for.</summary>
    internal static ProblemHttpResult? Schedule(
        LevyData data, TimeProvider clock, string? date, string? revision, out TariffSchedule schedule, out DateOnly? forDate)
    {
        schedule = null!;
        forDate = null;
        if (!string.IsNullOrWhiteSpace(date) && !string.IsNullOrWhiteSpace(revision))
        {
            return Problems.BadInput("revision", revision, ProblemTitles.ConflictingParameters, "Give either date or revision, not both.");
        }

        if (!string.IsNullOrWhiteSpace(revision))
        {
            if (!HtsRevisionId.TryParse(revision, out HtsRevisionId id) || data.Catalogue.Find(id) is null)
            {
                string known = string.Join(", ", data.Catalogue.Revisions.Select(r => r.Id.ShortName));
                return Problems.BadInput("revision", revision, ProblemTitles.InvalidRevision,
                    $"\"{revision}\" is not an HTS revision of the data; known: {known}.");
            }

            schedule = data.Archive.Get(id);
            return null;
        }

        if (DateOrToday(date, "date", clock, out DateOnly day) is { } bad)
        {
            return bad;
        }

        if (DateInData(data.Catalogue, day, "date", out HtsRevision inForce) is { } outside)
        {
            return outside;
        }

        schedule = data.Archive.Get(inForce.Id);
        forDate = day;
        return null;
    }

    internal static ProblemHttpResult? Product(TariffSchedule schedule, HtsCode code, string field, out HtsProduct product)
    {
        product = schedule.FindProduct(code)!;
        return product is null ? Problems.UnknownCode(field, new UnknownProductException(code, schedule.Revision, schedule.Nearest(code))) : null;
    }

    internal static ProblemHttpResult? Country(CountryDirectory countries, string? text, string field, out Country country)
    {
        country = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.Missing(field, "a country as an ISO code (JP), a name (Japan) or a Census code (5880)");
        }

        if (Text(text, field) is { } tooLong)
        {
            return tooLong;
        }

        if (countries.TryResolve(text, out Country? found))
        {
            country = found;
            return null;
        }

        return Problems.UnknownCountry(field, new UnknownCountryException(text, countries.Suggest(text)));
    }

    /// <summary>One country (not a group): the analysis endpoints build a panel per country, and a group's takes too long
    /// for a request (<c>levy etr --country EU</c> does it).</summary>
    internal static ProblemHttpResult? SingleCountry(CountryDirectory countries, string? text, string field, out Country country)
    {
        if (!string.IsNullOrWhiteSpace(text) && text.Length <= MaxTextLength && !countries.TryResolve(text, out _)
            && (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase) || !countries.GroupMembers(text.Trim()).IsEmpty))
        {
            country = null!;
            return Problems.BadInput(field, text, ProblemTitles.InvalidChoice,
                $"{field} \"{text}\" is a group of countries; the API answers one country at a time, since a group's panel takes about 30 s to build. Use `levy etr --country {text.Trim()}` or `levy scenario compare … --country {text.Trim()}`.");
        }

        if (Country(countries, text, field, out country) is { } bad)
        {
            return bad;
        }

        return countries.IsDomestic(country.Iso)
            ? Problems.BadInput(field, text, ProblemTitles.InvalidChoice,
                $"{field} \"{text}\" is the United States: its goods are not imports, so it has no panel or effective rate; name a country goods are imported from.")
            : null;
    }

    /// <summary>Free text no longer than <see cref="MaxTextLength"/>.</summary>
    internal static ProblemHttpResult? Text(string? text, string field) =>
        text is { Length: > MaxTextLength }
            ? Problems.BadInput(field, text[..40] + "…", ProblemTitles.QueryTooLong, $"{field} has {text.Length} characters; at most {MaxTextLength} are accepted.")
            : null;

    internal static ProblemHttpResult? Integer(string? text, string field, int min, int max, int fallback, out int value)
    {
        value = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max
            ? null
            : Problems.BadInput(field, text, ProblemTitles.InvalidNumber, $"{field} \"{text}\" must be a whole number from {min} to {max}.");
    }

    /// <summary>An optional decimal in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal static ProblemHttpResult? Decimal(string? text, string field, decimal min, decimal max, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal d) && d >= min && d <= max)
        {
            value = d;
            return null;
        }

        return Problems.BadInput(field, text, ProblemTitles.InvalidNumber,
            $"{field} \"{text}\" must be a number from {min} to {max}, written with a dot (e.g. 0.25).");
    }

    /// <summary>Optional quantities with their units (<c>1000kg</c>, <c>12 doz.</c>).</summary>
    internal static ProblemHttpResult? Quantities(string[]? texts, string field, out IReadOnlyList<Quantity> quantities)
    {
        var list = new List<Quantity>();
        quantities = list;
        foreach (string text in texts ?? [])
        {
            if (!Quantity.TryParse(text, out Quantity q))
            {
                return Problems.BadInput(field, text, ProblemTitles.InvalidNumber, $"{field} \"{text}\" is not a quantity with a unit (e.g. 1000kg, 12 doz.).");
            }

            list.Add(q);
        }

        return null;
    }

    internal static ProblemHttpResult? Flag(string? text, string field, out bool value)
    {
        value = false;
        return string.IsNullOrWhiteSpace(text) || bool.TryParse(text.Trim(), out value)
            ? null
            : Problems.BadInput(field, text, ProblemTitles.InvalidChoice, $"{field} \"{text}\" must be true or false.");
    }

    /// <summary>An optional enum value by its name, in any case (<c>vessel</c>, <c>Air</c>).</summary>
    internal static ProblemHttpResult? Choice<TEnum>(string? text, string field, out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string t = text.Trim();
        if (!char.IsAsciiLetter(t[0]) || !t.All(char.IsAsciiLetterOrDigit) || !Enum.TryParse(t, ignoreCase: true, out TEnum parsed))
        {
            string choices = string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
            return Problems.BadInput(field, text, ProblemTitles.InvalidChoice, $"{field} \"{text}\" must be one of: {choices}.");
        }

        value = parsed;
        return null;
    }

    /// <summary>A rulebook: <c>actual</c> (when not given) or the name of a scenario of the rulebook.</summary>
    internal static ProblemHttpResult? Scenario(LevyData data, string? text, string field, out string scenario)
    {
        scenario = string.IsNullOrWhiteSpace(text) ? Levy.Data.Rulebook.PolicyRulebookReader.Actual : text.Trim();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Text(text, field) is { } tooLong)
        {
            return tooLong;
        }

        return data.ScenarioNames.Contains(scenario, StringComparer.Ordinal) ? null : Problems.UnknownScenario(field, text!, data.ScenarioNames);
    }

    /// <summary>An optional Special Program Indicator (<c>S</c>, <c>KR</c>, <c>A+</c>), upper-cased.</summary>
    internal static ProblemHttpResult? Program(string? text, string field, out string? program)
    {
        program = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string t = text.Trim().ToUpperInvariant();
        if (t.Length is >= 1 and <= 3 && char.IsAsciiLetter(t[0]) && t.All(c => char.IsAsciiLetter(c) || c is '+' or '*'))
        {
            program = t;
            return null;
        }

        return Problems.BadInput(field, text, ProblemTitles.InvalidProgram,
            $"{field} \"{text}\" is not a Special Program Indicator: expected a symbol of the Special column such as S, KR, AU or A+.");
    }
}

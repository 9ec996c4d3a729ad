using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Inputs;
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
    internal const int MaxTextLength = InputBounds.MaxTextLength;

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

        InputField input = UserInputs.Find(InputSurface.Api, field) ?? UserInputs.EntryDate;
        return input.TryRead(text, out date, out string? reason)
            ? null
            : Problems.BadInput(field, text, ProblemTitles.InvalidDate, Sentence(field, reason));
    }

    /// <summary>A date that defaults to today (by the host's clock) when not given.</summary>
    /// <summary>Today by the host's clock.</summary>
    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>A date, or today when none is given.</summary>
    internal static ProblemHttpResult? DateOrToday(string? text, string field, TimeProvider clock, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = Today(clock);
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

    /// <summary>The schedule chosen by <c>date</c> (default today) or <c>revision</c> (not both), and the date it was chosen for.
    /// For a date, the revision whose text governs entries that day (the legal timeline), the one a quote reads.</summary>
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

        if (DateInData(data.Catalogue, day, "date", out _) is { } outside)
        {
            return outside;
        }

        schedule = data.Archive.Get(data.Timeline.ForDate(day));
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

        return Problems.UnknownCountry(field, countries.Unknown(text));
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

    /// <summary>An optional whole number of an input of the table, at most <paramref name="max"/> (a setting of the host
    /// may lower the table's bound).</summary>
    internal static ProblemHttpResult? Integer(InputField input, string? text, int max, int fallback, out int value)
    {
        value = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        InputField bounded = input.Max > max ? input.WithMax(max) : input;
        return bounded.TryRead(text, out value, out string? reason)
            ? null
            : Problems.BadInput(input.Api!, text, ProblemTitles.InvalidNumber, Sentence(input.Api!, reason));
    }

    /// <summary>An optional number of an input of the table (an amount, a share), read and bounded as on every surface.</summary>
    internal static ProblemHttpResult? Number(InputField input, string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (input.TryRead(text, out decimal d, out string? reason))
        {
            value = d;
            return null;
        }

        return Problems.BadInput(input.Api!, text, ProblemTitles.InvalidNumber, Sentence(input.Api!, reason));
    }

    /// <summary>Optional quantities with their units (<c>1000kg</c>, <c>12 doz.</c>): each read and bounded by the table,
    /// then together (at most two, one per unit).</summary>
    internal static ProblemHttpResult? Quantities(string[]? texts, out IReadOnlyList<Quantity> quantities)
    {
        InputField input = UserInputs.Quantity;
        var list = new List<Quantity>();
        quantities = list;
        foreach (string text in texts ?? [])
        {
            if (!input.TryRead(text, out Quantity q, out string? reason))
            {
                return Problems.BadInput(input.Api!, text, ProblemTitles.InvalidNumber, Sentence(input.Api!, reason));
            }

            list.Add(q);
        }

        return UserInputs.CheckQuantities(list) is { } problem
            ? Problems.BadInput(input.Api!, string.Join(",", texts!), ProblemTitles.InvalidNumber, Sentence(input.Api!, problem))
            : null;
    }

    /// <summary>An optional choice of an input of the table (<c>mode</c>, <c>stacking</c>), in any accepted spelling.</summary>
    internal static ProblemHttpResult? Choice(InputField input, string? text, out string? choice)
    {
        choice = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return input.TryReadChoice(text, out choice, out string? reason)
            ? null
            : Problems.BadInput(input.Api!, text, ProblemTitles.InvalidChoice, Sentence(input.Api!, reason));
    }

    // The table's reason as the API says it: "value \"abc\" is not an amount in USD (…)."
    private static string Sentence(string field, string reason) => $"{field} {reason}.";

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

        return UserInputs.Program.TryReadText(text, out program, out string? reason)
            ? null
            : Problems.BadInput(field, text, ProblemTitles.InvalidProgram, Sentence(field, reason));
    }
}
